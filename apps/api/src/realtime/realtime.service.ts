import { Injectable, Logger } from '@nestjs/common';
import type { Namespace, Server } from 'socket.io';
import { Authorship } from '../authorship/authorship.service.js';
import type { Scope } from '../authorship/scope.js';
import { RedisConnection } from '../common/redis.provider.js';
import type { LiveNotification, QueueCounts } from '#libs/contracts';

/** What a socket carries about its user, set at the handshake for every namespace (see app-io.adapter.ts). */
export interface SocketData {
  userId?: string | null;
  /** The login session the socket was let in by. */
  sessionId?: string | null;
  /** The user's role when the socket was let in. */
  role?: string | null;
}

/** Whether a dropped socket may come back with its rooms and missed events (see mayRecover). */
export type RecoveryCheck = (data: SocketData) => Promise<boolean>;

/** Which of a user's sockets to end: all, those of one session, or all but one session's. */
export type SocketSelection = { sessionId?: string; exceptSessionId?: string };

// The /mod and /me payloads are part of the contract (libs/contracts).
export type { LiveNotification, QueueCounts } from '#libs/contracts';

/** The room of one user's sockets in a namespace. */
export const userRoom = (userId: string) => `user:${userId}`;

const ANON_EVENT = 'erf:notify-key';

/**
 * The one place services emit live events through (after immich's websocket repository): they
 * say what happened, this knows about namespaces, rooms and sockets. Gateways bind their
 * namespaces here at start.
 */
@Injectable()
export class RealtimeService {
  private readonly logger = new Logger(RealtimeService.name);
  private mod?: Namespace;
  private me?: Namespace;
  private readonly recoveryChecks = new Map<string, RecoveryCheck>();

  constructor(
    private readonly authorship: Authorship,
    private readonly redis: RedisConnection,
  ) {}

  /** How a namespace decides whether a parked socket may be restored; without one, none is. */
  guardRecovery(namespace: { name: string }, check: RecoveryCheck): void {
    this.recoveryChecks.set(namespace.name, check);
  }

  /**
   * Asked before Socket.IO restores a dropped socket (its rooms, `data` and the events it missed)
   * from `data` as it was: no means a fresh connection, which has to join again (decision 0038).
   */
  async mayRecover(namespace: string, data: unknown): Promise<boolean> {
    const check = this.recoveryChecks.get(namespace);
    if (!check || typeof data !== 'object' || data === null) return false;
    try {
      return await check(data as SocketData);
    } catch (e) {
      this.logger.warn(`recovery check failed: ${String(e)}`);
      return false;
    }
  }

  bindModeration(namespace: Namespace): void {
    this.mod = namespace;
  }

  bindNotifications(namespace: Namespace): void {
    this.me = namespace;
    // Another process asks this one to deliver to the author behind a keyed hash, if they are here.
    namespace.on(ANON_EVENT, (scope: Scope, hash: string, notification: LiveNotification) => {
      void this.deliverToKeyLocally(scope, Buffer.from(hash, 'base64'), notification);
    });
  }

  /** `queue:changed` to every moderator's socket. */
  queueChanged(counts: QueueCounts): void {
    this.mod?.emit('queue:changed', counts);
  }

  notifyUser(userId: string, notification: LiveNotification): void {
    this.me?.to(userRoom(userId)).emit('notification', notification);
  }

  /**
   * A notification for the author of anonymous content: the sockets whose user's key in `scope`
   * is `hash` get it, found by recomputing keys in memory; nothing about the match is kept.
   */
  async notifyAuthorKey(scope: Scope, hash: Buffer, notification: LiveNotification): Promise<void> {
    if (!this.me) return;
    // Several processes (REDIS_URL): each looks among its own sockets.
    if (this.redis.client) this.me.serverSideEmit(ANON_EVENT, scope, hash.toString('base64'), notification);
    await this.deliverToKeyLocally(scope, hash, notification);
  }

  /**
   * Ends a user's open sockets, in every namespace and every process: what a socket receives was
   * decided by the session and the role it was let in with, so when either ends or changes the
   * socket must go (the web connects again, as whoever it is now).
   */
  async endSockets(userId: string, which: SocketSelection = {}): Promise<void> {
    const server = this.server();
    if (!server) return;
    for (const namespace of server._nsps.values()) {
      const sockets = await namespace.fetchSockets();
      for (const socket of sockets) {
        const data = socket.data as SocketData | undefined;
        if (data?.userId !== userId) continue;
        if (which.sessionId !== undefined && data.sessionId !== which.sessionId) continue;
        if (which.exceptSessionId !== undefined && data.sessionId === which.exceptSessionId) continue;
        socket.disconnect(true);
      }
    }
  }

  /**
   * Ends the user's sockets at a random moment within `withinMs`: for a ban of the hidden author of
   * anonymous content, whose name leaving a café room at the moment of the ban would name them.
   * Until then every event from those sockets is refused (the café asks the session afresh each
   * time). Timers are lost with the process, and so are its sockets.
   */
  endSocketsLater(userId: string, withinMs: number): void {
    const delay = Math.floor(withinMs / 10 + Math.random() * withinMs * 0.9);
    setTimeout(() => {
      this.endSockets(userId).catch((e) => this.logger.warn(`ending sockets later failed: ${String(e)}`));
    }, delay).unref();
  }

  private server(): Server | undefined {
    return (this.me ?? this.mod)?.server;
  }

  private async deliverToKeyLocally(scope: Scope, hash: Buffer, notification: LiveNotification): Promise<void> {
    if (!this.me) return;
    const userIds = [
      ...new Set(
        [...this.me.sockets.values()].map((s) => (s.data as SocketData).userId).filter((id): id is string => !!id),
      ),
    ];
    if (userIds.length === 0) return;
    try {
      for (const userId of await this.authorship.holdersAmong(userIds, scope, hash))
        this.notifyLocalUser(userId, notification);
    } catch (e) {
      this.logger.warn(`live notification not delivered: ${String(e)}`);
    }
  }

  private notifyLocalUser(userId: string, notification: LiveNotification): void {
    for (const socket of this.me!.sockets.values())
      if ((socket.data as SocketData).userId === userId) socket.emit('notification', notification);
  }
}
