import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AnonymityService, sameKey, type Viewer } from '../anonymity/anonymity.service.js';
import type { SessionUser } from '../auth/session-user.js';

type Row = Record<string, unknown>;

/**
 * Everything the service holds about one user, for GET /api/me/export (the right of access and
 * to data portability). Their anonymous posts, café messages and the sanctions against "the author
 * behind" one of their posts are found the only way they can be: by recomputing the user's keys.
 * Nothing about anyone else goes in: no one else's words, names or ids of people.
 */
@Injectable()
export class AccountExportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly anonymity: AnonymityService,
  ) {}

  async export(user: SessionUser): Promise<Record<string, unknown>> {
    const viewer = await this.anonymity.viewer(user.id);
    const { threadIds, hashes } = await this.anonymity.keysInAnonymousThreads(viewer);
    const salt = await this.anonymity.saltOf(user.id);
    return {
      exportedAt: new Date().toISOString(),
      account: await this.account(user.id),
      posts: await this.posts(user.id, threadIds, hashes),
      panelApplications: await this.db.query(
        `SELECT id, motivation, status, decision_reason AS "decisionReason", created_at AS "createdAt", decided_at AS "decidedAt"
         FROM panel_applications WHERE user_id = $1 ORDER BY created_at`,
        [user.id],
      ),
      flagsRaised: await this.db.query(
        `SELECT post_id AS "postId", reason, note, status, created_at AS "createdAt" FROM flags WHERE reporter_id = $1 ORDER BY created_at`,
        [user.id],
      ),
      sanctions: await this.sanctions(user.id, salt),
      cafeMessages: salt ? await this.cafeMessages(salt) : [],
      notifications: await this.notifications(user.id, viewer),
    };
  }

  /** Notices to the user by name, and those addressed to their keyed hash (about anonymous posts). */
  private async notifications(userId: string, viewer: Viewer): Promise<Row[]> {
    const scopes: { scope_id: string }[] = await this.db.query(
      'SELECT DISTINCT scope_id FROM notifications WHERE recipient_hash IS NOT NULL',
    );
    return this.db.query(
      `SELECT type, text, link, created_at AS "createdAt", read_at AS "readAt" FROM notifications
       WHERE user_id = $1 OR (scope_id, recipient_hash) IN (SELECT * FROM unnest($2::uuid[], $3::bytea[]))
       ORDER BY created_at`,
      [userId, scopes.map((s) => s.scope_id), scopes.map((s) => viewer.keyIn(s.scope_id))],
    );
  }

  private async account(userId: string): Promise<Row> {
    const [row] = await this.db.query(
      `SELECT id, username, display_name AS "displayName", email, role, created_at AS "createdAt",
              password_changed_at AS "passwordChangedAt", break_until AS "breakUntil", on_duty_until AS "onDutyUntil"
       FROM users WHERE id = $1`,
      [userId],
    );
    return row;
  }

  /** Named posts by id; anonymous ones by the user's key in each thread that has anonymous posts. */
  private posts(userId: string, threadIds: string[], hashes: Buffer[]): Promise<Row[]> {
    return this.db.query(
      `SELECT p.id, p.thread_id AS "threadId", CASE WHEN p.is_opening THEN t.title END AS "threadTitle", p.is_opening AS "openedThread",
              p.author_kind = 'anonymous' AS anonymous, p.alias, p.body, p.status, p.rejection_reason AS "rejectionReason",
              p.created_at AS "createdAt", p.edited_at AS "editedAt"
       FROM posts p JOIN threads t ON t.id = p.thread_id
       WHERE p.author_id = $1
          OR (p.anon_hash IS NOT NULL AND (p.thread_id, p.anon_hash) IN (SELECT * FROM unnest($2::uuid[], $3::bytea[])))
       ORDER BY p.created_at, p.id`,
      [userId, threadIds, hashes],
    );
  }

  /** Sanctions naming the user, and those against the author behind one of their anonymous posts. */
  private async sanctions(userId: string, salt: Buffer | null): Promise<Row[]> {
    const rows: (Row & { user_id: string | null; subject_hash: Buffer | null; scope_id: string | null })[] =
      await this.db.query(
        `SELECT kind, reason, until, created_at AS "createdAt", lifted_at AS "liftedAt", user_id, subject_hash, scope_id
       FROM sanctions WHERE user_id = $1 OR subject_hash IS NOT NULL ORDER BY created_at`,
        [userId],
      );
    return rows
      .filter(
        (r) =>
          r.user_id === userId ||
          (salt && r.scope_id && sameKey(this.anonymity.keyFor(salt, r.scope_id), r.subject_hash)),
      )
      .map(({ user_id: _u, subject_hash: _h, scope_id: _s, ...rest }) => rest);
  }

  /** The user's messages in café sessions still kept (messages are deleted after the retention period). */
  private async cafeMessages(salt: Buffer): Promise<Row[]> {
    const sessions: { id: string }[] = await this.db.query(
      'SELECT DISTINCT session_id AS id FROM cafe_messages WHERE author_hash IS NOT NULL',
    );
    if (sessions.length === 0) return [];
    const keys = sessions.map((s) => this.anonymity.keyFor(salt, s.id));
    return this.db.query(
      `SELECT m.id, r.slug AS room, m.nickname, m.body, m.created_at AS "createdAt", m.deleted_at IS NOT NULL AS deleted
       FROM cafe_messages m JOIN cafe_rooms r ON r.id = m.room_id
       WHERE (m.session_id, m.author_hash) IN (SELECT * FROM unnest($1::uuid[], $2::bytea[]))
       ORDER BY m.created_at`,
      [sessions.map((s) => s.id), keys],
    );
  }
}
