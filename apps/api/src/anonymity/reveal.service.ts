import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Policy } from '#libs/policy';
import { AuditService } from '../audit/audit.service.js';
import { ensure } from '../auth/policy.guard.js';
import { ApiError } from '../common/api-error.js';
import { loadPost } from '../forum/forum-queries.js';
import { AnonymityService } from './anonymity.service.js';
import type { RevealedDto } from './dto/reveal.dto.js';

@Injectable()
export class RevealService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly anonymity: AnonymityService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The one way to learn who wrote an anonymous post: an administrator, with a reason, and the
   * attempt is audited whatever it finds. The audit entry holds the user id (in `meta`, never
   * shown by the API): the single exception to "no row links an anonymous post to its author".
   */
  async reveal(policy: Policy, postId: string, reason: string): Promise<RevealedDto> {
    ensure(policy.can('admin.reveal'));
    const post = await loadPost(this.db.manager, policy, postId);
    const account =
      post.author_kind === 'anonymous'
        ? await this.anonymity.findAccount(post.anon_hash!, post.thread_id)
        : post.author_kind === 'user' && post.author_id && post.username
          ? { id: post.author_id, username: post.username }
          : null;
    await this.db.transaction((tx) =>
      this.audit.record(tx, {
        actorId: policy.userId ?? null,
        action: 'reveal',
        targetType: 'post',
        targetId: postId,
        reason,
        meta: { userId: account?.id ?? null },
      }),
    );
    if (post.author_kind === 'guest')
      throw new ApiError(404, 'no_account', 'A guest wrote this post: there is no account behind it.');
    if (!account)
      throw new ApiError(404, 'author_gone', 'The author’s account has been deleted: the link to it is gone for good.');
    return { userId: account.id, username: account.username };
  }
}
