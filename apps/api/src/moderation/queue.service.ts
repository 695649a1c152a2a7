import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  CANNED_REJECTION_REASONS,
  CLAIM_MINUTES,
  UNDO_WINDOW_MINUTES,
  type HoldReason,
  type QueueItemStatus,
  type QueueItemType,
} from '#libs/moderation';
import type { Policy, QueueItemFacts } from '#libs/policy';
import { AuditService } from '../audit/audit.service.js';
import { CafeBroadcaster } from '../cafe/cafe.broadcaster.js';
import { CafeRepository } from '../cafe/cafe.repository.js';
import { ensure } from '../auth/policy.guard.js';
import { conflict, notFound } from '../common/api-error.js';
import { decodeCursor, toPage, type Page } from '../common/paging.js';
import { ContentRenderer } from '../forum/content-renderer.service.js';
import { ForumWriter } from '../forum/forum-writer.service.js';
import { loadPost, loadThread } from '../forum/forum-queries.js';
import type { PostRow } from '../forum/forum-rows.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { ApproveDto, CannedReasonDto, QueueDecisionDto, QueueItemDto } from './dto/queue.dto.js';
import { QueueFeed } from './queue-feed.service.js';
import { toQueueItemDto, type QueueItemRow } from './queue.mappers.js';
import { QueueSources } from './queue-sources.service.js';

/** An item with what deciding on it needs, row-locked in the deciding transaction. */
interface LockedItem {
  id: string;
  type: QueueItemType;
  status: QueueItemStatus;
  post_id: string | null;
  thread_id: string | null;
  cafe_message_id: string | null;
  claimed_by: string | null;
  resolved_at: Date | null;
  post_status_before: string | null;
}

const CLAIM_ACTIVE = `claimed_at > clock_timestamp() - interval '${CLAIM_MINUTES} minutes'`;

const ITEM_COLUMNS = `id, type, status, post_id, thread_id, cafe_message_id, CASE WHEN ${CLAIM_ACTIVE} THEN claimed_by END AS claimed_by, resolved_at, post_status_before`;

function facts(item: LockedItem): QueueItemFacts {
  return { status: item.status, claimedBy: item.claimed_by, resolvedAt: item.resolved_at };
}

const postRef = (post: PostRow) => ({
  id: post.id,
  threadId: post.thread_id,
  opening: post.is_opening,
  status: post.status,
  title: post.thread_title,
});

/**
 * The moderators' one queue: held threads and posts, flagged posts and reported café messages,
 * crisis first, then oldest. Every decision is race-free (docs/decisions/0005): the item row is
 * locked and re-checked in the transaction that applies the decision, and its status moves on
 * only from `open`, so of two moderators acting at once exactly one wins and the other gets 409.
 */
@Injectable()
export class QueueService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly feed: QueueFeed,
    private readonly sources: QueueSources,
    private readonly writer: ForumWriter,
    private readonly renderer: ContentRenderer,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly cafe: CafeRepository,
    private readonly cafeRooms: CafeBroadcaster,
  ) {}

  reasons(policy: Policy): CannedReasonDto[] {
    ensure(policy.can('mod.queue'));
    return CANNED_REJECTION_REASONS.map((r) => ({ code: r.code, text: r.text }));
  }

  async list(policy: Policy, limit: number, cursor: string | undefined): Promise<Page<QueueItemDto>> {
    ensure(policy.can('mod.queue'));
    const after = decodeCursor(cursor, ['number', 'date', 'uuid']);
    const rows: QueueItemRow[] = await this.db.query(
      `SELECT q.id, q.type, q.priority, q.reasons, q.created_at, q.created_at::text AS created_key, q.post_id, q.thread_id, q.cafe_message_id,
              CASE WHEN q.priority = 'crisis' THEN 0 ELSE 1 END AS rank,
              cu.id AS claimed_by, cu.username AS claimed_username, cu.display_name AS claimed_display_name
       FROM moderation_queue q
       LEFT JOIN users cu ON cu.id = q.claimed_by AND q.${CLAIM_ACTIVE}
       WHERE q.status = 'open'
         AND ($1::int IS NULL OR (CASE WHEN q.priority = 'crisis' THEN 0 ELSE 1 END, q.created_at, q.id) > ($1::int, $2::timestamptz, $3::uuid))
       ORDER BY CASE WHEN q.priority = 'crisis' THEN 0 ELSE 1 END, q.created_at, q.id
       LIMIT $4`,
      [after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, limit + 1],
    );
    const kept = rows.slice(0, limit);
    const content = await this.sources.load(policy, kept);
    const page = toPage(
      rows,
      limit,
      (r) => [r.rank, r.created_key, r.id],
      (r) => r,
    );
    return { items: page.items.map((r) => toQueueItemDto(r, content.get(r.id))), nextCursor: page.nextCursor };
  }

  /** Optional: tells the other moderators someone is on it. Their decisions answer 409 until it lapses. */
  async claim(policy: Policy, id: string): Promise<QueueDecisionDto> {
    ensure(policy.can('mod.queue'));
    return this.db.transaction(async (tx) => {
      const item = await this.lockItem(tx, id);
      ensure(policy.canDecideQueueItem(facts(item)));
      await tx.query('UPDATE moderation_queue SET claimed_by = $2, claimed_at = clock_timestamp() WHERE id = $1', [
        id,
        policy.userId,
      ]);
      await this.feed.history(tx, id, 'claimed', policy.userId!);
      await this.audit.record(tx, { actorId: policy.userId!, action: 'claim', targetType: 'queue_item', targetId: id });
      this.feed.announce(tx);
      const [me]: { username: string; display_name: string }[] = await tx.query(
        'SELECT username, display_name FROM users WHERE id = $1',
        [policy.userId],
      );
      return {
        id,
        status: 'open',
        claimedBy: { id: policy.userId!, username: me.username, displayName: me.display_name },
      };
    });
  }

  /** Publishes held content (with the moderator's edit, if any, applied first), or keeps a flagged post. */
  async approve(policy: Policy, id: string, dto: ApproveDto): Promise<QueueDecisionDto> {
    if ((await this.typeOf(policy, id)) === 'cafe_message')
      return this.decideCafe(policy, id, 'approved', dto.note ?? null);
    const rendered = dto.body !== undefined ? await this.renderer.render(dto.body) : null;
    await this.decide(policy, id, async (tx, item, post) => {
      const ref = postRef(post);
      // The edit goes in while the item is still open, so the bad version is never public.
      if (rendered)
        await this.writer.updateBody(
          tx,
          ref,
          dto.body!,
          rendered,
          post.status === 'pending' ? (post.held_reasons as HoldReason[]) : [],
        );
      await this.closeOrConflict(tx, item.id, 'approved', policy.userId!);
      if (post.status === 'pending') {
        await this.writer.decide(tx, ref, 'published', null);
        await this.notifications.decided(tx, post, 'approved', null, item.id);
      } else if (post.status === 'hidden') {
        // Hidden by flags until reviewed; reviewed and found fine.
        await this.writer.setStatus(tx, ref, 'published');
        await this.notifications.decided(tx, post, 'restored', null, item.id);
      }
      await this.audit.record(tx, {
        actorId: policy.userId!,
        action: 'approve',
        targetType: 'post',
        targetId: post.id,
        reason: dto.note ?? null,
        meta: { item: item.id, type: item.type, edited: rendered !== null },
      });
    });
    return { id, status: 'approved' };
  }

  /** Rejects with a reason the author is told (ground rule 8): beside their post, by notification, on a guest's receipt. */
  async reject(policy: Policy, id: string, reason: string): Promise<QueueDecisionDto> {
    if ((await this.typeOf(policy, id)) === 'cafe_message') return this.decideCafe(policy, id, 'rejected', reason);
    await this.decide(policy, id, async (tx, item, post) => {
      await this.closeOrConflict(tx, item.id, 'rejected', policy.userId!, post.status);
      await this.writer.decide(tx, postRef(post), 'rejected', reason);
      await this.notifications.decided(tx, post, 'rejected', reason, item.id);
      await this.audit.record(tx, {
        actorId: policy.userId!,
        action: 'reject',
        targetType: 'post',
        targetId: post.id,
        reason,
        meta: { item: item.id, type: item.type },
      });
    });
    return { id, status: 'rejected' };
  }

  /** Takes a rejection back within the undo window: the post returns to where it was and the item to the queue. */
  async undo(policy: Policy, id: string): Promise<QueueDecisionDto> {
    ensure(policy.can('mod.queue'));
    const found = await this.findItem(this.db.manager, id);
    if (found.type === 'cafe_message')
      throw conflict('not_supported', 'A removed café message can’t be brought back; its session may be over.');
    await this.db.transaction(async (tx) => {
      await loadThread(tx, policy, found.thread_id!, true);
      const item = await this.lockItem(tx, id);
      ensure(policy.canUndoRejection(facts(item), { now: new Date(), undoWindowMinutes: UNDO_WINDOW_MINUTES }));
      const post = await loadPost(tx, policy, item.post_id!);
      if (post.status !== 'rejected')
        throw conflict('changed', 'The post has changed since it was rejected, so the rejection can’t be undone.');
      // The moderator who undoes it keeps it claimed, so no one else decides it while they look again.
      await tx.query(
        `UPDATE moderation_queue SET status = 'open', resolved_at = NULL, resolved_by = NULL, post_status_before = NULL, claimed_by = $2, claimed_at = clock_timestamp()
         WHERE id = $1 AND status = 'rejected'`,
        [id, policy.userId],
      );
      await tx.query(
        `UPDATE flags SET status = 'open', resolved_at = NULL, resolved_by = NULL WHERE item_id = $1 AND status = 'resolved'`,
        [id],
      );
      await this.feed.history(tx, id, 'undone', policy.userId!);
      await this.writer.setStatus(
        tx,
        postRef(post),
        (item.post_status_before as PostRow['status'] | null) ?? 'pending',
      );
      await this.notifications.withdrawFor(tx, id);
      await this.audit.record(tx, {
        actorId: policy.userId!,
        action: 'undo',
        targetType: 'post',
        targetId: post.id,
        meta: { item: id },
      });
      this.feed.announce(tx);
    });
    return { id, status: 'open' };
  }

  /**
   * The frame of every decision on forum content: lock the thread (every forum write does, so the
   * order of locks is the same everywhere), then the item, then ask the policy with what is true now.
   */
  private async decide(
    policy: Policy,
    id: string,
    apply: (tx: EntityManager, item: LockedItem, post: PostRow) => Promise<void>,
  ): Promise<void> {
    ensure(policy.can('mod.queue'));
    const found = await this.findItem(this.db.manager, id);
    await this.db.transaction(async (tx) => {
      await loadThread(tx, policy, found.thread_id!, true);
      const item = await this.lockItem(tx, id);
      ensure(policy.canDecideQueueItem(facts(item)));
      const post = await loadPost(tx, policy, item.post_id!);
      await apply(tx, item, post);
    });
  }

  /**
   * A reported café message: kept (the reports dismissed) or removed from every screen in the room
   * (the reports resolved). Its row is the lock, as for the reports that queued it.
   */
  private async decideCafe(
    policy: Policy,
    id: string,
    to: 'approved' | 'rejected',
    reason: string | null,
  ): Promise<QueueDecisionDto> {
    const removed = await this.db.transaction(async (tx) => {
      const found = await this.findItem(tx, id);
      const [message]: { id: string; session_id: string; room: string }[] = await tx.query(
        'SELECT m.id, m.session_id, r.slug AS room FROM cafe_messages m JOIN cafe_rooms r ON r.id = m.room_id WHERE m.id = $1 FOR UPDATE OF m',
        [found.cafe_message_id],
      );
      if (!message) throw notFound('That café message is gone (its session ended and the café forgot it).');
      const item = await this.lockItem(tx, id);
      ensure(policy.canDecideQueueItem(facts(item)));
      await this.closeOrConflict(tx, id, to, policy.userId!);
      const gone =
        to === 'rejected' && (await this.cafe.softDelete(tx, message.session_id, message.id, policy.userId!));
      await this.audit.record(tx, {
        actorId: policy.userId!,
        action: to === 'approved' ? 'approve' : 'reject',
        targetType: 'cafe_message',
        targetId: message.id,
        reason,
        meta: { item: id },
      });
      return gone ? message : null;
    });
    if (removed) this.cafeRooms.messageDeleted(removed.session_id, removed.room, removed.id);
    return { id, status: to };
  }

  private async typeOf(policy: Policy, id: string): Promise<QueueItemType> {
    ensure(policy.can('mod.queue'));
    return (await this.findItem(this.db.manager, id)).type;
  }

  private async closeOrConflict(
    tx: EntityManager,
    id: string,
    status: 'approved' | 'rejected',
    actorId: string,
    postStatusBefore?: string,
  ): Promise<void> {
    if (!(await this.feed.close(tx, id, status, actorId, postStatusBefore)))
      throw conflict('already_handled', 'Another moderator has already handled this item.');
  }

  private async findItem(manager: EntityManager, id: string): Promise<LockedItem> {
    const rows: LockedItem[] = await manager.query(`SELECT ${ITEM_COLUMNS} FROM moderation_queue WHERE id = $1`, [id]);
    if (!rows[0]) throw notFound('That queue item does not exist.');
    return rows[0];
  }

  private async lockItem(tx: EntityManager, id: string): Promise<LockedItem> {
    const rows: LockedItem[] = await tx.query(`SELECT ${ITEM_COLUMNS} FROM moderation_queue WHERE id = $1 FOR UPDATE`, [
      id,
    ]);
    if (!rows[0]) throw notFound('That queue item does not exist.');
    return rows[0];
  }
}
