import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ContentStatus, Policy } from '#libs/policy';
import { notFound } from '../common/api-error.js';
import type { NewAuthor, ThreadRow } from './forum-rows.js';

/**
 * A thread with its category and named author; `t`, `c` and `u` as aliases. The join on the
 * category's visibility takes $1 (the visibilities the caller may read), so a closed category's
 * thread can't come back from a query that forgot to ask.
 */
const THREAD_SELECT = `
  SELECT t.id, t.category_id, c.slug AS category_slug, c.name AS category_name, c.visibility, c.moderation,
         c.allow_anonymous, c.allow_guests, t.title, t.author_kind, t.author_id, t.author_alias, t.author_hash,
         u.username, u.display_name, u.role, t.status, t.pinned, t.locked, t.reply_count, t.created_at,
         t.last_post_at, t.last_post_at::text AS last_post_key,
         (SELECT op.content_warning FROM posts op WHERE op.thread_id = t.id AND op.is_opening) AS content_warning
  FROM threads t
  JOIN categories c ON c.id = t.category_id AND c.visibility = ANY($1::text[])
  LEFT JOIN users u ON u.id = t.author_id`;

/** The condition of ThreadsRepository.unanswered; takes $2, the hours. */
const UNANSWERED = `
  JOIN posts o ON o.thread_id = t.id AND o.is_opening
  WHERE t.status = 'published' AND o.created_at <= now() - make_interval(hours => $2::int)
    AND NOT EXISTS (
      SELECT 1 FROM posts r
      WHERE r.thread_id = t.id AND NOT r.is_opening AND r.status = 'published'
        AND (r.author_kind <> o.author_kind OR r.author_id IS DISTINCT FROM o.author_id
             OR r.alias IS DISTINCT FROM o.alias))`;

export interface NewThread {
  id: string;
  categoryId: string;
  title: string;
  author: NewAuthor;
  alias: string | null;
  status: ContentStatus;
}

/** The `threads` table. Reads take the caller's policy: what it may not read is not found. */
@Injectable()
export class ThreadsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * A thread in a category the caller may read, or 404. With `lock`, the thread row stays locked
   * until the transaction ends (every write to its posts does this, see LockedWrite).
   */
  async get(manager: EntityManager | undefined, policy: Policy, id: string, lock = false): Promise<ThreadRow> {
    const rows: ThreadRow[] = await (manager ?? this.db.manager).query(
      `${THREAD_SELECT} WHERE t.id = $2${lock ? ' FOR UPDATE OF t' : ''}`,
      [policy.readableVisibilities(), id],
    );
    if (!rows[0]) throw notFound('That thread does not exist, or you can’t see it.');
    return rows[0];
  }

  /** Pinned threads first, then by latest activity; published threads only. */
  listInCategory(
    policy: Policy,
    categoryId: string,
    after: [boolean, string, string] | null,
    limit: number,
  ): Promise<ThreadRow[]> {
    return this.db.query(
      `${THREAD_SELECT}
       WHERE t.category_id = $2 AND t.status = 'published'
         AND ($3::boolean IS NULL OR (t.pinned, t.last_post_at, t.id) < ($3::boolean, $4::timestamptz, $5::uuid))
       ORDER BY t.pinned DESC, t.last_post_at DESC, t.id DESC
       LIMIT $6`,
      [policy.readableVisibilities(), categoryId, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, limit],
    );
  }

  /**
   * Published threads whose opening post is at least `hours` old and has had no published reply
   * shown under another author: another username or another alias (issue 18). "Another account"
   * is never asked: an anonymous reply by the opener's own account shows under another name, and
   * counting it as no answer would tell hosts who wrote it. Oldest first; reactions play no part.
   */
  unanswered(
    policy: Policy,
    hours: number,
    after: [string, string] | null,
    limit: number,
  ): Promise<(ThreadRow & { created_key: string })[]> {
    return this.db.query(
      `${THREAD_SELECT.replace('FROM threads t', ', t.created_at::text AS created_key FROM threads t')}
       ${UNANSWERED}
         AND ($3::timestamptz IS NULL OR (t.created_at, t.id) > ($3::timestamptz, $4::uuid))
       ORDER BY t.created_at, t.id
       LIMIT $5`,
      [policy.readableVisibilities(), hours, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  /** How many threads `unanswered` lists, counted up to `cap` (the menu's badge). */
  async countUnanswered(policy: Policy, hours: number, cap: number): Promise<number> {
    const rows: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM (
         SELECT 1 FROM threads t JOIN categories c ON c.id = t.category_id AND c.visibility = ANY($1::text[])
         ${UNANSWERED}
         LIMIT $3) x`,
      [policy.readableVisibilities(), hours, cap],
    );
    return rows[0].n;
  }

  /** The opening post is the first appearance in its thread, so its alias is counted already. */
  async insert(tx: EntityManager, t: NewThread): Promise<void> {
    await tx.query(
      `INSERT INTO threads (id, category_id, title, author_kind, author_id, author_alias, author_hash, status, anonymous_aliases, guest_aliases)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        t.id,
        t.categoryId,
        t.title,
        t.author.kind,
        t.author.kind === 'user' ? t.author.userId : null,
        t.alias,
        t.author.kind === 'anonymous' ? t.author.hash : null,
        t.status,
        t.author.kind === 'anonymous' ? 1 : 0,
        t.author.kind === 'guest' ? 1 : 0,
      ],
    );
  }

  async setLocked(tx: EntityManager, id: string, locked: boolean): Promise<void> {
    await tx.query('UPDATE threads SET locked = $2 WHERE id = $1', [id, locked]);
  }

  async setPinned(tx: EntityManager, id: string, pinned: boolean): Promise<void> {
    await tx.query('UPDATE threads SET pinned = $2 WHERE id = $1', [id, pinned]);
  }

  async setCategory(tx: EntityManager, id: string, categoryId: string): Promise<void> {
    await tx.query('UPDATE threads SET category_id = $2 WHERE id = $1', [id, categoryId]);
  }

  /** Counts one more alias of the kind in the thread; the new count. */
  async nextAlias(tx: EntityManager, threadId: string, kind: 'anonymous' | 'guest'): Promise<number> {
    const column = kind === 'anonymous' ? 'anonymous_aliases' : 'guest_aliases';
    const [[row]]: [{ n: number }[], number] = await tx.query(
      `UPDATE threads SET ${column} = ${column} + 1 WHERE id = $1 RETURNING ${column} AS n`,
      [threadId],
    );
    return row.n;
  }

  /** Until a thread is first published, it follows its opening post's status. */
  async followOpeningPost(tx: EntityManager, threadId: string, status: ContentStatus): Promise<void> {
    await tx.query(
      `UPDATE threads SET status = $2,
              last_post_at = CASE WHEN $2 = 'published' THEN greatest(last_post_at, clock_timestamp()) ELSE last_post_at END
       WHERE id = $1 AND status IN ('pending', 'rejected')`,
      [threadId, status],
    );
  }

  /** Published replies counted; a new one bumps the last activity. */
  async countReplies(tx: EntityManager, threadId: string, delta: number): Promise<void> {
    await tx.query(
      `UPDATE threads SET reply_count = reply_count + $2,
              last_post_at = CASE WHEN $2 > 0 THEN greatest(last_post_at, clock_timestamp()) ELSE last_post_at END
       WHERE id = $1`,
      [threadId, delta],
    );
  }

  /** Every thread that holds anonymous content: where a member's own anonymous posts may be. */
  async withAnonymousContent(): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query('SELECT id FROM threads WHERE anonymous_aliases > 0');
    return rows.map((r) => r.id);
  }

  /** The category of each thread (for the moderation queue's cards). */
  categoriesOf(threadIds: string[]): Promise<{ thread_id: string; slug: string; name: string }[]> {
    return this.db.query(
      'SELECT t.id AS thread_id, c.slug, c.name FROM threads t JOIN categories c ON c.id = t.category_id WHERE t.id = ANY($1::uuid[])',
      [threadIds],
    );
  }
}
