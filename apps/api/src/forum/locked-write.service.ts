import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Decision, Policy } from '#libs/policy';
import { ensure } from '../auth/policy.guard.js';
import { Transactions } from '../database/transactions.js';
import type { PostRow, ThreadRow } from './forum-rows.js';
import { PostsRepository } from './posts.repository.js';
import { ThreadsRepository } from './threads.repository.js';

/** One write under a thread's lock: what to reload, what to ask the policy about it, what to do. */
export interface LockedStep<T, R> {
  /** Reads again, in the transaction and after the lock, what the decision is about. */
  reload: (tx: EntityManager, thread: ThreadRow) => Promise<T>;
  /** The policy's question, asked again with what is true now. */
  ask: (now: T) => Decision;
  work: (tx: EntityManager, now: T) => Promise<R>;
}

/**
 * The frame of every write to a thread's content (replies, edits, deletions, flags, hiding,
 * queue decisions): check with what the caller can see, do the slow work outside any lock
 * (rendering, screening, rate limits), then in one transaction lock the thread row, reload, ask
 * the policy again and write. Every write locks the thread first, so locks are always taken in the
 * same order, a lock or a decision made meanwhile is seen, and counts can't race
 * (docs/decisions/0007).
 */
@Injectable()
export class LockedWrite {
  constructor(
    private readonly tx: Transactions,
    private readonly threads: ThreadsRepository,
    private readonly posts: PostsRepository,
  ) {}

  /** Before any work: the thread as the caller may see it (404 otherwise), and the policy asked. */
  async checkThread(policy: Policy, id: string, ask: (thread: ThreadRow) => Decision): Promise<ThreadRow> {
    const thread = await this.threads.get(undefined, policy, id);
    ensure(ask(thread));
    return thread;
  }

  /** Before any work: the post as the caller may see it (404 otherwise), and the policy asked. */
  async checkPost(policy: Policy, id: string, ask: (post: PostRow) => Decision): Promise<PostRow> {
    const post = await this.posts.get(undefined, policy, id);
    ensure(ask(post));
    return post;
  }

  /** In one transaction: the thread locked, `step.reload`, the policy asked again, `step.work`. */
  inThread<T, R>(policy: Policy, threadId: string, step: LockedStep<T, R>): Promise<R> {
    return this.tx.run(async (tx) => {
      const thread = await this.threads.get(tx, policy, threadId, true);
      const now = await step.reload(tx, thread);
      ensure(step.ask(now));
      return step.work(tx, now);
    });
  }

  /** `inThread` for one post: reloaded under its thread's lock and asked again. */
  onPost<R>(
    policy: Policy,
    post: Pick<PostRow, 'id' | 'thread_id'>,
    ask: (now: PostRow) => Decision,
    work: (tx: EntityManager, now: PostRow) => Promise<R>,
  ): Promise<R> {
    return this.inThread(policy, post.thread_id, { reload: (tx) => this.posts.get(tx, policy, post.id), ask, work });
  }
}
