import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CafeAudience } from '#libs/contracts';

export interface RoomRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  audience: CafeAudience;
  slow_mode_seconds: number;
}

export interface SessionRow {
  id: string;
  room_id: string;
  starts_at: Date;
  ends_at: Date;
  closed_at: Date | null;
}

/** Open now. */
const LIVE = 's.closed_at IS NULL AND s.starts_at <= now() AND s.ends_at > now()';
const SESSION_COLUMNS = 's.id, s.room_id, s.starts_at, s.ends_at, s.closed_at';

/** The café's rooms and their sessions (opening hours). Methods that write take the caller's transaction manager. */
@Injectable()
export class CafeRoomsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  // --- rooms ---

  async findRoom(slug: string, manager: EntityManager = this.db.manager): Promise<RoomRow | null> {
    const rows: RoomRow[] = await manager.query(
      'SELECT id, slug, name, description, audience, slow_mode_seconds FROM cafe_rooms WHERE slug = $1',
      [slug],
    );
    return rows[0] ?? null;
  }

  /** Locks the room for a schedule change, so two hosts can't create overlapping sessions. */
  async lockRoom(tx: EntityManager, slug: string): Promise<RoomRow | null> {
    const rows: RoomRow[] = await tx.query(
      'SELECT id, slug, name, description, audience, slow_mode_seconds FROM cafe_rooms WHERE slug = $1 FOR UPDATE',
      [slug],
    );
    return rows[0] ?? null;
  }

  listRooms(): Promise<RoomRow[]> {
    return this.db.query(
      'SELECT id, slug, name, description, audience, slow_mode_seconds FROM cafe_rooms ORDER BY name, slug',
    );
  }

  /** Null when the slug is taken. */
  async insertRoom(
    tx: EntityManager,
    room: { slug: string; name: string; description: string; audience: CafeAudience },
  ): Promise<RoomRow | null> {
    const rows: RoomRow[] = await tx.query(
      `INSERT INTO cafe_rooms (slug, name, description, audience) VALUES ($1, $2, $3, $4)
       ON CONFLICT (slug) DO NOTHING
       RETURNING id, slug, name, description, audience, slow_mode_seconds`,
      [room.slug, room.name, room.description, room.audience],
    );
    return rows[0] ?? null;
  }

  async setSlowMode(tx: EntityManager, roomId: string, seconds: number): Promise<void> {
    await tx.query('UPDATE cafe_rooms SET slow_mode_seconds = $2 WHERE id = $1', [roomId, seconds]);
  }

  // --- sessions ---

  async liveSession(roomId: string, manager: EntityManager = this.db.manager): Promise<SessionRow | null> {
    const rows: SessionRow[] = await manager.query(
      `SELECT ${SESSION_COLUMNS} FROM cafe_sessions s WHERE s.room_id = $1 AND ${LIVE} ORDER BY s.starts_at LIMIT 1`,
      [roomId],
    );
    return rows[0] ?? null;
  }

  /** For each room, its current session or else its next one. */
  async currentOrNextSessions(roomIds: string[]): Promise<Map<string, SessionRow>> {
    if (roomIds.length === 0) return new Map();
    const rows: SessionRow[] = await this.db.query(
      `SELECT DISTINCT ON (s.room_id) ${SESSION_COLUMNS} FROM cafe_sessions s
       WHERE s.room_id = ANY($1::uuid[]) AND s.closed_at IS NULL AND s.ends_at > now()
       ORDER BY s.room_id, s.starts_at`,
      [roomIds],
    );
    return new Map(rows.map((r) => [r.room_id, r]));
  }

  /** The room's sessions that are open now or still to come, soonest first. */
  async comingSessions(roomId: string): Promise<SessionRow[]> {
    return this.db.query(
      `SELECT ${SESSION_COLUMNS} FROM cafe_sessions s
       WHERE s.room_id = $1 AND s.closed_at IS NULL AND s.ends_at > now()
       ORDER BY s.starts_at LIMIT 100`,
      [roomId],
    );
  }

  /**
   * Cancels a session that has not started yet (it is closed before it opens, so the calendar and
   * the audit log still know of it). 'started' when it is open now, null when there is no such one.
   */
  async cancelPlanned(tx: EntityManager, roomId: string, id: string): Promise<'cancelled' | 'started' | null> {
    const rows: { started: boolean }[] = await tx.query(
      `SELECT s.starts_at <= now() AS started FROM cafe_sessions s
       WHERE s.id = $1 AND s.room_id = $2 AND s.closed_at IS NULL AND s.ends_at > now() FOR UPDATE`,
      [id, roomId],
    );
    if (!rows[0]) return null;
    if (rows[0].started) return 'started';
    await tx.query('UPDATE cafe_sessions SET closed_at = now() WHERE id = $1', [id]);
    return 'cancelled';
  }

  /** The session and its room, with whether it is open now (by the database's clock). */
  async sessionState(sessionId: string): Promise<{ session: SessionRow; room: RoomRow; live: boolean } | null> {
    const rows: (SessionRow & {
      slug: string;
      name: string;
      description: string;
      audience: CafeAudience;
      slow_mode_seconds: number;
      live: boolean;
    })[] = await this.db.query(
      `SELECT ${SESSION_COLUMNS}, r.slug, r.name, r.description, r.audience, r.slow_mode_seconds, (${LIVE}) AS live
       FROM cafe_sessions s JOIN cafe_rooms r ON r.id = s.room_id WHERE s.id = $1`,
      [sessionId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      session: {
        id: row.id,
        room_id: row.room_id,
        starts_at: row.starts_at,
        ends_at: row.ends_at,
        closed_at: row.closed_at,
      },
      room: {
        id: row.room_id,
        slug: row.slug,
        name: row.name,
        description: row.description,
        audience: row.audience,
        slow_mode_seconds: row.slow_mode_seconds,
      },
      live: row.live,
    };
  }

  /** The first session of the room (other than `exceptId`) that overlaps [start, end). */
  async overlapping(
    tx: EntityManager,
    roomId: string,
    start: Date,
    end: Date,
    exceptId: string | null = null,
  ): Promise<SessionRow | null> {
    const rows: SessionRow[] = await tx.query(
      `SELECT ${SESSION_COLUMNS} FROM cafe_sessions s
       WHERE s.room_id = $1 AND s.closed_at IS NULL AND s.starts_at < $3 AND s.ends_at > $2 AND s.id IS DISTINCT FROM $4
       ORDER BY s.starts_at LIMIT 1`,
      [roomId, start, end, exceptId],
    );
    return rows[0] ?? null;
  }

  async insertSession(
    tx: EntityManager,
    roomId: string,
    start: Date | 'now',
    end: Date,
    openedBy: string,
  ): Promise<SessionRow> {
    const rows: SessionRow[] = await tx.query(
      `INSERT INTO cafe_sessions (room_id, starts_at, ends_at, opened_by) VALUES ($1, COALESCE($2, now()), $3, $4)
       RETURNING id, room_id, starts_at, ends_at, closed_at`,
      [roomId, start === 'now' ? null : start, end, openedBy],
    );
    return rows[0];
  }

  async updateSession(
    tx: EntityManager,
    id: string,
    change: { startNow?: boolean; endsAt?: Date },
  ): Promise<SessionRow> {
    const [rows]: [SessionRow[], number] = await tx.query(
      `UPDATE cafe_sessions SET starts_at = CASE WHEN $2 THEN now() ELSE starts_at END, ends_at = COALESCE($3, ends_at)
       WHERE id = $1 RETURNING id, room_id, starts_at, ends_at, closed_at`,
      [id, change.startNow === true, change.endsAt ?? null],
    );
    return rows[0];
  }

  /** Closes the room's open session now; its id, or null when none was open. */
  async closeLive(tx: EntityManager, roomId: string): Promise<string | null> {
    const [rows]: [{ id: string }[], number] = await tx.query(
      `UPDATE cafe_sessions s SET closed_at = now() WHERE s.room_id = $1 AND ${LIVE} RETURNING s.id`,
      [roomId],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * Marks sessions whose time is up as closed. One UPDATE … RETURNING, so with several processes
   * each ended session is reported to exactly one of them.
   */
  async endFinished(): Promise<{ id: string; slug: string }[]> {
    const [rows]: [{ id: string; slug: string }[], number] = await this.db.query(
      `UPDATE cafe_sessions s SET closed_at = s.ends_at FROM cafe_rooms r
       WHERE r.id = s.room_id AND s.closed_at IS NULL AND s.ends_at <= now()
       RETURNING s.id, r.slug`,
    );
    return rows;
  }
}
