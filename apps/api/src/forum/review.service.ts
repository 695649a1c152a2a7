import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Policy } from '#libs/policy';
import { AuditService } from '../audit/audit.service.js';
import { ensure } from '../auth/policy.guard.js';
import { conflict } from '../common/api-error.js';
import { QueueFeed } from '../moderation/queue-feed.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ForumWriter } from './forum-writer.service.js';
import { loadPost, loadThread } from './forum-queries.js';

/**
 * A moderator's decision on a held post (`posts.status = 'pending'`, reasons in `held_reasons`).
 * The moderation queue's approve/reject endpoints call these; each decision is audited.
 */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: ForumWriter,
    private readonly audit: AuditService,
    private readonly queue: QueueFeed,
    private readonly notifications: NotificationsService,
  ) {}

  approve(policy: Policy, postId: string, note?: string): Promise<void> {
    return this.decide(policy, postId, 'published', note ?? null);
  }

  /** The reason is told to the author (ground rule 8): on GET /api/me/posts, or a guest's receipt. */
  reject(policy: Policy, postId: string, reason: string): Promise<void> {
    return this.decide(policy, postId, 'rejected', reason);
  }

  private async decide(policy: Policy, postId: string, to: 'published' | 'rejected', reason: string | null): Promise<void> {
    ensure(policy.can('mod.queue'));
    await this.db.transaction(async (tx) => {
      const before = await loadPost(tx, policy, postId);
      await loadThread(tx, policy, before.thread_id, true);
      const post = await loadPost(tx, policy, postId);
      if (post.status !== 'pending') throw conflict('already_handled', 'This post is not waiting for review any more.');
      // The post's queue item is decided with it, and the author told, as through the queue.
      const item = await this.queue.openItemOf(tx, postId);
      if (item) await this.queue.close(tx, item.id, to === 'published' ? 'approved' : 'rejected', policy.userId ?? null, post.status);
      await this.writer.decide(tx, { id: postId, threadId: post.thread_id, opening: post.is_opening, status: post.status }, to, reason);
      await this.notifications.decided(tx, post, to === 'published' ? 'approved' : 'rejected', reason, item?.id);
      await this.audit.record(tx, { actorId: policy.userId ?? null, action: to === 'published' ? 'approve' : 'reject', targetType: 'post', targetId: postId, reason });
    });
  }
}
