import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { flagOutcome, mergeReasons, type Priority, type QueueItemType, type ReviewReason } from '#libs/moderation';
import { afterCommit } from '../database/after-commit.js';
import type { PostState } from '../forum/posts.repository.js';
import { RealtimeService, type QueueCounts } from '../realtime/realtime.service.js';
import { FlagsRepository } from './flags.repository.js';
import { QueueRepository, type OpenItemRow } from './queue.repository.js';

/** What screening found in a write that asks for a look even when nothing is held. */
export interface ReviewRequest {
  review: ReviewReason[];
  priority: Priority;
}

export type { OpenItemRow };

/** An open report on a café message, as the café tells the queue about it. */
export interface CafeReportState {
  kind: 'crisis' | 'report';
  source: 'participant' | 'screening';
}

/** Batches `queue:changed` events that happen close together into one. */
const ANNOUNCE_DELAY_MS = 25;

/**
 * The write side of the moderation queue, called in the same transaction as the content write
 * (with the thread row locked, as every forum write does), so the queue can't miss or double an
 * item. The queue mirrors its sources: `syncPost` after any change to a post makes its one open
 * item match what the post now needs (queued, re-typed, escalated or withdrawn); `syncCafeMessage`
 * does the same for a reported café message. The sources tell it their state; it reads only its
 * own tables.
 */
@Injectable()
export class QueueFeed {
  private announcing: NodeJS.Timeout | null = null;

  constructor(
    private readonly items: QueueRepository,
    private readonly flags: FlagsRepository,
    private readonly realtime: RealtimeService,
  ) {}

  /** A post just written: nothing is open for it yet, so only what it needs now is queued. */
  syncNewPost(tx: EntityManager, post: PostState, request?: ReviewRequest): Promise<void> {
    return this.syncPost(tx, post, request, true);
  }

  async syncPost(tx: EntityManager, post: PostState, request?: ReviewRequest, isNew = false): Promise<void> {
    const item = isNew ? null : await this.openItemOf(tx, post.id);
    const flags = item ? await this.flags.openReasons(tx, item.id) : [];
    const review = request?.review ?? [];
    // Never downgraded by an edit or a deletion: someone who seemed to be in danger still needs a look.
    const crisis =
      request?.priority === 'crisis' || item?.priority === 'crisis' || flags.some((f) => f.reason === 'crisis');

    let type: QueueItemType | null = null;
    if (post.status === 'pending') type = post.is_opening ? 'thread' : 'post';
    else if (post.status === 'published' || post.status === 'hidden') {
      if (review.length > 0 || flags.length > 0 || crisis || item?.type === 'flag') type = 'flag';
    } else if (post.status === 'deleted' && item && crisis) type = item.type;

    const reasons = mergeReasons(
      item?.reasons ?? [],
      post.status === 'pending' ? post.held_reasons : [],
      review,
      flags.map((f) => f.reason),
    );
    const priority: Priority = crisis ? 'crisis' : 'normal';

    if (!type) {
      if (item) await this.close(tx, item.id, 'withdrawn', null);
      return;
    }
    if (!item) {
      await this.insert(tx, { type, postId: post.id, threadId: post.thread_id, priority, reasons });
      return;
    }
    if (item.type !== type || item.priority !== priority || item.reasons.length !== reasons.length) {
      await this.items.retag(tx, item.id, { type, priority, reasons });
      await this.history(tx, item.id, priority !== item.priority ? 'escalated' : 'updated', null, { type, reasons });
      this.announce(tx);
    }
  }

  /**
   * A café message was reported (by a participant, or by screening): its one open item gathers
   * every open report, crisis first if any report says someone may be in danger. The café holds the
   * message row locked, so two reports at once can't open two items.
   */
  async syncCafeMessage(tx: EntityManager, messageId: string, reports: CafeReportState[]): Promise<void> {
    const item = await this.items.openItemOfCafeMessage(tx, messageId);
    if (reports.length === 0) return;
    const reasons = mergeReasons(
      item?.reasons ?? [],
      reports.map((r) => (r.kind === 'crisis' ? 'crisis' : r.source === 'screening' ? 'watched_word' : 'report')),
    );
    const priority: Priority =
      item?.priority === 'crisis' || reports.some((r) => r.kind === 'crisis') ? 'crisis' : 'normal';
    if (!item) {
      const id = await this.items.insert(tx, {
        type: 'cafe_message',
        postId: null,
        threadId: null,
        cafeMessageId: messageId,
        priority,
        reasons,
      });
      await this.history(tx, id, 'queued', null, { type: 'cafe_message', priority, reasons });
      this.announce(tx);
      return;
    }
    if (item.priority !== priority || item.reasons.length !== reasons.length) {
      await this.items.retag(tx, item.id, { priority, reasons });
      await this.history(tx, item.id, priority !== item.priority ? 'escalated' : 'updated', null, { reasons });
      this.announce(tx);
    }
  }

  /** A consultation answer asked for help: at the head of the queue, its text only (never who wrote it). */
  async consultationAnswer(tx: EntityManager, responseId: string): Promise<void> {
    const reasons = ['crisis'];
    const id = await this.items.insert(tx, {
      type: 'consultation_answer',
      postId: null,
      threadId: null,
      cafeMessageId: null,
      consultationResponseId: responseId,
      priority: 'crisis',
      reasons,
    });
    await this.history(tx, id, 'queued', null, { type: 'consultation_answer', priority: 'crisis', reasons });
    this.announce(tx);
  }

  /** A suggestion to the activity directory (issue 17): an ordinary item, oldest first. */
  async directorySuggestion(tx: EntityManager, suggestionId: string): Promise<void> {
    const reasons = ['guest'];
    const id = await this.items.insert(tx, {
      type: 'directory_suggestion',
      postId: null,
      threadId: null,
      cafeMessageId: null,
      directorySuggestionId: suggestionId,
      priority: 'normal',
      reasons,
    });
    await this.history(tx, id, 'queued', null, { type: 'directory_suggestion', priority: 'normal', reasons });
    this.announce(tx);
  }

  /** A host removed a reported café message in the room: that settles its item. True when an item was closed. */
  async cafeMessageRemoved(tx: EntityManager, messageId: string, actorId: string): Promise<boolean> {
    const item = await this.items.openItemOfCafeMessage(tx, messageId);
    return item ? this.close(tx, item.id, 'hidden', actorId) : false;
  }

  /** The post's open item, row-locked, if it has one. */
  openItemOf(tx: EntityManager, postId: string): Promise<OpenItemRow | null> {
    return this.items.openItemOfPost(tx, postId);
  }

  async insert(
    tx: EntityManager,
    item: { type: QueueItemType; postId: string; threadId: string; priority: Priority; reasons: string[] },
  ): Promise<string> {
    const id = await this.items.insert(tx, { ...item, cafeMessageId: null });
    await this.history(tx, id, 'queued', null, { type: item.type, priority: item.priority, reasons: item.reasons });
    this.announce(tx);
    return id;
  }

  /** New priority and reasons for an open item (a flag joined it). */
  retag(tx: EntityManager, id: string, tags: { priority: Priority; reasons: string[] }): Promise<void> {
    return this.items.retag(tx, id, tags);
  }

  /**
   * Closes an open item (approved, rejected, hidden, or withdrawn by its author) and settles its
   * open flags: resolved when the post was acted on, dismissed when it was found fine or gone (a
   * café message's reports are the café's: it settles them, see CafeModerationService).
   * Returns false when the item was not open any more (someone else decided first).
   */
  async close(
    tx: EntityManager,
    itemId: string,
    status: 'approved' | 'rejected' | 'hidden' | 'withdrawn',
    actorId: string | null,
    postStatusBefore?: string,
  ): Promise<boolean> {
    const closed = await this.items.close(tx, itemId, status, actorId, postStatusBefore ?? null);
    if (!closed) return false;
    if (!closed.cafe_message_id) await this.flags.settle(tx, itemId, flagOutcome(status), actorId);
    await this.history(tx, itemId, status, actorId);
    this.announce(tx);
    return true;
  }

  /** An undone rejection opens again the flags it had resolved. */
  reopenFlags(tx: EntityManager, itemId: string): Promise<void> {
    return this.flags.reopenResolved(tx, itemId);
  }

  /** One line of an item's history (append-only). */
  history(
    tx: EntityManager,
    itemId: string,
    event: string,
    actorId: string | null,
    meta: Record<string, unknown> = {},
  ): Promise<void> {
    return this.items.history(tx, itemId, event, actorId, meta);
  }

  /** `queue:changed` to the moderators once the transaction has committed (a few changes make one event). */
  announce(tx: EntityManager): void {
    afterCommit(tx, () => {
      if (this.announcing) return;
      this.announcing = setTimeout(() => {
        this.announcing = null;
        void this.counts().then(
          (counts) => this.realtime.queueChanged(counts),
          () => undefined,
        );
      }, ANNOUNCE_DELAY_MS);
      this.announcing.unref();
    });
  }

  counts(manager?: EntityManager): Promise<QueueCounts> {
    return this.items.counts(manager);
  }
}
