import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Rendered } from '#libs/content';
import type { HoldReason } from '#libs/moderation';
import type { ContentStatus } from '#libs/policy';
import { QueueFeed, type ReviewRequest } from '../moderation/queue-feed.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';

export type NewAuthor = { kind: 'user'; userId: string } | { kind: 'anonymous'; hash: Buffer } | { kind: 'guest' };

export interface NewPost {
  threadId: string;
  /** The thread title, searchable through the opening post only. */
  title: string | null;
  opening: boolean;
  author: NewAuthor;
  alias: string | null;
  body: string;
  rendered: Rendered;
  reasons: HoldReason[];
  /** Queued for a look even when published (a watched word's `flag` or `crisis`). */
  review?: ReviewRequest;
}

/** A post's search vector: the thread title (opening posts, weight A) and the text (weight B). */
const SEARCH_VECTOR = (title: string, text: string) =>
  `setweight(to_tsvector('norwegian', ${title}), 'A') || setweight(to_tsvector('norwegian', ${text}), 'B')`;

export const sha256 = (s: string) => createHash('sha256').update(s).digest();

/**
 * The write side shared by threads, replies, edits, deletions and reviews: every change of a
 * post's status goes through `statusChanged`, so reply counts, last activity and the thread's own
 * status stay right. Callers hold the thread row locked (SELECT … FOR UPDATE) in `tx`.
 */
@Injectable()
export class ForumWriter {
  constructor(
    private readonly queue: QueueFeed,
    private readonly notifications: NotificationsService,
  ) {}

  /** The alias within a thread: one per anonymous author (by order of first appearance), one per guest post. */
  async aliasFor(tx: EntityManager, threadId: string, author: NewAuthor): Promise<string | null> {
    if (author.kind === 'user') return null;
    if (author.kind === 'anonymous') {
      const existing: { alias: string }[] = await tx.query(
        'SELECT alias FROM posts WHERE thread_id = $1 AND anon_hash = $2 LIMIT 1',
        [threadId, author.hash],
      );
      if (existing[0]) return existing[0].alias;
      const [[row]]: [{ n: number }[], number] = await tx.query(
        'UPDATE threads SET anonymous_aliases = anonymous_aliases + 1 WHERE id = $1 RETURNING anonymous_aliases AS n',
        [threadId],
      );
      return `Anonym ${row.n}`;
    }
    // A guest has nothing to recognise them by across posts, so each guest post is a new guest.
    const [[row]]: [{ n: number }[], number] = await tx.query(
      'UPDATE threads SET guest_aliases = guest_aliases + 1 WHERE id = $1 RETURNING guest_aliases AS n',
      [threadId],
    );
    return `Gjest ${row.n}`;
  }

  async insertPost(tx: EntityManager, post: NewPost): Promise<{ id: string; status: ContentStatus }> {
    const status: ContentStatus = post.reasons.length > 0 ? 'pending' : 'published';
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO posts (thread_id, author_kind, author_id, anon_hash, alias, is_opening, body, body_html, body_text, search, status, held_reasons)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, ${SEARCH_VECTOR('$10', '$9')}, $11, $12)
       RETURNING id`,
      [
        post.threadId,
        post.author.kind,
        post.author.kind === 'user' ? post.author.userId : null,
        post.author.kind === 'anonymous' ? post.author.hash : null,
        post.alias,
        post.opening,
        post.body,
        post.rendered.html,
        post.rendered.text,
        post.title ?? '',
        status,
        post.reasons,
      ],
    );
    await this.statusChanged(tx, { threadId: post.threadId, opening: post.opening }, null, status);
    await this.afterWrite(tx, { id: rows[0].id, opening: post.opening }, null, status, post.review);
    return { id: rows[0].id, status };
  }

  /** New text for a post, screened again: held again with `reasons`, or published when none remain. */
  async updateBody(
    tx: EntityManager,
    post: { id: string; threadId: string; opening: boolean; status: ContentStatus; title: string },
    body: string,
    rendered: Rendered,
    reasons: HoldReason[],
    review?: ReviewRequest,
  ): Promise<ContentStatus> {
    const status: ContentStatus =
      reasons.length > 0 ? 'pending' : post.status === 'pending' ? 'published' : post.status;
    await tx.query(
      `UPDATE posts SET body = $2, body_html = $3, body_text = $4, search = ${SEARCH_VECTOR('$5', '$4')},
              edited_at = clock_timestamp(), status = $6, held_reasons = $7
       WHERE id = $1`,
      [post.id, body, rendered.html, rendered.text, post.opening ? post.title : '', status, reasons],
    );
    await this.statusChanged(tx, post, post.status, status);
    await this.afterWrite(tx, post, post.status, status, review);
    return status;
  }

  /** Soft delete: the post keeps its place; its text is gone for good. */
  async softDelete(
    tx: EntityManager,
    post: { id: string; threadId: string; opening: boolean; status: ContentStatus },
  ): Promise<void> {
    if (post.status === 'deleted') return;
    await tx.query(
      `UPDATE posts SET status = 'deleted', body = '', body_html = '', body_text = '', search = ''::tsvector, held_reasons = '{}' WHERE id = $1`,
      [post.id],
    );
    await this.statusChanged(tx, post, post.status, 'deleted');
    await this.afterWrite(tx, post, post.status, 'deleted');
  }

  /** A moderator's decision on a held post: published, or rejected with a reason its author is told. */
  async decide(
    tx: EntityManager,
    post: { id: string; threadId: string; opening: boolean; status: ContentStatus },
    to: 'published' | 'rejected',
    reason: string | null,
  ): Promise<void> {
    await tx.query(
      `UPDATE posts SET status = $2, rejection_reason = $3, held_reasons = CASE WHEN $2 = 'published' THEN '{}'::text[] ELSE held_reasons END, decided_at = clock_timestamp() WHERE id = $1`,
      [post.id, to, to === 'rejected' ? reason : null],
    );
    await this.statusChanged(tx, post, post.status, to);
    await this.afterWrite(tx, post, post.status, to);
  }

  /** A moderator's hide, restore or undo: the post's new status, text untouched. */
  async setStatus(
    tx: EntityManager,
    post: { id: string; threadId: string; opening: boolean; status: ContentStatus },
    to: ContentStatus,
  ): Promise<void> {
    await tx.query(
      `UPDATE posts SET status = $2, rejection_reason = CASE WHEN $2 = 'rejected' THEN rejection_reason END WHERE id = $1`,
      [post.id, to],
    );
    await this.statusChanged(tx, post, post.status, to);
    await this.afterWrite(tx, post, post.status, to);
  }

  /**
   * In the same transaction as every post write: the moderation queue follows the post, and a
   * reply that has just become visible tells the thread's author.
   */
  private async afterWrite(
    tx: EntityManager,
    post: { id: string; opening: boolean },
    from: ContentStatus | null,
    to: ContentStatus,
    review?: ReviewRequest,
  ): Promise<void> {
    await this.queue.syncPost(tx, post.id, review);
    if (!post.opening && to === 'published' && (from === null || from === 'pending'))
      await this.notifications.replyPublished(tx, post.id);
  }

  /**
   * Keeps the thread right when a post's status changes: published replies are counted and bump
   * the last activity; until a thread is first published, it follows its opening post.
   */
  async statusChanged(
    tx: EntityManager,
    post: { threadId: string; opening: boolean },
    from: ContentStatus | null,
    to: ContentStatus,
  ): Promise<void> {
    if (from === to) return;
    if (post.opening) {
      await tx.query(
        `UPDATE threads SET status = $2,
                last_post_at = CASE WHEN $2 = 'published' THEN greatest(last_post_at, clock_timestamp()) ELSE last_post_at END
         WHERE id = $1 AND status IN ('pending', 'rejected')`,
        [post.threadId, to],
      );
      return;
    }
    const delta = (to === 'published' ? 1 : 0) - (from === 'published' ? 1 : 0);
    if (delta === 0) return;
    await tx.query(
      `UPDATE threads SET reply_count = reply_count + $2,
              last_post_at = CASE WHEN $2 > 0 THEN greatest(last_post_at, clock_timestamp()) ELSE last_post_at END
       WHERE id = $1`,
      [post.threadId, delta],
    );
  }

  /** A receipt for a guest's held post; only its hash is stored. */
  async createReceipt(tx: EntityManager, postId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await tx.query('INSERT INTO guest_receipts (token_hash, post_id) VALUES ($1, $2)', [sha256(token), postId]);
    return token;
  }
}
