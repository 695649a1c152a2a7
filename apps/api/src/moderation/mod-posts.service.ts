import { Injectable } from '@nestjs/common';
import type { Policy } from '#libs/policy';
import { AuditService } from '../audit/audit.service.js';
import { ensure } from '../auth/policy.guard.js';
import { Authorship } from '../authorship/authorship.service.js';
import type { PostDto } from '../forum/dto/post.dto.js';
import { postAuthored, postFacts, type PostRow } from '../forum/forum-rows.js';
import { ForumWriter } from '../forum/forum-writer.service.js';
import { LockedWrite } from '../forum/locked-write.service.js';
import { PostsService } from '../forum/posts.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { QueueFeed } from './queue-feed.service.js';

/** A moderator hiding a post (its place stays, its text goes until restored) or restoring it. Both audited, both told to the author. */
@Injectable()
export class ModPostsService {
  constructor(
    private readonly locked: LockedWrite,
    private readonly feed: QueueFeed,
    private readonly writer: ForumWriter,
    private readonly posts: PostsService,
    private readonly notifications: NotificationsService,
    private readonly authorship: Authorship,
    private readonly audit: AuditService,
  ) {}

  hide(policy: Policy, id: string, reason: string): Promise<PostDto> {
    return this.change(policy, id, 'hide', reason);
  }

  restore(policy: Policy, id: string, reason: string): Promise<PostDto> {
    return this.change(policy, id, 'restore', reason);
  }

  private async change(policy: Policy, id: string, action: 'hide' | 'restore', reason: string): Promise<PostDto> {
    ensure(policy.can('mod.posts'));
    const viewer = await this.authorship.viewer(policy.userId);
    const may = (post: PostRow) =>
      action === 'hide' ? policy.canHidePost(postFacts(post, viewer)) : policy.canRestorePost(postFacts(post, viewer));
    const before = await this.locked.checkPost(policy, id, may);
    await this.locked.onPost(policy, before, may, async (tx, post) => {
      // The decision settles whatever the queue held about this post (flags resolved or dismissed).
      const item = await this.feed.openItemOf(tx, id);
      if (item) await this.feed.close(tx, item.id, action === 'hide' ? 'hidden' : 'approved', policy.userId!);
      await this.writer.setStatus(
        tx,
        { id, threadId: post.thread_id, opening: post.is_opening, status: post.status },
        action === 'hide' ? 'hidden' : 'published',
      );
      await this.notifications.toAuthor(tx, postAuthored(post), {
        type: action === 'hide' ? 'hidden' : 'restored',
        text:
          action === 'hide'
            ? `En moderator har skjult innlegget ditt. Begrunnelse: ${reason}`
            : `En moderator har gjort innlegget ditt synlig igjen. ${reason}`,
        post: { threadId: post.thread_id, postId: id },
      });
      await this.audit.record(tx, {
        actorId: policy.userId!,
        action,
        targetType: 'post',
        targetId: id,
        reason,
        meta: item ? { item: item.id } : {},
      });
    });
    return this.posts.asWriterSees(policy, viewer, id);
  }
}
