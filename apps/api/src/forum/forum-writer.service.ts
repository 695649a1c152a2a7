import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PRODUCT_ALIASES, type Rendered } from '#libs/content';
import type { HoldReason } from '#libs/moderation';
import type { ContentStatus } from '#libs/policy';
import { threadScope } from '../authorship/scope.js';
import { QueueFeed, type ReviewRequest } from '../moderation/queue-feed.service.js';
import { NotificationsService, type PublishedReply } from '../notifications/notifications.service.js';
import { postAuthored, type NewAuthor, type PostRow, type ThreadRow } from './forum-rows.js';
import { PostsRepository, type PostState } from './posts.repository.js';
import { newReceiptCode, normalizeReceiptCode } from './receipt-code.js';
import { ThreadsRepository } from './threads.repository.js';

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
  /** A code from the list of content warnings (checked by the caller), or none. */
  contentWarning?: string | null;
  /** Queued for a look even when published (a watched word's `flag` or `crisis`). */
  review?: ReviewRequest;
  /** A reply's thread as the caller holds it locked: who to tell, without reading it again. */
  thread?: Pick<ThreadRow, 'title' | 'visibility' | 'author_kind' | 'author_id' | 'author_hash'>;
}

type PostRef = { id: string; threadId: string; opening: boolean; status: ContentStatus };

type PostAuthorColumns = Pick<PostState, 'thread_id'> & {
  author_kind: ThreadRow['author_kind'];
  author_id: string | null;
  anon_hash: Buffer | null;
};

type ReplyColumns = { id: string; thread_id: string } & Pick<
  PostAuthorColumns,
  'author_kind' | 'author_id' | 'anon_hash'
>;
type ThreadOfReply = Pick<ThreadRow, 'title' | 'author_kind' | 'author_id' | 'author_hash'> & { visibility?: string };

/** The author columns a new post will have. */
function postAuthorOf(post: NewPost): Omit<PostAuthorColumns, 'thread_id'> {
  const a = post.author;
  return {
    author_kind: a.kind,
    author_id: a.kind === 'user' ? a.userId : null,
    anon_hash: a.kind === 'anonymous' ? a.hash : null,
  };
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest();

/** The stored form of a normalised receipt code (apart from tokens' hashes by its prefix). */
export const receiptCodeHash = (normalized: string) => sha256(`receipt-code:${normalized}`);

/**
 * The write side shared by threads, replies, edits, deletions and reviews: every change of a
 * post's status goes through `statusChanged`, so reply counts, last activity and the thread's own
 * status stay right, and through `afterWrite`, so the queue and the thread's author hear of it.
 * Callers hold the thread row locked in `tx` (LockedWrite).
 */
@Injectable()
export class ForumWriter {
  constructor(
    private readonly posts: PostsRepository,
    private readonly threads: ThreadsRepository,
    private readonly queue: QueueFeed,
    private readonly notifications: NotificationsService,
  ) {}

  /** The alias within a thread: one per anonymous author (by order of first appearance), one per guest post. */
  async aliasFor(tx: EntityManager, threadId: string, author: NewAuthor): Promise<string | null> {
    if (author.kind === 'user') return null;
    if (author.kind === 'anonymous') {
      const existing = await this.posts.aliasOf(tx, threadId, author.hash);
      if (existing) return existing;
      return `${PRODUCT_ALIASES.anonymous} ${await this.threads.nextAlias(tx, threadId, 'anonymous')}`;
    }
    // A guest has nothing to recognise them by across posts, so each guest post is a new guest.
    return `${PRODUCT_ALIASES.guest} ${await this.threads.nextAlias(tx, threadId, 'guest')}`;
  }

  private async insertPost(tx: EntityManager, post: NewPost): Promise<PostRow> {
    const status: ContentStatus = post.reasons.length > 0 ? 'pending' : 'published';
    const row = await this.posts.insert(tx, { ...post, status });
    const id = row.id;
    await this.statusChanged(tx, { threadId: post.threadId, opening: post.opening }, null, status);
    // Just written: its state is known and no queue item can be open for it yet.
    const state = { id, thread_id: post.threadId, is_opening: post.opening, status, held_reasons: post.reasons };
    await this.queue.syncNewPost(tx, state, post.review);
    if (!post.opening && status === 'published' && post.thread)
      await this.tellThreadAuthor(tx, { ...state, ...postAuthorOf(post) }, post.thread);
    else await this.afterWrite(tx, { id, opening: post.opening }, null, status, undefined, state);
    return row;
  }

  /** New text for a post, screened again: held again with `reasons`, or published when none remain. */
  async updateBody(
    tx: EntityManager,
    post: PostRef & { title: string },
    body: string,
    rendered: Rendered,
    reasons: HoldReason[],
    review?: ReviewRequest,
  ): Promise<ContentStatus> {
    const status: ContentStatus =
      reasons.length > 0 ? 'pending' : post.status === 'pending' ? 'published' : post.status;
    await this.posts.updateBody(
      tx,
      post.id,
      { body, rendered, title: post.opening ? post.title : '' },
      status,
      reasons,
    );
    await this.statusChanged(tx, post, post.status, status);
    await this.afterWrite(tx, post, post.status, status, review);
    return status;
  }

  /** Soft delete: the post keeps its place; its text is gone for good. */
  async softDelete(tx: EntityManager, post: PostRef): Promise<void> {
    if (post.status === 'deleted') return;
    await this.posts.softDelete(tx, post.id);
    await this.statusChanged(tx, post, post.status, 'deleted');
    await this.afterWrite(tx, post, post.status, 'deleted');
  }

  /** A moderator's decision on a held post: published, or rejected with a reason its author is told. */
  async decide(tx: EntityManager, post: PostRef, to: 'published' | 'rejected', reason: string | null): Promise<void> {
    await this.posts.decide(tx, post.id, to, reason);
    await this.statusChanged(tx, post, post.status, to);
    await this.afterWrite(tx, post, post.status, to);
  }

  /** A moderator's hide, restore or undo: the post's new status, text untouched. */
  async setStatus(tx: EntityManager, post: PostRef, to: ContentStatus): Promise<void> {
    await this.posts.setStatus(tx, post.id, to);
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
    synced?: PostState,
  ): Promise<void> {
    if (!synced) {
      const state = await this.posts.stateOf(tx, post.id);
      if (state) await this.queue.syncPost(tx, state, review);
    }
    if (!post.opening && to === 'published' && (from === null || from === 'pending')) {
      const reply = await this.posts.replyAuthors(tx, post.id);
      if (reply && !reply.is_opening)
        await this.tellThreadAuthor(
          tx,
          { id: post.id, ...reply },
          {
            title: reply.title,
            author_kind: reply.thread_author_kind,
            author_id: reply.thread_author_id,
            author_hash: reply.thread_author_hash,
          },
        );
    }
  }

  /** A reply has just become visible: the thread's author hears of it. */
  private tellThreadAuthor(tx: EntityManager, reply: ReplyColumns, thread: ThreadOfReply): Promise<void> {
    return this.notifications.replyPublished(tx, this.replyAbout(reply, thread));
  }

  private replyAbout(reply: ReplyColumns, thread: ThreadOfReply): PublishedReply {
    return {
      postId: reply.id,
      threadId: reply.thread_id,
      threadTitle: thread.title,
      threadVisibility: thread.visibility,
      author: postAuthored(reply),
      threadAuthor: {
        authorKind: thread.author_kind,
        authorId: thread.author_id,
        anonHash: thread.author_hash,
        scope: threadScope(reply.thread_id),
      },
    };
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
    if (post.opening) return this.threads.followOpeningPost(tx, post.threadId, to);
    const delta = (to === 'published' ? 1 : 0) - (from === 'published' ? 1 : 0);
    if (delta !== 0) await this.threads.countReplies(tx, post.threadId, delta);
  }

  /**
   * A named member's reply that is published at once and asks nothing of the queue, written in one
   * statement without a transaction (the thread's lock held only while it runs). Null when the
   * reply needs more, or when `seen` — the thread as the policy was asked about it — is no longer
   * how it is: the caller then writes under the thread's lock (decision 0046).
   */
  async publishReply(seen: ThreadRow, post: NewPost): Promise<PostRow | null> {
    const simple =
      !post.opening &&
      post.author.kind === 'user' &&
      post.reasons.length === 0 &&
      (post.review?.review.length ?? 0) === 0 &&
      post.review?.priority !== 'crisis';
    if (!simple) return null;
    const id = randomUUID();
    const author = postAuthorOf(post);
    const notice = this.notifications.replyNotice(this.replyAbout({ id, thread_id: seen.id, ...author }, seen));
    const written = await this.posts.insertPublishedReply(
      seen,
      { ...post, threadId: seen.id, id, status: 'published' },
      notice?.row ?? null,
    );
    if (!written) return null;
    if (notice && written.notice) await notice.deliver(written.notice);
    return written.row;
  }

  /** A new thread's opening post or a reply and, for a guest's, the receipt that tells them what became of it. */
  async write(
    tx: EntityManager,
    post: NewPost,
  ): Promise<{ postId: string; row: PostRow; receiptToken?: string; receiptCode?: string }> {
    const row = await this.insertPost(tx, post);
    if (post.author.kind !== 'guest') return { postId: row.id, row };
    return { postId: row.id, row, ...(await this.createReceipt(tx, row.id)) };
  }

  /** A receipt for a guest's held post: a link's token and a short code to write down; only their hashes are stored. */
  private async createReceipt(
    tx: EntityManager,
    postId: string,
  ): Promise<{ receiptToken: string; receiptCode: string }> {
    const token = randomBytes(32).toString('base64url');
    const code = newReceiptCode();
    await this.posts.insertReceipt(tx, sha256(token), postId, receiptCodeHash(normalizeReceiptCode(code)!));
    return { receiptToken: token, receiptCode: code };
  }
}
