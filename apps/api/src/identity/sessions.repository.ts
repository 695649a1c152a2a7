import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SessionUser } from '../auth/session-user.js';
import { IN_FORCE, type SanctionInForce } from '../sanctions/sanctions.repository.js';

/** A live session with who it belongs to, as it is now: what one request needs to know who is asking. */
export interface SessionIdentity<T> {
  data: T;
  user: SessionUser | null;
  /** The mutes and bans in force that may apply to the user (to be matched as IdentityService.standingOf does). */
  sanctions: SanctionInForce[];
}

interface SanctionJson extends Omit<SanctionInForce, 'until' | 'subject_hash'> {
  until: string | null;
  subject_hash: string | null;
}

/**
 * The `sessions` table (express-session's store, docs/decisions/0003): through the app's own
 * pool, since PGlite serves one connection. `user_id` lets a password change or a ban end a user's
 * other sessions.
 */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The session, its user and the sanctions in force that may apply to them, in one statement:
   * the three reads every logged-in request needs before anything else (issue 19).
   */
  async withIdentity<T>(sid: string): Promise<SessionIdentity<T> | null> {
    const rows: { data: T; user: SessionUser | null; sanctions: SanctionJson[] }[] = await this.db.query(
      `SELECT ses.data,
              CASE WHEN u.id IS NULL THEN NULL ELSE
                json_build_object('id', u.id, 'username', u.username, 'displayName', u.display_name, 'role', u.role)
              END AS "user",
              CASE WHEN u.id IS NULL THEN '[]'::json ELSE COALESCE((
                SELECT json_agg(json_build_object(
                         'kind', s.kind, 'until', s.until, 'reason', s.reason, 'user_id', s.user_id,
                         'subject_hash', encode(s.subject_hash, 'hex'), 'scope_kind', s.scope_kind,
                         'scope_id', s.scope_id, 'issuer_role', issuer.role, 'subject_role', u.role))
                FROM sanctions s LEFT JOIN users issuer ON issuer.id = s.issued_by
                WHERE ${IN_FORCE} AND (s.user_id = u.id OR s.subject_hash IS NOT NULL)), '[]'::json)
              END AS sanctions
       FROM sessions ses LEFT JOIN users u ON u.id = ses.user_id
       WHERE ses.sid = $1 AND ses.expires_at > now()`,
      [sid],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      data: typeof row.data === 'string' ? (JSON.parse(row.data) as T) : row.data,
      user: row.user,
      sanctions: row.sanctions.map((r) => ({
        ...r,
        until: r.until === null ? null : new Date(r.until),
        subject_hash: r.subject_hash === null ? null : Buffer.from(r.subject_hash, 'hex'),
      })),
    };
  }

  async save(sid: string, userId: string | null, data: string, expiresAt: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO sessions (sid, user_id, data, expires_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (sid) DO UPDATE SET user_id = EXCLUDED.user_id, data = EXCLUDED.data, expires_at = EXCLUDED.expires_at`,
      [sid, userId, data, expiresAt],
    );
  }

  /** Moves the expiry on, unless it was moved on within the last hour. */
  async touch(sid: string, expiresAt: Date): Promise<void> {
    await this.db.query(
      `UPDATE sessions SET expires_at = $2 WHERE sid = $1 AND expires_at < $2::timestamptz - interval '1 hour'`,
      [sid, expiresAt],
    );
  }

  async destroy(sid: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE sid = $1', [sid]);
  }

  /** Ends every session of the user except, optionally, one. */
  async endAllOf(userId: string, exceptSid: string | null): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE user_id = $1 AND sid IS DISTINCT FROM $2', [userId, exceptSid]);
  }

  /** The user of a live session, as it is now. */
  async userOf(sid: string): Promise<SessionUser | undefined> {
    const rows: SessionUser[] = await this.db.query(
      `SELECT u.id, u.username, u.display_name AS "displayName", u.role
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.sid = $1 AND s.expires_at > now()`,
      [sid],
    );
    return rows[0];
  }

  async purgeExpired(): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE expires_at < now()');
  }
}
