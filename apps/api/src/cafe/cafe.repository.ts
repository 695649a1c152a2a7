import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CafeAudience } from '#libs/contracts';
import { QueueFeed } from '../moderation/queue-feed.service.js';

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

export interface MessageRow {
  id: string;
  participant_id: string;
  nickname: string;
  is_host: boolean;
  body: string;
  created_at: Date;
}

export interface NewMessage {
  roomId: string;
  sessionId: string;
  participantId: string;
  nickname: string;
  isHost: boolean;
  authorHash: Buffer | null;
  body: string;
}

export interface NewReport {
  messageId: string;
  kind: 'report' | 'crisis';
  reason: string;
  source: 'participant' | 'screening';
  reporterParticipantId: string | null;
}

export interface Who {
  participantId: string | null;
  nicknameKey: string;
  authorHash: Buffer | null;
}

export interface ActiveRestrictions {
  kicked: boolean;
  /** Undefined when not muted; null when muted with no end. */
  mutedUntil: Date | null | undefined;
}

/** A session's effective end: its scheduled end, or earlier when a host closed it. */
const SESSION_END = 'LEAST(s.ends_at, COALESCE(s.closed_at, s.ends_at))';
/** Open now. */
const LIVE = 's.closed_at IS NULL AND s.starts_at <= now() AND s.ends_at > now()';
const SESSION_COLUMNS = 's.id, s.room_id, s.starts_at, s.ends_at, s.closed_at';
const MESSAGE_COLUMNS = 'm.id, m.participant_id, m.nickname, m.is_host, m.body, m.created_at';

/** Every query of the café, in one place. Methods that write take the caller's transaction manager. */
@Injectable()
export class CafeRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: QueueFeed,
  ) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

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

  // --- messages ---

  async insertMessage(tx: EntityManager, m: NewMessage): Promise<MessageRow> {
    const rows: MessageRow[] = await tx.query(
      `INSERT INTO cafe_messages (room_id, session_id, participant_id, nickname, is_host, author_hash, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING id, participant_id, nickname, is_host, body, created_at`,
      [m.roomId, m.sessionId, m.participantId, m.nickname, m.isHost, m.authorHash, m.body],
    );
    return rows[0];
  }

  /** The last `limit` visible messages of the session, oldest first. */
  async history(sessionId: string, limit: number): Promise<MessageRow[]> {
    const rows: MessageRow[] = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM cafe_messages m WHERE m.session_id = $1 AND m.deleted_at IS NULL ORDER BY m.seq DESC LIMIT $2`,
      [sessionId, limit],
    );
    return rows.toReversed();
  }

  /**
   * Visible messages of the session after the room's message `sinceId` (the newest `limit` of
   * them, oldest first), or null when that message is unknown here (never existed, or deleted
   * by retention).
   */
  async historySince(sessionId: string, roomId: string, sinceId: string, limit: number): Promise<MessageRow[] | null> {
    const since: { seq: string }[] = await this.db.query(
      'SELECT seq FROM cafe_messages WHERE id = $1 AND room_id = $2',
      [sinceId, roomId],
    );
    if (since.length === 0) return null;
    const rows: MessageRow[] = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM cafe_messages m
       WHERE m.session_id = $1 AND m.deleted_at IS NULL AND m.seq > $2
       ORDER BY m.seq DESC LIMIT $3`,
      [sessionId, since[0].seq, limit],
    );
    return rows.toReversed();
  }

  async deletedIds(sessionId: string, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      'SELECT id FROM cafe_messages WHERE session_id = $1 AND deleted_at IS NOT NULL ORDER BY seq DESC LIMIT $2',
      [sessionId, limit],
    );
    return rows.map((r) => r.id);
  }

  async findMessage(
    roomId: string,
    id: string,
  ): Promise<(MessageRow & { session_id: string; deleted_at: Date | null }) | null> {
    const rows: (MessageRow & { session_id: string; deleted_at: Date | null })[] = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS}, m.session_id, m.deleted_at FROM cafe_messages m WHERE m.id = $1 AND m.room_id = $2`,
      [id, roomId],
    );
    return rows[0] ?? null;
  }

  /** True when this call removed it (false: already removed). */
  async softDelete(tx: EntityManager, sessionId: string, id: string, by: string): Promise<boolean> {
    const [rows]: [{ id: string }[], number] = await tx.query(
      'UPDATE cafe_messages SET deleted_at = now(), deleted_by = $3 WHERE id = $1 AND session_id = $2 AND deleted_at IS NULL RETURNING id',
      [id, sessionId, by],
    );
    if (rows.length > 0) await this.queue.cafeMessageRemoved(tx, id, by);
    return rows.length > 0;
  }

  // --- restrictions (host mutes and removals) ---

  async activeRestrictions(sessionId: string, who: Who): Promise<ActiveRestrictions> {
    const rows: { kind: 'mute' | 'kick'; until: Date | null }[] = await this.db.query(
      `SELECT kind, until FROM cafe_restrictions
       WHERE session_id = $1 AND (until IS NULL OR until > now())
         AND (participant_id = $2 OR nickname_key = $3 OR (author_hash IS NOT NULL AND author_hash = $4))`,
      [sessionId, who.participantId, who.nicknameKey, who.authorHash],
    );
    let mutedUntil: Date | null | undefined;
    for (const r of rows) {
      if (r.kind !== 'mute') continue;
      if (r.until === null) mutedUntil = null;
      else if (mutedUntil !== null && (!mutedUntil || r.until > mutedUntil)) mutedUntil = r.until;
    }
    return { kicked: rows.some((r) => r.kind === 'kick'), mutedUntil };
  }

  async insertRestriction(
    tx: EntityManager,
    r: {
      sessionId: string;
      kind: 'mute' | 'kick';
      participantId: string;
      nicknameKey: string;
      authorHash: Buffer | null;
      until: Date | null;
      reason: string | null;
      by: string;
    },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO cafe_restrictions (session_id, kind, participant_id, nickname_key, author_hash, until, reason, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [r.sessionId, r.kind, r.participantId, r.nicknameKey, r.authorHash, r.until, r.reason, r.by],
    );
  }

  // --- reports ---

  /** Null when this reporter already reported the message. */
  async insertReport(tx: EntityManager, r: NewReport): Promise<{ id: string } | null> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO cafe_reports (message_id, kind, reason, source, reporter_participant_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (message_id, reporter_participant_id) WHERE reporter_participant_id IS NOT NULL DO NOTHING
       RETURNING id`,
      [r.messageId, r.kind, r.reason, r.source, r.reporterParticipantId],
    );
    // In the same transaction, the report joins the moderators' one queue.
    if (rows[0]) await this.queue.syncCafeMessage(tx, r.messageId);
    return rows[0] ?? null;
  }

  // --- who may use which name ---

  /** Whether the name is another user's username, or the display name of another host, moderator or admin. */
  async nameBelongsToAnother(nameKey: string, userId: string | null): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM users
       WHERE id IS DISTINCT FROM $2
         AND (lower(username) = $1 OR (role IN ('host', 'moderator', 'admin') AND lower(display_name) = $1))
       LIMIT 1`,
      [nameKey, userId],
    );
    return rows.length > 0;
  }

  async anonSalt(userId: string): Promise<Buffer | null> {
    const rows: { anon_salt: Buffer }[] = await this.db.query('SELECT anon_salt FROM users WHERE id = $1', [userId]);
    return rows[0]?.anon_salt ?? null;
  }

  // --- retention ---

  /**
   * Deletes messages (and host restrictions) of sessions that ended more than `retentionSeconds`
   * ago. A message with an open report stays until a moderator has handled it, at most
   * `reportedMaxSeconds` after its session, so the moderation queue never loses what it is about.
   */
  async purge(
    retentionSeconds: number,
    reportedMaxSeconds: number,
  ): Promise<{ messages: number; restrictions: number }> {
    const [, messages]: [unknown, number] = await this.db.query(
      `DELETE FROM cafe_messages m USING cafe_sessions s
       WHERE m.session_id = s.id AND ${SESSION_END} < now() - make_interval(secs => $1)
         AND (${SESSION_END} < now() - make_interval(secs => $2)
              OR NOT EXISTS (SELECT 1 FROM cafe_reports r WHERE r.message_id = m.id AND r.status = 'open'))`,
      [retentionSeconds, reportedMaxSeconds],
    );
    const [, restrictions]: [unknown, number] = await this.db.query(
      `DELETE FROM cafe_restrictions x USING cafe_sessions s
       WHERE x.session_id = s.id AND ${SESSION_END} < now() - make_interval(secs => $1)`,
      [retentionSeconds],
    );
    return { messages, restrictions };
  }
}
