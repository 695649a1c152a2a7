import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CafeBroadcaster, type JoinedParticipant } from './cafe.broadcaster.js';
import { toParticipants } from './cafe.mappers.js';
import { CafeMessagesRepository } from './cafe-messages.repository.js';
import { CafeRoomsRepository } from './cafe-rooms.repository.js';
import { CafeStateStore, HEARTBEAT_MS } from './state/cafe-state.js';

/** A message someone reported stays for the moderators at most this long after its session. */
export const REPORTED_MAX_SECONDS = 14 * 24 * 3600;

/**
 * The café's scheduled work, on the app's own database pool: closing sessions whose time is up,
 * deleting messages after the retention period, and renewing this process's presence leases.
 */
@Injectable()
export class CafeMaintenance {
  private readonly logger = new Logger('CafeMaintenance');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rooms: CafeRoomsRepository,
    private readonly messages: CafeMessagesRepository,
    private readonly state: CafeStateStore,
    private readonly broadcaster: CafeBroadcaster,
  ) {}

  /** Deletes café messages CAFE_RETENTION_HOURS after their session ended. */
  @Interval(10 * 60 * 1000)
  async retention(): Promise<void> {
    await this.guard('retention', () => this.purgeExpired());
  }

  async purgeExpired(
    retentionHours = this.config.cafeRetentionHours,
  ): Promise<{ messages: number; restrictions: number }> {
    return this.messages.purge(retentionHours * 3600, Math.max(REPORTED_MAX_SECONDS, retentionHours * 3600));
  }

  /** Tells the rooms whose session just ended, once across all processes. */
  @Interval(15 * 1000)
  async sessionEnds(): Promise<void> {
    await this.guard('session ends', () => this.endFinishedSessions());
  }

  async endFinishedSessions(): Promise<number> {
    const ended = await this.rooms.endFinished();
    for (const { id, slug } of ended) {
      this.broadcaster.roomClosed(id, slug);
      await this.state.clear(id);
    }
    return ended.length;
  }

  /** Renews the leases of participants connected here; announces presence when it changed. */
  @Interval(HEARTBEAT_MS)
  async heartbeat(): Promise<void> {
    await this.guard('heartbeat', () => this.renewPresence());
  }

  async renewPresence(): Promise<void> {
    const bySession = new Map<string, JoinedParticipant[]>();
    for (const socket of this.broadcaster.localSockets()) {
      for (const p of Object.values(socket.data.participants ?? {}))
        bySession.set(p.sessionId, [...(bySession.get(p.sessionId) ?? []), p]);
    }
    for (const [sessionId, participants] of bySession) {
      const back = await this.state.renew(
        sessionId,
        participants.map((p) => p.id),
      );
      const { participants: online, pruned } = await this.state.online(sessionId);
      if (back > 0 || pruned > 0) this.broadcaster.presence(sessionId, participants[0].room, toParticipants(online));
    }
  }

  private async guard(what: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (e) {
      this.logger.warn(`${what} failed, will retry: ${(e as Error).message}`);
    }
  }
}
