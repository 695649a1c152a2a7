import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CANNED_REJECTION_REASONS, UNDO_WINDOW_MINUTES, type HoldReason, type QueueItemType } from '#libs/moderation';
import type { Policy, QueueItemFacts } from '#libs/policy';
import { AuditService } from '../audit/audit.service.js';
import { ensure } from '../auth/policy.guard.js';
import { CafeModerationService } from '../cafe/cafe-moderation.service.js';
import { ConsultationModeration } from '../consultations/consultation-moderation.service.js';
import { DirectoryModeration } from '../directory/directory-moderation.service.js';
import { conflict, notFound } from '../common/api-error.js';
import { decodeCursor, toPage, type Page } from '../common/paging.js';
import { Transactions } from '../database/transactions.js';
import { ContentRenderer } from '../forum/content-renderer.service.js';
import { postAuthored, type PostRow } from '../forum/forum-rows.js';
import { ForumWriter } from '../forum/forum-writer.service.js';
import { LockedWrite } from '../forum/locked-write.service.js';
import { PostsRepository } from '../forum/posts.repository.js';
import { NotificationsService, type PostAbout } from '../notifications/notifications.service.js';
import { UsersRepository } from '../users/users.repository.js';
import type { ApproveDto, CannedReasonDto, QueueDecisionDto, QueueItemDto } from './dto/queue.dto.js';
import { QueueFeed } from './queue-feed.service.js';
import { toQueueItemDto } from './queue.mappers.js';
import { QueueRepository, type ItemRow } from './queue.repository.js';
import { QueueSources } from './queue-sources.service.js';

function facts(item: ItemRow): QueueItemFacts {
  return { status: item.status, claimedBy: item.claimed_by, resolvedAt: item.resolved_at };
}

const postRef = (post: PostRow) => ({
  id: post.id,
  threadId: post.thread_id,
  opening: post.is_opening,
  status: post.status,
  title: post.thread_title,
});

const about = (post: PostRow): PostAbout => ({ id: post.id, threadId: post.thread_id, author: postAuthored(post) });

/**
 * The moderators' one queue: held threads and posts, flagged posts and reported café messages,
 * crisis first, then oldest. Every decision is race-free (docs/decisions/0007): the item row is
 * locked and re-checked in the transaction that applies the decision, and its status moves on
 * only from `open`, so of two moderators acting at once exactly one wins and the other gets 409.
 */
@Injectable()
export class QueueService {
  constructor(
    private readonly items: QueueRepository,
    private readonly tx: Transactions,
    private readonly feed: QueueFeed,
    private readonly sources: QueueSources,
    private readonly locked: LockedWrite,
    private readonly posts: PostsRepository,
    private readonly writer: ForumWriter,
    private readonly renderer: ContentRenderer,
    private readonly notifications: NotificationsService,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly cafe: CafeModerationService,
    private readonly consultations: ConsultationModeration,
    private readonly directory: DirectoryModeration,
  ) {}

  reasons(policy: Policy): CannedReasonDto[] {
    ensure(policy.can('mod.queue'));
    return CANNED_REJECTION_REASONS.map((r) => ({ code: r.code, text: r.text }));
  }

  async list(policy: Policy, limit: number, cursor: string | undefined): Promise<Page<QueueItemDto>> {
    ensure(policy.can('mod.queue'));
    const after = decodeCursor(cursor, ['number', 'date', 'uuid']) as [number, string, string] | null;
    const rows = await this.items.listOpen(after, limit + 1);
    const content = await this.sources.load(policy, rows.slice(0, limit));
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
    return this.tx.run(async (tx) => {
      const item = await this.lockItem(tx, id);
      ensure(policy.canDecideQueueItem(facts(item)));
      await this.items.claim(tx, id, policy.userId!);
      await this.feed.history(tx, id, 'claimed', policy.userId!);
      await this.audit.record(tx, { actorId: policy.userId!, action: 'claim', targetType: 'queue_item', targetId: id });
      this.feed.announce(tx);
      const me = (await this.users.find(policy.userId!, tx))!;
      return { id, status: 'open', claimedBy: { id: me.id, username: me.username, displayName: me.displayName } };
    });
  }

  /** Publishes held content (with the moderator's edit, if any, applied first), or keeps a flagged post. */
  async approve(policy: Policy, id: string, dto: ApproveDto): Promise<QueueDecisionDto> {
    const type = await this.typeOf(policy, id);
    if (type === 'cafe_message') return this.decideCafe(policy, id, 'approved', dto.note ?? null);
    if (type === 'consultation_answer') return this.decideConsultationAnswer(policy, id, 'approved', dto.note ?? null);
    if (type === 'directory_suggestion') return this.decideSuggestion(policy, id, 'approved', dto.note ?? null);
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
        await this.notifications.decided(tx, about(post), 'approved', null, item.id);
      } else if (post.status === 'hidden') {
        // Hidden by flags until reviewed; reviewed and found fine.
        await this.writer.setStatus(tx, ref, 'published');
        await this.notifications.decided(tx, about(post), 'restored', null, item.id);
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
    const type = await this.typeOf(policy, id);
    if (type === 'cafe_message') return this.decideCafe(policy, id, 'rejected', reason);
    if (type === 'consultation_answer') return this.decideConsultationAnswer(policy, id, 'rejected', reason);
    if (type === 'directory_suggestion') return this.decideSuggestion(policy, id, 'rejected', reason);
    await this.decide(policy, id, async (tx, item, post) => {
      await this.closeOrConflict(tx, item.id, 'rejected', policy.userId!, post.status);
      await this.writer.decide(tx, postRef(post), 'rejected', reason);
      await this.notifications.decided(tx, about(post), 'rejected', reason, item.id);
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
    const found = await this.findItem(id);
    if (found.type === 'cafe_message')
      throw conflict('not_supported', 'A removed café message can’t be brought back; its session may be over.');
    if (found.type === 'consultation_answer')
      throw conflict('not_supported', 'A decision on a consultation answer is not undone here.');
    if (found.type === 'directory_suggestion')
      throw conflict('not_supported', 'A decided suggestion is not undone here: edit or retire the offer instead.');
    await this.locked.inThread(policy, found.thread_id!, {
      reload: (tx) => this.lockItem(tx, id),
      ask: (item) => policy.canUndoRejection(facts(item), { now: new Date(), undoWindowMinutes: UNDO_WINDOW_MINUTES }),
      work: async (tx, item) => {
        const post = await this.posts.get(tx, policy, item.post_id!);
        if (post.status !== 'rejected')
          throw conflict('changed', 'The post has changed since it was rejected, so the rejection can’t be undone.');
        // The moderator who undoes it keeps it claimed, so no one else decides it while they look again.
        await this.items.reopenRejected(tx, id, policy.userId!);
        await this.feed.reopenFlags(tx, id);
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
      },
    });
    return { id, status: 'open' };
  }

  /**
   * The frame of every decision on forum content (LockedWrite): lock the thread, then the item,
   * then ask the policy with what is true now.
   */
  private async decide(
    policy: Policy,
    id: string,
    apply: (tx: EntityManager, item: ItemRow, post: PostRow) => Promise<void>,
  ): Promise<void> {
    ensure(policy.can('mod.queue'));
    const found = await this.findItem(id);
    await this.locked.inThread(policy, found.thread_id!, {
      reload: (tx) => this.lockItem(tx, id),
      ask: (item) => policy.canDecideQueueItem(facts(item)),
      work: async (tx, item) => apply(tx, item, await this.posts.get(tx, policy, item.post_id!)),
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
    const removed = await this.tx.run(async (tx) => {
      const found = await this.findItem(id, tx);
      const message = await this.cafe.lockForDecision(tx, found.cafe_message_id!);
      if (!message) throw notFound('That café message is gone (its session ended and the café forgot it).');
      const item = await this.lockItem(tx, id);
      ensure(policy.canDecideQueueItem(facts(item)));
      await this.closeOrConflict(tx, id, to, policy.userId!);
      const gone = await this.cafe.decided(tx, message, to, policy.userId!);
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
    if (removed) this.cafe.removedFromRoom(removed.session_id, removed.room, removed.id);
    return { id, status: to };
  }

  /** A crisis answer in a consultation: kept (it counts) or rejected (left out of results and the CSV). */
  private async decideConsultationAnswer(
    policy: Policy,
    id: string,
    to: 'approved' | 'rejected',
    reason: string | null,
  ): Promise<QueueDecisionDto> {
    await this.tx.run(async (tx) => {
      const item = await this.lockItem(tx, id);
      ensure(policy.canDecideQueueItem(facts(item)));
      await this.closeOrConflict(tx, id, to, policy.userId!);
      await this.consultations.decided(tx, item.consultation_response_id!, to);
      await this.audit.record(tx, {
        actorId: policy.userId!,
        action: to === 'approved' ? 'approve' : 'reject',
        targetType: 'queue_item',
        targetId: id,
        reason,
        meta: { type: 'consultation_answer' },
      });
    });
    return { id, status: to };
  }

  /** A suggestion to the activity directory: published (or the correction applied), or rejected with the reason for its receipt. */
  private async decideSuggestion(
    policy: Policy,
    id: string,
    to: 'approved' | 'rejected',
    reason: string | null,
  ): Promise<QueueDecisionDto> {
    await this.tx.run(async (tx) => {
      const item = await this.lockItem(tx, id);
      ensure(policy.canDecideQueueItem(facts(item)));
      await this.closeOrConflict(tx, id, to, policy.userId!);
      if (!(await this.directory.decided(tx, item.directory_suggestion_id!, to, reason)))
        throw conflict('already_handled', 'This suggestion has already been decided.');
      await this.audit.record(tx, {
        actorId: policy.userId!,
        action: to === 'approved' ? 'approve' : 'reject',
        targetType: 'queue_item',
        targetId: id,
        reason,
        meta: { type: 'directory_suggestion' },
      });
    });
    return { id, status: to };
  }

  private async typeOf(policy: Policy, id: string): Promise<QueueItemType> {
    ensure(policy.can('mod.queue'));
    return (await this.findItem(id)).type;
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

  private async findItem(id: string, manager?: EntityManager): Promise<ItemRow> {
    const item = await this.items.find(manager, id);
    if (!item) throw notFound('That queue item does not exist.');
    return item;
  }

  private async lockItem(tx: EntityManager, id: string): Promise<ItemRow> {
    const item = await this.items.find(tx, id, true);
    if (!item) throw notFound('That queue item does not exist.');
    return item;
  }
}
