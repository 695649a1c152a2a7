import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SessionUser } from '../auth/session-user.js';

/**
 * The `sessions` table (express-session's store, docs/decisions/0003): through the app's own
 * pool, since PGlite serves one connection. `user_id` lets a password change or a ban end a user's
 * other sessions.
 */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async data<T>(sid: string): Promise<T | null> {
    const rows: { data: T }[] = await this.db.query('SELECT data FROM sessions WHERE sid = $1 AND expires_at > now()', [
      sid,
    ]);
    return rows[0]?.data ?? null;
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
