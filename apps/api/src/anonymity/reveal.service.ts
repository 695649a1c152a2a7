import { Injectable } from '@nestjs/common';
import type { Policy } from '#libs/policy';
import { AuditService } from '../audit/audit.service.js';
import { ensure } from '../auth/policy.guard.js';
import { Authorship } from '../authorship/authorship.service.js';
import { threadScope } from '../authorship/scope.js';
import { ApiError } from '../common/api-error.js';
import { Transactions } from '../database/transactions.js';
import { PostsRepository } from '../forum/posts.repository.js';
import type { RevealedDto } from './dto/reveal.dto.js';

@Injectable()
export class RevealService {
  constructor(
    private readonly posts: PostsRepository,
    private readonly tx: Transactions,
    private readonly authorship: Authorship,
    private readonly audit: AuditService,
  ) {}

  /**
   * The one way to learn who wrote an anonymous post: an administrator, with a reason, and the
   * attempt is audited whatever it finds. The audit entry holds the user id (in `meta`, never
   * shown by the API): the single exception to "no row links an anonymous post to its author".
   */
  async reveal(policy: Policy, postId: string, reason: string): Promise<RevealedDto> {
    ensure(policy.can('admin.reveal'));
    const post = await this.posts.get(undefined, policy, postId);
    const account =
      post.author_kind === 'anonymous'
        ? await this.authorship.findAccount(post.anon_hash!, threadScope(post.thread_id))
        : post.author_kind === 'user' && post.author_id && post.username
          ? { id: post.author_id, username: post.username }
          : null;
    await this.tx.run((tx) =>
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
