import { Injectable } from '@nestjs/common';
import type { Policy } from '#libs/policy';
import { AuditService } from '../audit/audit.service.js';
import type { SessionUser } from '../auth/session-user.js';
import { badRequest, conflict, notFound } from '../common/api-error.js';
import { ContentVersion } from '../page-cache/content-version.service.js';
import { CafeBroadcaster } from './cafe.broadcaster.js';
import { toRoomDto, toSessionDto } from './cafe.mappers.js';
import { Transactions } from '../database/transactions.js';
import { CafeRoomsRepository, type RoomRow, type SessionRow } from './cafe-rooms.repository.js';
import type {
  CafeRoomDto,
  CafeSessionDto,
  CreateCafeRoomDto,
  CreateCafeSessionDto,
  OpenCafeRoomDto,
} from './dto/cafe-room.dto.js';
import { CafeStateStore } from './state/cafe-state.js';

const MINUTE = 60_000;
/** A session lasts from five minutes to twelve hours: a café evening, not a standing room. */
export const SESSION_MIN_MS = 5 * MINUTE;
export const SESSION_MAX_MS = 12 * 60 * MINUTE;
/** "Open now" without an end keeps the room open for two hours. */
export const DEFAULT_OPEN_MS = 2 * 60 * MINUTE;
const SCHEDULE_AHEAD_MS = 366 * 24 * 60 * MINUTE;
/** A start a little in the past is accepted (a form filled in slowly). */
const START_SLACK_MS = 5 * MINUTE;
/** "Open now" starts a planned session early only when it was due this soon; a later one is left as planned. */
export const OPEN_EARLY_MS = 30 * MINUTE;

const when = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Rooms and their opening hours: the REST side of the café. */
@Injectable()
export class CafeRoomsService {
  constructor(
    private readonly repo: CafeRoomsRepository,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly broadcaster: CafeBroadcaster,
    private readonly state: CafeStateStore,
    private readonly contentVersion: ContentVersion,
  ) {}

  /** The rooms the caller may enter, each with its current or next session. */
  async list(policy: Policy): Promise<CafeRoomDto[]> {
    const rooms = (await this.repo.listRooms()).filter((room) => policy.canJoinCafeRoom(room.audience).allowed);
    const sessions = await this.repo.currentOrNextSessions(rooms.map((r) => r.id));
    const now = Date.now();
    return Promise.all(
      rooms.map(async (room) => {
        const session = sessions.get(room.id);
        const live = session && session.starts_at.getTime() <= now;
        const count = live ? (await this.state.online(session.id)).participants.length : 0;
        return toRoomDto(room, session, count, now);
      }),
    );
  }

  async create(actor: SessionUser, dto: CreateCafeRoomDto): Promise<CafeRoomDto> {
    const room = await this.tx.run(async (tx) => {
      const created = await this.repo.insertRoom(tx, {
        slug: dto.slug,
        name: dto.name,
        description: dto.description ?? '',
        audience: dto.audience,
      });
      if (!created) throw conflict('conflict', `A room with the address "${dto.slug}" exists already; choose another.`);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'cafe_room',
        targetType: 'cafe_room',
        targetId: created.id,
        meta: { op: 'create', slug: created.slug, audience: created.audience },
      });
      return created;
    });
    return toRoomDto(room, undefined, 0);
  }

  /** Adds opening hours. Sessions of one room never overlap. */
  async schedule(actor: SessionUser, slug: string, dto: CreateCafeSessionDto): Promise<CafeSessionDto> {
    const start = new Date(dto.startsAt);
    const end = new Date(dto.endsAt);
    const now = Date.now();
    if (end <= start) throw badRequest('endsAt must be after startsAt.');
    if (end.getTime() - start.getTime() < SESSION_MIN_MS) throw badRequest('A café session lasts at least 5 minutes.');
    if (end.getTime() - start.getTime() > SESSION_MAX_MS) throw badRequest('A café session lasts at most 12 hours.');
    if (start.getTime() < now - START_SLACK_MS)
      throw badRequest('startsAt is in the past; use "open now" to open the room at once.');
    if (start.getTime() > now + SCHEDULE_AHEAD_MS) throw badRequest('Sessions can be planned at most a year ahead.');
    return this.tx.run(async (tx) => {
      const room = await this.repo.lockRoom(tx, slug);
      if (!room) throw notFound('No such café room.');
      const clash = await this.repo.overlapping(tx, room.id, start, end);
      if (clash)
        throw conflict(
          'overlap',
          `This room already has a session from ${when(clash.starts_at)} to ${when(clash.ends_at)}.`,
        );
      const session = await this.repo.insertSession(tx, room.id, start, end, actor.id);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'cafe_room',
        targetType: 'cafe_room',
        targetId: room.id,
        meta: { op: 'schedule', sessionId: session.id, startsAt: when(start), endsAt: when(end) },
      });
      return toSessionDto(session, room.slug);
    });
  }

  /**
   * Opens the room now, until `until` (default two hours). An open room gets the new end; a
   * session planned to start within that time starts now instead (the host opened early).
   */
  async open(actor: SessionUser, slug: string, dto: OpenCafeRoomDto): Promise<CafeRoomDto> {
    const now = Date.now();
    const until = dto.until ? new Date(dto.until) : undefined;
    if (until && until.getTime() <= now + MINUTE) throw badRequest('until must be at least a minute from now.');
    if (until && until.getTime() - now > SESSION_MAX_MS) throw badRequest('A café session lasts at most 12 hours.');
    const opened = await this.tx.run(async (tx) => {
      const room = await this.repo.lockRoom(tx, slug);
      if (!room) throw notFound('No such café room.');
      const live = await this.repo.liveSession(room.id, tx);
      let session: SessionRow;
      let op: string;
      if (live) {
        if (until) {
          const clash = await this.repo.overlapping(tx, room.id, live.ends_at, until, live.id);
          if (clash && until > clash.starts_at)
            throw conflict('overlap', `The next session starts at ${when(clash.starts_at)}; open until then at most.`);
        }
        session = until ? await this.repo.updateSession(tx, live.id, { endsAt: until }) : live;
        op = 'extend';
      } else {
        let end = until ?? new Date(now + DEFAULT_OPEN_MS);
        let planned = await this.repo.overlapping(tx, room.id, new Date(now), end);
        if (planned && planned.starts_at.getTime() > now + OPEN_EARLY_MS) {
          // A session planned for later keeps its place: open until it starts, then it takes over.
          if (until)
            throw conflict(
              'overlap',
              `The next session starts at ${when(planned.starts_at)}; open until then at most.`,
            );
          end = planned.starts_at;
          planned = null;
        }
        if (planned) {
          // A planned session within the window starts now; it keeps its end unless one was given.
          const later = await this.repo.overlapping(tx, room.id, planned.ends_at, until ?? planned.ends_at, planned.id);
          if (until && later && until > later.starts_at)
            throw conflict('overlap', `The next session starts at ${when(later.starts_at)}; open until then at most.`);
          session = await this.repo.updateSession(tx, planned.id, { startNow: true, endsAt: until });
        } else {
          session = await this.repo.insertSession(tx, room.id, 'now', end, actor.id);
        }
        op = 'open';
      }
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'cafe_room',
        targetType: 'cafe_room',
        targetId: room.id,
        meta: { op, sessionId: session.id, endsAt: when(session.ends_at) },
      });
      return { room, session };
    });
    return toRoomDto(opened.room, opened.session, (await this.state.online(opened.session.id)).participants.length);
  }

  /** The room's sessions, open now or planned, for its hosts. */
  async coming(slug: string): Promise<CafeSessionDto[]> {
    const room = await this.repo.findRoom(slug);
    if (!room) throw notFound('No such café room.');
    return (await this.repo.comingSessions(room.id)).map((s) => toSessionDto(s, room.slug));
  }

  /** Cancels a planned session before it starts (an open one is closed instead). Audited. */
  async cancel(actor: SessionUser, slug: string, sessionId: string): Promise<void> {
    await this.tx.run(async (tx) => {
      const room = await this.repo.lockRoom(tx, slug);
      if (!room) throw notFound('No such café room.');
      const result = await this.repo.cancelPlanned(tx, room.id, sessionId);
      if (!result) throw notFound('No such planned session in this room.');
      if (result === 'started') throw conflict('started', 'This session is open now; close the room instead.');
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'cafe_room',
        targetType: 'cafe_room',
        targetId: room.id,
        meta: { op: 'cancel', sessionId },
      });
    });
  }

  /** Closes the room now, if open; everyone in it is told. */
  async close(actor: SessionUser, slug: string): Promise<CafeRoomDto> {
    const room = await this.repo.findRoom(slug);
    if (!room) throw notFound('No such café room.');
    await this.closeLive(actor.id, room, 'cafe_room');
    const next = (await this.repo.currentOrNextSessions([room.id])).get(room.id);
    return toRoomDto(room, next, 0);
  }

  /** Shared with the host's `close` in the room itself: closes, audits, tells everyone, forgets the live state. */
  async closeLive(actorId: string, room: RoomRow, action: 'cafe_room' | 'cafe_moderate'): Promise<boolean> {
    const sessionId = await this.tx.run(async (tx) => {
      const id = await this.repo.closeLive(tx, room.id);
      if (id)
        await this.audit.record(tx, {
          actorId,
          action,
          targetType: 'cafe_room',
          targetId: room.id,
          meta: { op: 'close', sessionId: id },
        });
      return id;
    });
    if (!sessionId) return false;
    // The session's end shows in the calendar; a close from inside the room is no REST write.
    await this.contentVersion.bump({ content: true });
    this.broadcaster.roomClosed(sessionId, room.slug);
    await this.state.clear(sessionId);
    return true;
  }
}
