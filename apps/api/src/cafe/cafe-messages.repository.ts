import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ScopedKeys } from '../authorship/viewer.js';

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
const MESSAGE_COLUMNS = 'm.id, m.participant_id, m.nickname, m.is_host, m.body, m.created_at';
/** Not written under one of the keys in $3 (a guest's message has none). */
const NOT_HIDDEN = 'AND (m.author_hash IS NULL OR NOT (m.author_hash = ANY($3::bytea[])))';

/**
 * The café's messages, with what hangs on them: reports, host restrictions, retention. Methods that
 * write take the caller's transaction manager.
 */
@Injectable()
export class CafeMessagesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
  /** The newest `limit` visible messages, oldest first; none written under the keys in `hidden` (issue 18). */
  async history(sessionId: string, limit: number, hidden: Buffer[] = []): Promise<MessageRow[]> {
    const rows: MessageRow[] = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM cafe_messages m WHERE m.session_id = $1 AND m.deleted_at IS NULL ${NOT_HIDDEN}
       ORDER BY m.seq DESC LIMIT $2`,
      [sessionId, limit, hidden],
    );
    return rows.toReversed();
  }

  /**
   * Visible messages of the session after the room's message `sinceId` (the newest `limit` of
   * them, oldest first), or null when that message is unknown here (never existed, or deleted
   * by retention).
   */
  async historySince(
    sessionId: string,
    roomId: string,
    sinceId: string,
    limit: number,
    hidden: Buffer[] = [],
  ): Promise<MessageRow[] | null> {
    const since: { seq: string }[] = await this.db.query(
      'SELECT seq FROM cafe_messages WHERE id = $1 AND room_id = $2',
      [sinceId, roomId],
    );
    if (since.length === 0) return null;
    const rows: MessageRow[] = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM cafe_messages m
       WHERE m.session_id = $1 AND m.deleted_at IS NULL AND m.seq > $2
         AND (m.author_hash IS NULL OR NOT (m.author_hash = ANY($4::bytea[])))
       ORDER BY m.seq DESC LIMIT $3`,
      [sessionId, since[0].seq, limit, hidden],
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

  // --- reports (the café's side of the moderation queue) ---

  /** Null when this reporter already reported the message. */
  async insertReport(tx: EntityManager, r: NewReport): Promise<{ id: string } | null> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO cafe_reports (message_id, kind, reason, source, reporter_participant_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (message_id, reporter_participant_id) WHERE reporter_participant_id IS NOT NULL DO NOTHING
       RETURNING id`,
      [r.messageId, r.kind, r.reason, r.source, r.reporterParticipantId],
    );
    return rows[0] ?? null;
  }

  /** The message row, locked: the lock that keeps two reports at once from opening two queue items. */
  async lock(tx: EntityManager, id: string): Promise<{ id: string; session_id: string; room: string } | null> {
    const rows: { id: string; session_id: string; room: string }[] = await tx.query(
      'SELECT m.id, m.session_id, r.slug AS room FROM cafe_messages m JOIN cafe_rooms r ON r.id = m.room_id WHERE m.id = $1 FOR UPDATE OF m',
      [id],
    );
    return rows[0] ?? null;
  }

  openReports(
    tx: EntityManager,
    messageId: string,
  ): Promise<{ kind: 'crisis' | 'report'; source: 'participant' | 'screening' }[]> {
    return tx.query(
      `SELECT kind, source FROM cafe_reports WHERE message_id = $1 AND status = 'open' ORDER BY created_at, id`,
      [messageId],
    );
  }

  /** Settles the message's open reports (its queue item was decided). */
  async settleReports(
    tx: EntityManager,
    messageId: string,
    status: 'resolved' | 'dismissed',
    by: string | null,
  ): Promise<void> {
    await tx.query(
      `UPDATE cafe_reports SET status = $2, handled_at = clock_timestamp(), handled_by = $3 WHERE message_id = $1 AND status = 'open'`,
      [messageId, status, by],
    );
  }

  /** Messages with their room, for the moderation queue's cards (shown by nickname only, as in the room). */
  forQueue(
    ids: string[],
  ): Promise<
    { id: string; body: string; nickname: string; deleted_at: Date | null; room_slug: string; room_name: string }[]
  > {
    return this.db.query(
      `SELECT m.id, m.body, m.nickname, m.deleted_at, r.slug AS room_slug, r.name AS room_name
       FROM cafe_messages m JOIN cafe_rooms r ON r.id = m.room_id WHERE m.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** The open reports on these messages, oldest first. */
  openReportsOn(ids: string[]): Promise<{ message_id: string; kind: string; reason: string; createdAt: string }[]> {
    return this.db.query(
      `SELECT message_id, kind, reason, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
       FROM cafe_reports WHERE message_id = ANY($1::uuid[]) AND status = 'open' ORDER BY created_at, id`,
      [ids],
    );
  }

  /** Who wrote a message, as the database knows it: a keyed hash in its session (null: a guest). */
  async authorOf(id: string): Promise<{ author_hash: Buffer | null; session_id: string; nickname: string } | null> {
    const rows: { author_hash: Buffer | null; session_id: string; nickname: string }[] = await this.db.query(
      'SELECT author_hash, session_id, nickname FROM cafe_messages WHERE id = $1',
      [id],
    );
    return rows[0] ?? null;
  }

  // --- the user's own data (GET /api/me/export) ---

  /** The sessions and names of members' messages (where a member's own messages may be). */
  membersVoices(): Promise<{ session_id: string; nickname: string }[]> {
    return this.db.query('SELECT DISTINCT session_id, nickname FROM cafe_messages WHERE author_hash IS NOT NULL');
  }

  /** The messages under these keys, oldest first. */
  byKeys(keys: ScopedKeys): Promise<Record<string, unknown>[]> {
    return this.db.query(
      `SELECT m.id, r.slug AS room, m.nickname, m.body, m.created_at AS "createdAt", m.deleted_at IS NOT NULL AS deleted
       FROM cafe_messages m JOIN cafe_rooms r ON r.id = m.room_id
       WHERE (m.session_id, m.author_hash) IN (SELECT * FROM unnest($1::uuid[], $2::bytea[]))
       ORDER BY m.created_at`,
      [keys.ids, keys.hashes],
    );
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
