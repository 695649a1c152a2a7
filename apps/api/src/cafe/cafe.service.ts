import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { CAFE_LIMITS, type CafeJoinResult, type CafeMessage } from '#libs/contracts';
import type { Policy } from '#libs/policy';
import { hasAction, type ScreeningResult } from '#libs/screening';
import type { SessionUser } from '../auth/session-user.js';
import { Authorship } from '../authorship/authorship.service.js';
import { NAMED_VOICE } from '../authorship/scope.js';
import { ReaderPreferencesRepository } from '../reader-safety/reader-preferences.repository.js';
import { clientIp } from '../common/client-ip.js';
import { RateLimitService } from '../common/rate-limit.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Transactions } from '../database/transactions.js';
import { IdentityService } from '../identity/identity.service.js';
import { socketIdentity } from '../identity/socket-auth.js';
import { RECOVERY_WINDOW_MS } from '../realtime/app-io.adapter.js';
import type { SocketData } from '../realtime/realtime.service.js';
import { UsersRepository } from '../users/users.repository.js';
import { CrisisSupportService } from '../screening/crisis-support.service.js';
import { ScreeningService } from '../screening/screening.service.js';
import { CafeError, cafeRefusal, ensureCafe, toCafeError } from './cafe-error.js';
import { CafeHostTools } from './cafe-host.service.js';
import {
  CafeBroadcaster,
  channels,
  type CafeSocket,
  type CafeSocketData,
  type JoinedParticipant,
  presenceList,
} from './cafe.broadcaster.js';
import { toCafeMessage, toParticipants } from './cafe.mappers.js';
import { CafeMessagesRepository } from './cafe-messages.repository.js';
import { CafeModerationService } from './cafe-moderation.service.js';
import { CafeRoomsRepository, type RoomRow } from './cafe-rooms.repository.js';
import { CafeRoomPayload, JoinPayload, MessagePayload, ModeratePayload, ReportPayload } from './dto/cafe-socket.dto.js';
import { checkNicknameShape, cleanNickname, isReservedNickname, nicknameKey } from './nickname.js';
import { parsePayload } from './socket-payload.js';
import { CafeStateStore } from './state/cafe-state.js';

/** Rooms one connection may be in at once. */
const MAX_ROOMS_PER_SOCKET = 5;
/** Typing notices from one participant are passed on at most this often. */
const TYPING_EVERY_MS = 2_000;
/** Disconnect reasons that are a goodbye, not a dropped connection. */
const GOODBYES = new Set(['client namespace disconnect', 'server namespace disconnect']);

/** Control characters other than tab and line feed have no place in a chat line. */
function withoutControls(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code === 9 || code === 10 || (code >= 32 && code !== 127)) out += ch;
  }
  return out;
}

/** Whether a participant may stay in their room now (CafeService.admit), and if not what to tell and undo. */
type Admission =
  | { ok: true; room: RoomRow; mutedUntil: Date | null | undefined }
  | { ok: false; error: CafeError; leave: 'no' | 'forget' | 'release' };

/** What every event after `join` needs: who is asking, and the state of their session. */
interface EventContext {
  participant: JoinedParticipant;
  user: SessionUser | undefined;
  policy: Policy;
  room: RoomRow;
  mutedUntil: Date | null | undefined;
}

/**
 * The café's rules for live rooms. The gateway hands every client event here; the permission
 * questions go to the one Policy, built afresh for each event from the socket's login session,
 * so a logout, a ban, a role change or a host's mute applies at once. The same check decides
 * whether a dropped connection may be restored into its rooms (decision 0038).
 */
@Injectable()
export class CafeService {
  private readonly typingAt = new WeakMap<CafeSocket, Map<string, number>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly roomsData: CafeRoomsRepository,
    private readonly messages: CafeMessagesRepository,
    private readonly moderation: CafeModerationService,
    private readonly tx: Transactions,
    private readonly hostTools: CafeHostTools,
    private readonly state: CafeStateStore,
    private readonly broadcaster: CafeBroadcaster,
    private readonly identity: IdentityService,
    private readonly authorship: Authorship,
    private readonly users: UsersRepository,
    private readonly limits: RateLimitService,
    private readonly screening: ScreeningService,
    private readonly crisis: CrisisSupportService,
    private readonly ignoring: ReaderPreferencesRepository,
  ) {}

  // --- connection lifecycle ---

  /**
   * Asked before a dropped connection is restored (its rooms and the events it missed): only when
   * the person it was is still logged in as then and every room it was in would still have them.
   * Otherwise its places are given up, and the client joins again, which says why not.
   */
  async mayRecover(data: CafeSocketData & SocketData): Promise<boolean> {
    const participants = Object.values(data.participants ?? {});
    const { holds, user } = await this.identity.parkedSocketHolds(data);
    let admitted = holds;
    if (admitted) {
      const policy = await this.identity.policyFor(user);
      for (const participant of participants)
        if (!(await this.admit(participant, user, policy)).ok) {
          admitted = false;
          break;
        }
    }
    if (!admitted)
      for (const participant of participants) {
        await this.state.release(participant.sessionId, participant.id);
        await this.announcePresence(participant.sessionId, participant.room);
      }
    return admitted;
  }

  /**
   * A recovered connection comes back into its rooms, if its place was still held. Whoever the
   * connection is now (the middlewares read its session again) must still be admitted to each;
   * if not, it is ended, and the client connects and joins afresh (and is told why not).
   */
  async connected(socket: CafeSocket): Promise<void> {
    if (!socket.recovered) {
      socket.data.participants = {};
      return;
    }
    const { user, policy } = await socketIdentity(this.identity, socket);
    for (const participant of Object.values(this.joinedOf(socket)))
      if (!(await this.admit(participant, user, policy)).ok) {
        socket.disconnect(true);
        return;
      }
    for (const participant of Object.values(this.joinedOf(socket))) {
      const back = await this.state.resume(
        { id: participant.sessionId, endsAt: new Date(participant.sessionEndsAt) },
        participant.id,
      );
      if (back) await this.announcePresence(participant.sessionId, participant.room);
      else this.forget(socket, participant);
    }
  }

  /** A goodbye frees the nickname at once; a dropped connection keeps it for the recovery window. */
  async disconnected(socket: CafeSocket, reason: string): Promise<void> {
    for (const participant of Object.values(this.joinedOf(socket))) {
      if (GOODBYES.has(reason)) await this.state.release(participant.sessionId, participant.id);
      else await this.state.suspend(participant.sessionId, participant.id, RECOVERY_WINDOW_MS);
      await this.announcePresence(participant.sessionId, participant.room);
    }
  }

  // --- client events ---

  async join(socket: CafeSocket, payload: unknown): Promise<CafeJoinResult> {
    const p = parsePayload(JoinPayload, payload);
    await this.limits.consume('cafeJoinsPerIp', this.ipOf(socket));
    const room = await this.roomsData.findRoom(p.room);
    const { user, policy } = await socketIdentity(this.identity, socket);
    // The panel's room is nothing to a guest: it answers as a room that does not exist. (A member
    // may know it exists, as with the closed categories, and is told it is the panel's.)
    if (!room || (!user && room.audience === 'panel'))
      throw new CafeError('not_found', 'There is no café room with that name.');
    ensureCafe(policy.canJoinCafeRoom(room.audience));
    // Members accepted the guidelines when they registered; a guest accepts the café rules here.
    if (!user && p.acceptRules !== true)
      throw new CafeError('rules_not_accepted', 'Read and accept the café rules to join.');
    const session = await this.roomsData.liveSession(room.id);
    if (!session) throw await this.closedError(room);

    const joined = this.joinedOf(socket);
    const existing = joined[room.slug];
    if (existing?.sessionId === session.id && (await this.state.get(session.id, existing.id)))
      return this.snapshot(existing, p.since);
    if (existing) this.forget(socket, existing);
    if (Object.keys(joined).length >= MAX_ROOMS_PER_SOCKET)
      throw new CafeError('invalid', `One connection can be in at most ${MAX_ROOMS_PER_SOCKET} rooms.`);

    const fromDisplayName = p.nickname === undefined && user !== undefined;
    if (p.nickname === undefined && !user) throw new CafeError('invalid', 'Choose a nickname to join.');
    const nickname = cleanNickname(p.nickname ?? user!.displayName);
    checkNicknameShape(nickname, fromDisplayName);
    const key = nicknameKey(nickname);
    await this.checkNameFree(nickname, user);

    const keys = user
      ? await this.authorship.keysInCafe(user.id, session.id, fromDisplayName ? NAMED_VOICE : key)
      : null;
    const hash = keys?.session ?? null;
    const restrictions = await this.messages.activeRestrictions(session.id, {
      participantId: null,
      nicknameKey: key,
      authorHash: hash,
    });
    const source = user ? null : this.sourceOf(socket);
    if (restrictions.kicked || (source && (await this.sourceRemoved(session.id, source))))
      throw new CafeError(
        'removed',
        'A host has removed you from this café session. You are welcome back another time.',
      );

    const participant: JoinedParticipant = {
      id: randomUUID(),
      sessionId: session.id,
      sessionEndsAt: session.ends_at.toISOString(),
      roomId: room.id,
      room: room.slug,
      nickname,
      nicknameKey: key,
      isHost: policy.canHostCafe().allowed,
      authorHash: hash ? hash.toString('hex') : null,
      messageHash: keys ? keys.voice.toString('hex') : null,
      source,
      namedAs: fromDisplayName ? user!.id : null,
      readerId: user?.id ?? null,
    };
    const claimed = await this.state.claim(
      { id: session.id, endsAt: session.ends_at },
      {
        id: participant.id,
        nickname,
        nicknameKey: key,
        isHost: participant.isHost,
        owner: participant.authorHash,
        source,
      },
    );
    if (!claimed)
      throw new CafeError(
        'nickname_taken',
        'Someone in the room is using that nickname right now. Choose another (if it was yours before a dropped connection, it is free again within two minutes).',
      );
    try {
      socket.join(this.channelsOf(participant));
      joined[room.slug] = participant;
      socket.data.participants = joined;
      const result = await this.snapshot(participant, p.since);
      // The joiner receives this broadcast too, which gives their connection a recovery offset.
      this.broadcaster.presence(session.id, room.slug, result.participants);
      if (restrictions.mutedUntil !== undefined)
        this.broadcaster.muted(participant.id, room.slug, restrictions.mutedUntil);
      return { ...result, participants: presenceList(result.participants), count: result.participants.length };
    } catch (e) {
      this.forget(socket, participant);
      await this.state.release(session.id, participant.id);
      throw e;
    }
  }

  async message(socket: CafeSocket, payload: unknown): Promise<{ message: CafeMessage }> {
    const p = parsePayload(MessagePayload, payload);
    try {
      return await this.send(socket, p);
    } catch (e) {
      throw await this.withHelp(socket, p, e);
    }
  }

  /**
   * Crisis words get the helplines whether or not the message goes through: a refusal (over the
   * limit, slow mode, muted, blocked, too long, no longer in the room) carries `support` and
   * `staffed` when the text matched `crisis`, and the writer gets the `support` event too.
   */
  private async withHelp(socket: CafeSocket, p: MessagePayload, error: unknown): Promise<unknown> {
    const refusal = toCafeError(error);
    if (!refusal || refusal.code === 'internal' || refusal.extra.support) return error;
    if (!hasAction(await this.screening.screen(p.body.slice(0, 4 * CAFE_LIMITS.bodyMax)), 'crisis')) return error;
    const support = await this.crisis.support();
    const participant = this.joinedOf(socket)[p.room];
    if (participant) this.broadcaster.support(participant.id, support);
    return refusal.withSupport(support);
  }

  private async send(socket: CafeSocket, p: MessagePayload): Promise<{ message: CafeMessage }> {
    const participant = this.participantIn(socket, p.room);
    const body = withoutControls(p.body.replace(/\r\n?/g, '\n')).trim();
    if (!body) throw new CafeError('empty', 'Write something before sending.');
    if ([...body].length > CAFE_LIMITS.bodyMax)
      throw new CafeError(
        'too_long',
        `A message can be at most ${CAFE_LIMITS.bodyMax.toLocaleString('en')} characters.`,
      );

    const ctx = await this.context(socket, participant);
    ensureCafe(ctx.policy.canWrite());
    if (ctx.mutedUntil !== undefined) throw this.mutedError(ctx.mutedUntil);
    await this.limits.consume('cafeMessagesPerParticipant', participant.id);
    await this.limits.consume('cafeMessagesPerIp', this.ipOf(socket));
    if (ctx.room.slow_mode_seconds > 0 && !participant.isHost) {
      const wait = await this.state.pass(`slow:${participant.sessionId}:${participant.id}`, ctx.room.slow_mode_seconds);
      if (wait > 0)
        throw new CafeError(
          'rate_limited',
          `Slow mode is on: one message every ${ctx.room.slow_mode_seconds} seconds. Wait ${wait} s.`,
          { retryAfter: wait },
        );
    }

    const screening = await this.screening.screen(body);
    const crisis = hasAction(screening, 'crisis');
    if (screening.action === 'block') {
      const word = screening.matches.find((m) => m.action === 'block')!.text;
      throw new CafeError(
        'blocked',
        `Your message was not sent: "${word}" is not allowed in the café. Please rephrase it.`,
      );
    }

    // Stored (with any report for the moderators) before anyone is told, so an acknowledged
    // message survives a restart.
    const reportReason = screening.action ? this.screeningReason(screening) : null;
    const row = await this.tx.run(async (tx) => {
      const inserted = await this.messages.insertMessage(tx, {
        roomId: participant.roomId,
        sessionId: participant.sessionId,
        participantId: participant.id,
        nickname: participant.nickname,
        isHost: participant.isHost,
        authorHash: participant.messageHash ? Buffer.from(participant.messageHash, 'hex') : null,
        body,
      });
      if (reportReason) {
        await this.moderation.report(tx, {
          messageId: inserted.id,
          kind: crisis ? 'crisis' : 'report',
          reason: reportReason,
          source: 'screening',
          reporterParticipantId: null,
        });
      }
      return inserted;
    });
    const message = toCafeMessage(row, participant.room);
    // Those who ignore the writer by name don't get what they write under that name (issue 18).
    const ignorers = participant.namedAs ? await this.ignoring.ignorersOf(participant.namedAs) : [];
    this.broadcaster.message(participant.sessionId, message, ignorers);
    if (crisis) {
      await this.offerSupport(participant);
      this.broadcaster.alertHosts(participant.sessionId, {
        room: participant.room,
        kind: 'crisis',
        messageId: row.id,
        nickname: row.nickname,
        body: row.body,
        reason: reportReason ?? undefined,
        createdAt: message.createdAt,
      });
    }
    return { message };
  }

  async typing(socket: CafeSocket, payload: unknown): Promise<object> {
    const p = parsePayload(CafeRoomPayload, payload);
    const participant = this.participantIn(socket, p.room);
    const seen = this.typingAt.get(socket) ?? new Map<string, number>();
    this.typingAt.set(socket, seen);
    const now = Date.now();
    if (now - (seen.get(p.room) ?? 0) < TYPING_EVERY_MS) return {};
    seen.set(p.room, now);
    const ctx = await this.context(socket, participant);
    ensureCafe(ctx.policy.canWrite());
    if (ctx.mutedUntil !== undefined) throw this.mutedError(ctx.mutedUntil);
    // Like their messages, the typing of someone ignored by name does not reach those who ignore them.
    const ignorers = participant.namedAs ? await this.ignoring.ignorersOf(participant.namedAs) : [];
    this.broadcaster.typing(socket, participant.sessionId, participant.room, participant.nickname, ignorers);
    return {};
  }

  async leave(socket: CafeSocket, payload: unknown): Promise<object> {
    const p = parsePayload(CafeRoomPayload, payload);
    const participant = this.joinedOf(socket)[p.room];
    if (!participant) return {};
    this.forget(socket, participant);
    await this.state.release(participant.sessionId, participant.id);
    await this.announcePresence(participant.sessionId, participant.room);
    return {};
  }

  /** Anyone in the room may report a message to the moderators; `crisis` means someone may be in danger. */
  async report(socket: CafeSocket, payload: unknown): Promise<object> {
    const p = parsePayload(ReportPayload, payload);
    const participant = this.participantIn(socket, p.room);
    const reason = withoutControls(p.reason).trim();
    if (!reason) throw new CafeError('invalid', 'Say briefly why you report the message.');
    const ctx = await this.context(socket, participant);
    if (ctx.user) await this.limits.consume('flagsPerUser', ctx.user.id);
    else await this.limits.consume('flagsPerGuestIp', this.ipOf(socket));
    const message = await this.messages.findMessage(participant.roomId, p.messageId);
    if (!message) throw new CafeError('not_found', 'That message is not in this room any more.');
    const kind = reason.toLowerCase() === 'crisis' ? 'crisis' : 'report';
    const created = await this.tx.run((tx) =>
      this.moderation.report(tx, {
        messageId: message.id,
        kind,
        reason,
        source: 'participant',
        reporterParticipantId: participant.id,
      }),
    );
    if (created) {
      this.broadcaster.alertHosts(participant.sessionId, {
        room: participant.room,
        kind,
        messageId: message.id,
        nickname: message.nickname,
        body: message.body,
        reason,
        createdAt: new Date().toISOString(),
      });
    }
    return {};
  }

  /** The host's tools in the room. */
  async moderate(socket: CafeSocket, payload: unknown): Promise<object> {
    const p = parsePayload(ModeratePayload, payload);
    const participant = this.participantIn(socket, p.room);
    const ctx = await this.context(socket, participant);
    ensureCafe(ctx.policy.canHostCafe());
    const hostId = ctx.user!.id;
    const reason = (p.reason !== undefined ? withoutControls(p.reason).trim() : '') || undefined;
    await this.hostTools.apply(participant, hostId, ctx.room, p, reason);
    return {};
  }

  // --- helpers ---

  /** The checks of `admit` for an event after `join`; a participant who is out is forgotten on this connection. */
  private async context(socket: CafeSocket, participant: JoinedParticipant): Promise<EventContext> {
    const { user, policy } = await socketIdentity(this.identity, socket);
    const admission = await this.admit(participant, user, policy);
    if (!admission.ok) {
      if (admission.leave !== 'no') this.forget(socket, participant);
      if (admission.leave === 'release') await this.state.release(participant.sessionId, participant.id);
      throw admission.error;
    }
    return { participant, user, policy, room: admission.room, mutedUntil: admission.mutedUntil };
  }

  /**
   * What must hold for a participant to stay in their room, for every event and for a dropped
   * connection to come back: the same person (or a guest, as at the join) is logged in, not
   * banned (IdentityService reads the session as for HTTP); the session is still open; the room's
   * audience still admits them (a role change); no host has removed them.
   */
  private async admit(
    participant: JoinedParticipant,
    user: SessionUser | undefined,
    policy: Policy,
  ): Promise<Admission> {
    // Not forgotten at once: a banned hidden author's name must not leave the room with the ban (decision 0025).
    if ((user?.id ?? null) !== (participant.readerId ?? null))
      return {
        ok: false,
        leave: 'no',
        error: new CafeError('forbidden', 'Your login has ended or changed since you joined. Join the room again.'),
      };
    const state = await this.roomsData.sessionState(participant.sessionId);
    if (!state?.live)
      return { ok: false, leave: 'forget', error: new CafeError('closed', 'This café session has ended.') };
    const audience = policy.canJoinCafeRoom(state.room.audience);
    if (!audience.allowed) return { ok: false, leave: 'no', error: cafeRefusal(audience) };
    const restrictions = await this.messages.activeRestrictions(participant.sessionId, {
      participantId: participant.id,
      nicknameKey: participant.nicknameKey,
      authorHash: participant.authorHash ? Buffer.from(participant.authorHash, 'hex') : null,
    });
    if (restrictions.kicked)
      return {
        ok: false,
        leave: 'release',
        error: new CafeError('removed', 'A host has removed you from this café session.'),
      };
    return { ok: true, room: state.room, mutedUntil: restrictions.mutedUntil };
  }

  private async snapshot(participant: JoinedParticipant, since: string | undefined): Promise<CafeJoinResult> {
    // What those the joiner ignores by name wrote under that name stays out of their history too.
    const hidden = participant.readerId
      ? await this.authorship.namedCafeKeys(
          await this.ignoring.ignoredUserIds(participant.readerId),
          participant.sessionId,
        )
      : [];
    const fromSince = since
      ? await this.messages.historySince(participant.sessionId, participant.roomId, since, CAFE_LIMITS.sinceMax, hidden)
      : null;
    const rows = fromSince ?? (await this.messages.history(participant.sessionId, CAFE_LIMITS.historySize, hidden));
    const online = await this.state.online(participant.sessionId);
    const result: CafeJoinResult = {
      self: { id: participant.id, nickname: participant.nickname, isHost: participant.isHost },
      history: rows.map((r) => toCafeMessage(r, participant.room)),
      participants: toParticipants(online.participants),
      count: online.participants.length,
    };
    if (since) result.deleted = await this.messages.deletedIds(participant.sessionId, CAFE_LIMITS.sinceMax);
    return result;
  }

  private async checkNameFree(nickname: string, user: SessionUser | undefined): Promise<void> {
    if (isReservedNickname(nickname))
      throw new CafeError('nickname_taken', 'That name is reserved in the café. Choose another.');
    const screened = await this.screening.screen(nickname);
    if (screened.action === 'block')
      throw new CafeError('blocked', 'That nickname is not allowed in the café. Choose another.');
    // Nobody may pass for a registered user or a host; a member may use their own names.
    if (await this.users.nameBelongsToAnother(nickname, user?.id ?? null)) {
      throw new CafeError('nickname_taken', 'That name belongs to someone registered here. Choose another.');
    }
  }

  private async offerSupport(participant: JoinedParticipant): Promise<void> {
    this.broadcaster.support(participant.id, await this.crisis.support());
  }

  /** The words that matched, as written, in any language's quotes: the queue and the hosts say what kind. */
  private screeningReason(result: ScreeningResult): string {
    return result.matches
      .map((m) => `«${m.text}»`)
      .join(', ')
      .slice(0, 500);
  }

  private mutedError(until: Date | null): CafeError {
    const iso = until ? until.toISOString() : null;
    return new CafeError(
      'muted',
      iso
        ? `A host has muted you until ${iso}. You can still read along.`
        : 'A host has muted you. You can still read along.',
      { until: iso },
    );
  }

  private async closedError(room: RoomRow): Promise<CafeError> {
    const next = (await this.roomsData.currentOrNextSessions([room.id])).get(room.id);
    const opensAt = next ? next.starts_at.toISOString() : null;
    return new CafeError(
      'closed',
      opensAt
        ? `The café is closed now. It opens next at ${opensAt}.`
        : 'The café is closed now, and no opening is planned yet.',
      { opensAt },
    );
  }

  private async announcePresence(sessionId: string, room: string): Promise<void> {
    const { participants } = await this.state.online(sessionId);
    this.broadcaster.presence(sessionId, room, toParticipants(participants));
  }

  private joinedOf(socket: CafeSocket): Record<string, JoinedParticipant> {
    socket.data.participants ??= {};
    return socket.data.participants;
  }

  private participantIn(socket: CafeSocket, room: string): JoinedParticipant {
    const participant = this.joinedOf(socket)[room];
    if (!participant) throw new CafeError('not_joined', 'Join the room first.');
    return participant;
  }

  private channelsOf(participant: JoinedParticipant): string[] {
    const list = [channels.session(participant.sessionId), channels.participant(participant.id)];
    if (participant.isHost) list.push(channels.hosts(participant.sessionId));
    if (participant.readerId) list.push(channels.reader(participant.readerId));
    return list;
  }

  /** Takes the participant off this connection (its channels and memory), nothing shared. */
  private forget(socket: CafeSocket, participant: JoinedParticipant): void {
    for (const channel of this.channelsOf(participant)) socket.leave(channel);
    const joined = this.joinedOf(socket);
    if (joined[participant.room]?.id === participant.id) delete joined[participant.room];
  }

  /**
   * A guest's connection source, hashed with a secret: a host's removal of a guest also holds on it
   * for a while, so coming straight back under a new nickname does not get round it.
   */
  private sourceOf(socket: CafeSocket): string {
    return createHash('sha256')
      .update(`cafe-source:${this.config.sessionSecret}:`)
      .update(this.ipOf(socket))
      .digest('base64url');
  }

  /** A host removed a guest from this source a moment ago: a new guest from it waits (CafeHostService). */
  private async sourceRemoved(sessionId: string, source: string): Promise<boolean> {
    return (await this.limits.blockedFor('cafeRestrictedSource', `kick:${sessionId}:${source}`)) > 0;
  }

  private ipOf(socket: CafeSocket): string {
    return clientIp(socket.request as IncomingMessage, this.config.production);
  }
}
