import { Injectable } from '@nestjs/common';
import type { ReactionKind } from '#libs/contracts';
import type { Policy } from '#libs/policy';
import { ensure } from '../auth/policy.guard.js';
import { Authorship } from '../authorship/authorship.service.js';
import { RateLimitService } from '../common/rate-limit.service.js';
import { Transactions } from '../database/transactions.js';
import { postAuthored, postFacts } from '../forum/forum-rows.js';
import { PostsRepository } from '../forum/posts.repository.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { ReactionsResultDto } from './dto/reactions.dto.js';
import { ReactionsRepository } from './reactions.repository.js';
import { noReactions, type ReactionCounts } from './reader-filters.service.js';

/**
 * Gentle reactions: a member gives or takes back "støtte", "takk" or "kjenner meg igjen". They are
 * counted and never listed by who gave them; no query that orders anything reads them. The author
 * hears of them in aggregate, one notice per post.
 */
@Injectable()
export class ReactionsService {
  constructor(
    private readonly reactions: ReactionsRepository,
    private readonly posts: PostsRepository,
    private readonly authorship: Authorship,
    private readonly notifications: NotificationsService,
    private readonly limits: RateLimitService,
    private readonly tx: Transactions,
  ) {}

  async give(policy: Policy, postId: string, kind: ReactionKind): Promise<ReactionsResultDto> {
    const viewer = await this.authorship.viewer(policy.userId);
    ensure(policy.canReactTo(postFacts(await this.posts.get(undefined, policy, postId), viewer)));
    await this.limits.consume('reactionsPerUser', policy.userId!);
    const counts = await this.tx.run(async (tx) => {
      const post = await this.posts.get(tx, policy, postId);
      ensure(policy.canReactTo(postFacts(post, viewer)));
      const added = await this.reactions.add(tx, postId, policy.userId!, kind);
      const now = await this.countsOf(postId, tx);
      if (added)
        await this.notifications.reactions(
          tx,
          { id: post.id, threadId: post.thread_id, threadTitle: post.thread_title, author: postAuthored(post) },
          now,
        );
      return now;
    });
    return { counts };
  }

  /** Takes a reaction back (a mute does not stop that); nothing to take back is no error. */
  async takeBack(policy: Policy, postId: string, kind: ReactionKind): Promise<ReactionsResultDto> {
    ensure(policy.can('reader.filters'));
    await this.posts.get(undefined, policy, postId);
    await this.limits.consume('reactionsPerUser', policy.userId!);
    const counts = await this.tx.run(async (tx) => {
      await this.reactions.remove(tx, postId, policy.userId!, kind);
      return this.countsOf(postId, tx);
    });
    return { counts };
  }

  private async countsOf(postId: string, tx: Parameters<ReactionsRepository['counts']>[1]): Promise<ReactionCounts> {
    const counts = noReactions();
    for (const r of await this.reactions.counts([postId], tx)) counts[r.kind] = r.n;
    return counts;
  }
}
