import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { mergeReasons, type Priority, type QueueItemType, type ReviewReason } from '#libs/moderation';
import { afterCommit } from '../database/after-commit.js';
import { RealtimeService, type QueueCounts } from '../realtime/realtime.service.js';

/** What screening found in a write that asks for a look even when nothing is held. */
export interface ReviewRequest {
  review: ReviewReason[];
  priority: Priority;
}

export interface OpenItemRow {
  id: string;
  type: QueueItemType;
  priority: Priority;
  reasons: string[];
}

interface PostState {
  id: string;
  thread_id: string;
  is_opening: boolean;
  status: string;
  held_reasons: string[];
}

/** Batches `queue:changed` events that happen close together into one. */
const ANNOUNCE_DELAY_MS = 25;

/**
 * The write side of the moderation queue, called in the same transaction as the content write
 * (with the thread row locked, as every forum write does), so the queue can't miss or double an
 * item. The queue mirrors the post: `syncPost` after any change to a post makes its one open
 * item match what the post now needs (queued, re-typed, escalated or withdrawn).
 */
@Injectable()
export class QueueFeed {
  private announcing: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly realtime: RealtimeService,
  ) {}

  async syncPost(tx: EntityManager, postId: string, request?: ReviewRequest): Promise<void> {
    const [post]: PostState[] = await tx.query(
      'SELECT id, thread_id, is_opening, status, held_reasons FROM posts WHERE id = $1',
      [postId],
    );
    if (!post) return;
    const item = await this.openItemOf(tx, postId);
    const flags: { reason: string }[] = item
      ? await tx.query(`SELECT reason FROM flags WHERE item_id = $1 AND status = 'open'`, [item.id])
      : [];
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
      await this.insert(tx, { type, postId, threadId: post.thread_id, priority, reasons });
      return;
    }
    if (item.type !== type || item.priority !== priority || item.reasons.length !== reasons.length) {
      await tx.query('UPDATE moderation_queue SET type = $2, priority = $3, reasons = $4 WHERE id = $1', [
        item.id,
        type,
        priority,
        reasons,
      ]);
      await this.history(tx, item.id, priority !== item.priority ? 'escalated' : 'updated', null, { type, reasons });
      this.announce(tx);
    }
  }

  /**
   * A café message was reported (by a participant, or by screening): its one open item gathers
   * every open report, crisis first if any report says someone may be in danger.
   */
  async syncCafeMessage(tx: EntityManager, messageId: string): Promise<void> {
    // The message row is the lock that keeps two reports at once from opening two items.
    const [message]: { id: string }[] = await tx.query('SELECT id FROM cafe_messages WHERE id = $1 FOR UPDATE', [
      messageId,
    ]);
    if (!message) return;
    const reports: { kind: 'crisis' | 'report'; source: 'participant' | 'screening' }[] = await tx.query(
      `SELECT kind, source FROM cafe_reports WHERE message_id = $1 AND status = 'open' ORDER BY created_at, id`,
      [messageId],
    );
    const rows: OpenItemRow[] = await tx.query(
      `SELECT id, type, priority, reasons FROM moderation_queue WHERE cafe_message_id = $1 AND status = 'open' FOR UPDATE`,
      [messageId],
    );
    const item = rows[0];
    if (reports.length === 0) return;
    const reasons = mergeReasons(
      item?.reasons ?? [],
      reports.map((r) => (r.kind === 'crisis' ? 'crisis' : r.source === 'screening' ? 'watched_word' : 'report')),
    );
    const priority: Priority =
      item?.priority === 'crisis' || reports.some((r) => r.kind === 'crisis') ? 'crisis' : 'normal';
    if (!item) {
      const [row]: { id: string }[] = await tx.query(
        `INSERT INTO moderation_queue (type, cafe_message_id, priority, reasons) VALUES ('cafe_message', $1, $2, $3) RETURNING id`,
        [messageId, priority, reasons],
      );
      await this.history(tx, row.id, 'queued', null, { type: 'cafe_message', priority, reasons });
      this.announce(tx);
      return;
    }
    if (item.priority !== priority || item.reasons.length !== reasons.length) {
      await tx.query('UPDATE moderation_queue SET priority = $2, reasons = $3 WHERE id = $1', [
        item.id,
        priority,
        reasons,
      ]);
      await this.history(tx, item.id, priority !== item.priority ? 'escalated' : 'updated', null, { reasons });
      this.announce(tx);
    }
  }

  /** A host removed a reported café message in the room: that settles its item. */
  async cafeMessageRemoved(tx: EntityManager, messageId: string, actorId: string): Promise<void> {
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM moderation_queue WHERE cafe_message_id = $1 AND status = 'open' FOR UPDATE`,
      [messageId],
    );
    if (rows[0]) await this.close(tx, rows[0].id, 'hidden', actorId);
  }

  /** The post's open item, row-locked, if it has one. */
  async openItemOf(tx: EntityManager, postId: string): Promise<OpenItemRow | null> {
    const rows: OpenItemRow[] = await tx.query(
      `SELECT id, type, priority, reasons FROM moderation_queue WHERE post_id = $1 AND status = 'open' FOR UPDATE`,
      [postId],
    );
    return rows[0] ?? null;
  }

  async insert(
    tx: EntityManager,
    item: { type: QueueItemType; postId: string; threadId: string; priority: Priority; reasons: string[] },
  ): Promise<string> {
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO moderation_queue (type, post_id, thread_id, priority, reasons) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [item.type, item.postId, item.threadId, item.priority, item.reasons],
    );
    await this.history(tx, row.id, 'queued', null, { type: item.type, priority: item.priority, reasons: item.reasons });
    this.announce(tx);
    return row.id;
  }

  /**
   * Closes an open item (approved, rejected, hidden, or withdrawn by its author) and settles its
   * open flags: resolved when the post was acted on, dismissed when it was found fine or gone.
   * Returns false when the item was not open any more (someone else decided first).
   */
  async close(
    tx: EntityManager,
    itemId: string,
    status: 'approved' | 'rejected' | 'hidden' | 'withdrawn',
    actorId: string | null,
    postStatusBefore?: string,
  ): Promise<boolean> {
    const [rows]: [{ id: string; cafe_message_id: string | null }[], number] = await tx.query(
      `UPDATE moderation_queue SET status = $2, resolved_at = clock_timestamp(), resolved_by = $3, post_status_before = $4
       WHERE id = $1 AND status = 'open' RETURNING id, cafe_message_id`,
      [itemId, status, actorId, postStatusBefore ?? null],
    );
    if (rows.length === 0) return false;
    const flagStatus = status === 'rejected' || status === 'hidden' ? 'resolved' : 'dismissed';
    if (rows[0].cafe_message_id) {
      await tx.query(
        `UPDATE cafe_reports SET status = $2, handled_at = clock_timestamp(), handled_by = $3 WHERE message_id = $1 AND status = 'open'`,
        [rows[0].cafe_message_id, flagStatus, actorId],
      );
    } else {
      await tx.query(
        `UPDATE flags SET status = $2, resolved_at = clock_timestamp(), resolved_by = $3 WHERE item_id = $1 AND status = 'open'`,
        [itemId, flagStatus, actorId],
      );
    }
    await this.history(tx, itemId, status, actorId);
    this.announce(tx);
    return true;
  }

  /** One line of an item's history (append-only). */
  async history(
    tx: EntityManager,
    itemId: string,
    event: string,
    actorId: string | null,
    meta: Record<string, unknown> = {},
  ): Promise<void> {
    await tx.query('INSERT INTO moderation_history (item_id, event, actor_id, meta) VALUES ($1, $2, $3, $4)', [
      itemId,
      event,
      actorId,
      JSON.stringify(meta),
    ]);
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

  async counts(manager: EntityManager = this.db.manager): Promise<QueueCounts> {
    const [row]: QueueCounts[] = await manager.query(
      `SELECT count(*)::int AS pending, (count(*) FILTER (WHERE priority = 'crisis'))::int AS "crisisPending" FROM moderation_queue WHERE status = 'open'`,
    );
    return row;
  }
}
