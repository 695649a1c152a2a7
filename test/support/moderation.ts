import type { TestApp, TestClient } from './test-app.js';

import { rows as sql } from './sql.js';

export { sql };

export interface QueueItem {
  id: string;
  type: string;
  priority: string;
  reasons: string[];
  createdAt: string;
  claimedBy: { id: string; username: string } | null;
  content: {
    threadId?: string;
    postId?: string;
    title?: string;
    bodyHtml: string;
    author: Record<string, unknown>;
    status?: string;
  };
  flags: { reason: string; note: string | null; createdAt: string }[];
}

export async function queue(moderator: TestClient, limit = 100): Promise<QueueItem[]> {
  const res = await moderator.get(`/api/mod/queue?limit=${limit}`);
  if (res.status !== 200) throw new Error(`queue: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items;
}

/** The open queue item about a post, wherever it is in the queue. */
export async function itemFor(moderator: TestClient, postId: string): Promise<QueueItem | undefined> {
  for (let cursor: string | null = null; ;) {
    const res = await moderator.get(`/api/mod/queue?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    if (res.status !== 200) throw new Error(`queue: ${res.status} ${JSON.stringify(res.body)}`);
    const item = (res.body.items as QueueItem[]).find((i) => i.content.postId === postId);
    cursor = res.body.nextCursor;
    if (item || !cursor) return item;
  }
}

/** Makes an account old enough to count as in good standing. */
export async function ageAccount(app: TestApp, userId: string, days = 30): Promise<void> {
  await sql(app, `UPDATE users SET created_at = now() - make_interval(days => $2) WHERE id = $1`, [userId, days]);
}
