import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Authorship } from '../authorship/authorship.service.js';
import type { ScopedKeys, Viewer } from '../authorship/viewer.js';
import { threadScope } from '../authorship/scope.js';
import { PostsRepository } from './posts.repository.js';
import { ThreadsRepository } from './threads.repository.js';

/**
 * The threads where a member wrote anonymously, through their sealed index (decision 0026): what
 * finding their own anonymous posts costs is what their own posts cost, not every anonymous thread
 * in the forum. An account older than the index is found the slow way once, and its index completed.
 */
@Injectable()
export class OwnAnonymousThreads {
  constructor(
    private readonly authorship: Authorship,
    private readonly threads: ThreadsRepository,
    private readonly posts: PostsRepository,
  ) {}

  /** The viewer's keys in every thread where they wrote anonymously. */
  async keys(viewer: Viewer, manager?: EntityManager): Promise<ScopedKeys> {
    const own = await this.authorship.ownScopes(viewer, 'thread', manager);
    if (own.complete) return this.authorship.ownKeys(viewer, 'thread', own.ids);
    const candidates = this.authorship.ownKeys(viewer, 'thread', await this.threads.withAnonymousContent());
    const found = await this.posts.threadsWithKeys(candidates, manager);
    await this.authorship.completeOwnScopes(viewer, 'thread', found, manager);
    return this.authorship.ownKeys(viewer, 'thread', [...new Set([...own.ids, ...found])]);
  }

  /** The viewer has just written anonymously in the thread. */
  wroteIn(tx: EntityManager, viewer: Viewer, threadId: string): Promise<void> {
    return this.authorship.remember(viewer, threadScope(threadId), tx);
  }
}
