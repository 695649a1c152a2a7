import type { EntityManager } from 'typeorm';
import type { Policy } from '#libs/policy';
import { notFound } from '../common/api-error.js';
import { POST_SELECT, THREAD_SELECT, type PostRow, type ThreadRow } from './forum-rows.js';

/**
 * A thread in a category the caller may read, or 404; the visibility is part of the query. With
 * `lock`, the thread row stays locked until the transaction ends (every write to its posts does this).
 */
export async function loadThread(manager: EntityManager, policy: Policy, id: string, lock = false): Promise<ThreadRow> {
  const rows: ThreadRow[] = await manager.query(`${THREAD_SELECT} WHERE t.id = $2${lock ? ' FOR UPDATE OF t' : ''}`, [
    policy.readableVisibilities(),
    id,
  ]);
  if (!rows[0]) throw notFound('That thread does not exist, or you can’t see it.');
  return rows[0];
}

/** A post in a category the caller may read, or 404; the visibility is part of the query. */
export async function loadPost(manager: EntityManager, policy: Policy, id: string): Promise<PostRow> {
  const rows: PostRow[] = await manager.query(`${POST_SELECT} WHERE p.id = $2`, [policy.readableVisibilities(), id]);
  if (!rows[0]) throw notFound('That post does not exist, or you can’t see it.');
  return rows[0];
}
