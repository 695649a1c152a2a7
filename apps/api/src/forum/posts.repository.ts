import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { searchableText, type Rendered } from '#libs/content';
import type { HoldReason } from '#libs/moderation';
import { PUBLIC_POST_STATUSES, type AuthorKind, type ContentStatus, type Policy } from '#libs/policy';
import type { ScopedKeys } from '../authorship/viewer.js';
import { notFound } from '../common/api-error.js';
import {
  notificationInsert,
  notificationParams,
  type NewNotificationRow,
  type NotificationRow,
} from '../notifications/notifications.repository.js';
import type { NewAuthor, PostRow, ThreadRow } from './forum-rows.js';

/**
 * A post with its thread, category and named author; `p`, `t`, `c` and `u` as aliases. The join on
 * the category's visibility takes $1 (the visibilities the caller may read), so a closed
 * category's content can't come back from a query that forgot to ask.
 */
const POST_COLUMNS = `
  SELECT p.id, p.thread_id, p.author_kind, p.author_id, p.anon_hash, p.alias, p.is_opening, p.body_html, p.body, p.status,
         p.rejection_reason, p.held_reasons, p.content_warning, p.created_at, p.edited_at, p.created_at::text AS created_key,
         u.username, u.display_name, u.role,
         t.title AS thread_title, t.status AS thread_status, t.locked AS thread_locked, t.author_kind AS thread_author_kind,
         t.author_id AS thread_author_id, t.author_hash AS thread_author_hash,
         c.slug AS category_slug, c.visibility, c.moderation, c.allow_anonymous, c.allow_guests`;

/** `p` is the posts table, or the rows a statement has just written. */
const POST_JOINS = (visibility: string) => `
  JOIN threads t ON t.id = p.thread_id
  JOIN categories c ON c.id = t.category_id${visibility}
  LEFT JOIN users u ON u.id = p.author_id`;

const POST_SELECT = `${POST_COLUMNS} FROM posts p ${POST_JOINS(' AND c.visibility = ANY($1::text[])')}`;

/**
 * A post's search vector: the thread title (opening posts, weight A) and the text (weight B), both
 * made parser-safe first (searchableText).
 */
const SEARCH_VECTOR = (title: string, text: string) =>
  `setweight(to_tsvector('norwegian', ${title}), 'A') || setweight(to_tsvector('norwegian', ${text}), 'B')`;

/** A new post's columns, and their values as parameters $1–$14 (`newPostParams`). */
const NEW_POST_COLUMNS =
  'thread_id, author_kind, author_id, anon_hash, alias, is_opening, body, body_html, body_text, search, status, held_reasons, content_warning';
const NEW_POST_VALUES = `$1, $2, $3, $4, $5, $6, $7, $8, $9, ${SEARCH_VECTOR('$10', '$13')}, $11, $12, $14`;
const NEW_POST_PARAMS = 14;

function newPostParams(post: NewPostRow): unknown[] {
  return [
    post.threadId,
    post.author.kind,
    post.author.kind === 'user' ? post.author.userId : null,
    post.author.kind === 'anonymous' ? post.author.hash : null,
    post.alias,
    post.opening,
    post.body,
    post.rendered.html,
    post.rendered.text,
    searchableText(post.title ?? ''),
    post.status,
    post.reasons,
    searchableText(post.rendered.text),
    post.contentWarning ?? null,
  ];
}

/** What a reply written without a transaction checks the thread against: the facts the policy was asked about. */
export type ThreadGuard = Pick<
  ThreadRow,
  'category_id' | 'status' | 'locked' | 'visibility' | 'moderation' | 'allow_anonymous' | 'allow_guests' | 'author_id'
>;

export interface NewPostRow {
  threadId: string;
  author: NewAuthor;
  alias: string | null;
  opening: boolean;
  body: string;
  rendered: Rendered;
  /** The thread title, searchable through the opening post only. */
  title: string | null;
  status: ContentStatus;
  reasons: HoldReason[];
  /** A code from the list of content warnings, or none. */
  contentWarning?: string | null;
}

/** What the moderation queue mirrors of a post. */
export interface PostState {
  id: string;
  thread_id: string;
  is_opening: boolean;
  status: ContentStatus;
  held_reasons: string[];
}

/** The authors of a reply and of its thread, for the reply notification. */
export interface ReplyAuthors {
  thread_id: string;
  is_opening: boolean;
  title: string;
  author_kind: AuthorKind;
  author_id: string | null;
  anon_hash: Buffer | null;
  thread_author_kind: AuthorKind;
  thread_author_id: string | null;
  thread_author_hash: Buffer | null;
}

/** The `posts` and `guest_receipts` tables. Reads take the caller's policy: what it may not read is not found. */
@Injectable()
export class PostsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A post in a category the caller may read, or 404. */
  async get(manager: EntityManager | undefined, policy: Policy, id: string): Promise<PostRow> {
    const rows: PostRow[] = await (manager ?? this.db.manager).query(`${POST_SELECT} WHERE p.id = $2`, [
      policy.readableVisibilities(),
      id,
    ]);
    if (!rows[0]) throw notFound('That post does not exist, or you can’t see it.');
    return rows[0];
  }

  /** Those of the posts the caller may read. */
  byIds(policy: Policy, ids: string[]): Promise<PostRow[]> {
    return this.db.query(`${POST_SELECT} WHERE p.id = ANY($2::uuid[])`, [policy.readableVisibilities(), ids]);
  }

  /**
   * A page of a thread's posts, oldest first: the public ones, and the others only for those who
   * see all content or wrote them (by id, or by their key in this thread).
   */
  pageInThread(
    policy: Policy,
    threadId: string,
    writer: { userId: string | null; key: Buffer | null },
    after: [string, string] | null,
    limit: number,
  ): Promise<PostRow[]> {
    return this.db.query(
      `${POST_SELECT}
       WHERE p.thread_id = $2
         AND (p.status = ANY($3::text[]) OR $4::boolean OR p.author_id = $5::uuid OR p.anon_hash = $6::bytea)
         AND ($7::timestamptz IS NULL OR (p.created_at, p.id) > ($7::timestamptz, $8::uuid))
       ORDER BY p.created_at, p.id
       LIMIT $9`,
      [
        policy.readableVisibilities(),
        threadId,
        PUBLIC_POST_STATUSES,
        policy.seesAllContent,
        writer.userId,
        writer.key,
        after?.[0] ?? null,
        after?.[1] ?? null,
        limit,
      ],
    );
  }

  /**
   * What a page of a thread's posts is made of for every reader who may see the thread: its posts
   * in every state from the cursor to the `limit`-th public one (or to the end when fewer follow),
   * at most `limit + most` of them, oldest first. Each reader keeps those the policy lets them see;
   * their first `limit` are their page, since no public post before the edge is missing.
   */
  async rangeInThread(
    visibilities: string[],
    threadId: string,
    after: [string, string] | null,
    limit: number,
    most: number,
  ): Promise<PostRow[]> {
    const cursor = [after?.[0] ?? null, after?.[1] ?? null];
    const edge: { created_at: string; id: string }[] = await this.db.query(
      `SELECT created_at::text, id FROM (
         SELECT created_at, id, row_number() OVER (ORDER BY created_at, id) AS n FROM posts
         WHERE thread_id = $1 AND status = ANY($2::text[])
           AND ($3::timestamptz IS NULL OR (created_at, id) > ($3::timestamptz, $4::uuid))
         ORDER BY created_at, id LIMIT $5) x
       WHERE n = $5`,
      [threadId, PUBLIC_POST_STATUSES, ...cursor, limit],
    );
    return this.db.query(
      `${POST_SELECT}
       WHERE p.thread_id = $2
         AND ($3::timestamptz IS NULL OR (p.created_at, p.id) > ($3::timestamptz, $4::uuid))
         AND ($5::timestamptz IS NULL OR (p.created_at, p.id) <= ($5::timestamptz, $6::uuid))
       ORDER BY p.created_at, p.id
       LIMIT $7`,
      [visibilities, threadId, ...cursor, edge[0]?.created_at ?? null, edge[0]?.id ?? null, limit + most],
    );
  }

  /** A user's posts, newest first: named ones by id, anonymous ones by their keys in threads. */
  byAuthor(
    policy: Policy,
    userId: string,
    keys: ScopedKeys,
    after: [string, string] | null,
    limit: number,
  ): Promise<PostRow[]> {
    // Two indexed lookups (named by author, anonymous by thread and key) instead of one OR, which
    // the planner can only answer by walking every post newest first.
    return this.db.query(
      `${POST_SELECT}
       WHERE p.id IN (
               SELECT id FROM posts WHERE author_id = $2
               UNION ALL
               SELECT k.id FROM unnest($3::uuid[], $4::bytea[]) AS own (thread_id, hash)
               CROSS JOIN LATERAL (SELECT id FROM posts WHERE thread_id = own.thread_id AND anon_hash = own.hash) k)
         AND ($5::timestamptz IS NULL OR (p.created_at, p.id) < ($5::timestamptz, $6::uuid))
       ORDER BY p.created_at DESC, p.id DESC
       LIMIT $7`,
      [policy.readableVisibilities(), userId, keys.ids, keys.hashes, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  /** A user's published named posts, counted up to `enough`. */
  async countPublishedNamed(userId: string, enough: number): Promise<number> {
    const [row]: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM posts WHERE author_id = $1 AND status = 'published' LIMIT $2) x`,
      [userId, enough],
    );
    return row.n;
  }

  /** Published anonymous posts under these keys, counted up to `enough`. */
  async countPublishedKeyed(keys: ScopedKeys, enough: number): Promise<number> {
    if (keys.ids.length === 0) return 0;
    const [row]: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM (
         SELECT 1 FROM posts p JOIN unnest($1::uuid[], $2::bytea[]) AS k (thread_id, hash) ON p.thread_id = k.thread_id AND p.anon_hash = k.hash
         WHERE p.status = 'published' LIMIT $3) x`,
      [keys.ids, keys.hashes, enough],
    );
    return row.n;
  }

  /** Of these (thread, key) pairs, the threads that hold a post under the key. */
  async threadsWithKeys(keys: ScopedKeys, manager: EntityManager = this.db.manager): Promise<string[]> {
    if (keys.ids.length === 0) return [];
    const rows: { thread_id: string }[] = await manager.query(
      `SELECT DISTINCT p.thread_id FROM posts p
       JOIN unnest($1::uuid[], $2::bytea[]) AS k (thread_id, hash) ON p.thread_id = k.thread_id AND p.anon_hash = k.hash`,
      [keys.ids, keys.hashes],
    );
    return rows.map((r) => r.thread_id);
  }

  /** The alias an anonymous author already has in the thread, if any. */
  async aliasOf(tx: EntityManager, threadId: string, hash: Buffer): Promise<string | null> {
    const rows: { alias: string }[] = await tx.query(
      'SELECT alias FROM posts WHERE thread_id = $1 AND anon_hash = $2 LIMIT 1',
      [threadId, hash],
    );
    return rows[0]?.alias ?? null;
  }

  /** Writes the post and returns it as `get` would, in one statement (its writer gets it back). */
  async insert(tx: EntityManager, post: NewPostRow): Promise<PostRow> {
    const rows: PostRow[] = await tx.query(
      `WITH p AS (
         INSERT INTO posts (${NEW_POST_COLUMNS}) VALUES (${NEW_POST_VALUES}) RETURNING *)
       ${POST_COLUMNS} FROM p ${POST_JOINS('')}`,
      newPostParams(post),
    );
    return rows[0];
  }

  /**
   * A published reply in one statement, with no transaction around it: the thread locked only
   * while the statement runs, and only if it still is as `seen` (what the policy was asked about);
   * its reply count and last activity moved on, and `notice` to its author stored beside it.
   * Null, with nothing written, when the thread has changed since (decision 0046).
   */
  async insertPublishedReply(
    seen: ThreadGuard,
    post: NewPostRow & { id: string },
    notice: NewNotificationRow | null,
  ): Promise<{ row: PostRow; notice: NotificationRow | null } | null> {
    const noticeAt = NEW_POST_PARAMS + 10;
    const rows: (PostRow & {
      notice: (Omit<NotificationRow, 'created_at' | 'read_at'> & { created_at: string; read_at: string | null }) | null;
    })[] = await this.db.query(
      `WITH locked AS (
           SELECT t.id FROM threads t JOIN categories c ON c.id = t.category_id
           WHERE t.id = $1 AND t.category_id = $${NEW_POST_PARAMS + 1} AND t.status = $${NEW_POST_PARAMS + 2}
             AND t.locked = $${NEW_POST_PARAMS + 3} AND c.visibility = $${NEW_POST_PARAMS + 4}
             AND c.moderation = $${NEW_POST_PARAMS + 5} AND c.allow_anonymous = $${NEW_POST_PARAMS + 6}
             AND c.allow_guests = $${NEW_POST_PARAMS + 7}
             AND t.author_id IS NOT DISTINCT FROM $${NEW_POST_PARAMS + 8}::uuid
           FOR UPDATE OF t FOR SHARE OF c),
         p AS (
           INSERT INTO posts (id, ${NEW_POST_COLUMNS}) SELECT $${NEW_POST_PARAMS + 9}, ${NEW_POST_VALUES} FROM locked
           RETURNING *),
         counted AS (
           UPDATE threads SET reply_count = reply_count + 1, last_post_at = greatest(last_post_at, clock_timestamp())
           FROM p WHERE threads.id = p.thread_id),
         told AS (${notice ? notificationInsert(noticeAt, 'FROM p') : 'SELECT NULL WHERE false'})
       ${POST_COLUMNS}, (SELECT row_to_json(told) FROM told) AS notice FROM p ${POST_JOINS('')}`,
      [
        ...newPostParams(post),
        seen.category_id,
        seen.status,
        seen.locked,
        seen.visibility,
        seen.moderation,
        seen.allow_anonymous,
        seen.allow_guests,
        seen.author_id,
        post.id,
        ...(notice ? notificationParams(notice) : []),
      ],
    );
    if (!rows[0]) return null;
    const { notice: stored, ...row } = rows[0];
    return {
      row,
      notice: stored
        ? {
            ...stored,
            created_at: new Date(stored.created_at),
            read_at: stored.read_at ? new Date(stored.read_at) : null,
          }
        : null,
    };
  }

  /** New text (searchable again, with the thread title for an opening post), edited now. */
  async updateBody(
    tx: EntityManager,
    id: string,
    text: { body: string; rendered: Rendered; title: string },
    status: ContentStatus,
    reasons: HoldReason[],
  ): Promise<void> {
    await tx.query(
      `UPDATE posts SET body = $2, body_html = $3, body_text = $4, search = ${SEARCH_VECTOR('$5', '$8')},
              edited_at = clock_timestamp(), status = $6, held_reasons = $7
       WHERE id = $1`,
      [
        id,
        text.body,
        text.rendered.html,
        text.rendered.text,
        searchableText(text.title),
        status,
        reasons,
        searchableText(text.rendered.text),
      ],
    );
  }

  /** A post's content warning (its writer's pick, or a moderator's change). */
  async setContentWarning(tx: EntityManager, id: string, code: string | null): Promise<void> {
    await tx.query('UPDATE posts SET content_warning = $2 WHERE id = $1', [id, code]);
  }

  /** Soft delete: the post keeps its place; its text is gone for good. */
  async softDelete(tx: EntityManager, id: string): Promise<void> {
    await tx.query(
      `UPDATE posts SET status = 'deleted', body = '', body_html = '', body_text = '', search = ''::tsvector, held_reasons = '{}' WHERE id = $1`,
      [id],
    );
  }

  /** A moderator's decision on a held post. */
  async decide(tx: EntityManager, id: string, to: 'published' | 'rejected', reason: string | null): Promise<void> {
    await tx.query(
      `UPDATE posts SET status = $2, rejection_reason = $3, held_reasons = CASE WHEN $2 = 'published' THEN '{}'::text[] ELSE held_reasons END, decided_at = clock_timestamp() WHERE id = $1`,
      [id, to, to === 'rejected' ? reason : null],
    );
  }

  /** A new status, the text untouched; a rejection reason stays only with a rejection. */
  async setStatus(tx: EntityManager, id: string, to: ContentStatus): Promise<void> {
    await tx.query(
      `UPDATE posts SET status = $2, rejection_reason = CASE WHEN $2 = 'rejected' THEN rejection_reason END WHERE id = $1`,
      [id, to],
    );
  }

  async stateOf(tx: EntityManager, id: string): Promise<PostState | null> {
    const rows: PostState[] = await tx.query(
      'SELECT id, thread_id, is_opening, status, held_reasons FROM posts WHERE id = $1',
      [id],
    );
    return rows[0] ?? null;
  }

  async replyAuthors(tx: EntityManager, id: string): Promise<ReplyAuthors | null> {
    const rows: ReplyAuthors[] = await tx.query(
      `SELECT p.author_kind, p.author_id, p.anon_hash, p.thread_id, p.is_opening,
              t.author_kind AS thread_author_kind, t.author_id AS thread_author_id, t.author_hash AS thread_author_hash, t.title
       FROM posts p JOIN threads t ON t.id = p.thread_id WHERE p.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  // --- guests' receipts (only their hashes) ---

  async insertReceipt(tx: EntityManager, tokenHash: Buffer, postId: string, codeHash: Buffer): Promise<void> {
    await tx.query('INSERT INTO guest_receipts (token_hash, post_id, code_hash) VALUES ($1, $2, $3)', [
      tokenHash,
      postId,
      codeHash,
    ]);
  }

  /** A receipt by the hash of its link's token or of its short code. */
  async receipt(by: { tokenHash: Buffer } | { codeHash: Buffer }): Promise<{
    post_id: string;
    thread_id: string;
    status: ContentStatus;
    rejection_reason: string | null;
    visibility: string;
    is_opening: boolean;
    title: string;
    body: string;
    created_at: Date;
  } | null> {
    const [column, hash] = 'tokenHash' in by ? ['token_hash', by.tokenHash] : ['code_hash', by.codeHash];
    const rows = await this.db.query(
      `SELECT p.id AS post_id, p.thread_id, p.status, p.rejection_reason, c.visibility, p.is_opening, t.title, p.body,
              p.created_at
       FROM guest_receipts r JOIN posts p ON p.id = r.post_id JOIN threads t ON t.id = p.thread_id JOIN categories c ON c.id = t.category_id
       WHERE r.${column} = $1`,
      [hash],
    );
    return rows[0] ?? null;
  }

  // --- the user's own data (GET /api/me/export) ---

  /** Named posts by id; anonymous ones by the user's key in each thread that has anonymous posts. */
  forExport(userId: string, keys: ScopedKeys): Promise<Record<string, unknown>[]> {
    return this.db.query(
      `SELECT p.id, p.thread_id AS "threadId", CASE WHEN p.is_opening THEN t.title END AS "threadTitle", p.is_opening AS "openedThread",
              p.author_kind = 'anonymous' AS anonymous, p.alias, p.body, p.status, p.rejection_reason AS "rejectionReason",
              p.created_at AS "createdAt", p.edited_at AS "editedAt"
       FROM posts p JOIN threads t ON t.id = p.thread_id
       WHERE p.id IN (
               SELECT id FROM posts WHERE author_id = $1
               UNION ALL
               SELECT k.id FROM unnest($2::uuid[], $3::bytea[]) AS own (thread_id, hash)
               CROSS JOIN LATERAL (SELECT id FROM posts WHERE thread_id = own.thread_id AND anon_hash = own.hash) k)
       ORDER BY p.created_at, p.id`,
      [userId, keys.ids, keys.hashes],
    );
  }
}
