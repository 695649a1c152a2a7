import type { TestApp, TestClient } from './test-app.js';
import { asAdmin } from './factories.js';
import { itemFor } from './moderation.js';

let counter = 0;

export interface CategoryFields {
  slug?: string;
  name?: string;
  description?: string;
  visibility?: 'open' | 'closed';
  moderation?: 'post' | 'pre';
  allowAnonymous?: boolean;
  allowGuests?: boolean;
}

/** Creates a category as the administrator; returns its slug. */
export async function newCategory(app: TestApp, fields: CategoryFields = {}): Promise<string> {
  const admin = await asAdmin(app);
  const slug =
    fields.slug ??
    `kat-${process.pid.toString(36)}-${(counter++).toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const res = await admin.post('/api/categories', {
    slug,
    name: fields.name ?? `Kategori ${slug}`,
    description: fields.description ?? 'En kategori for tester',
    visibility: fields.visibility ?? 'open',
    moderation: fields.moderation ?? 'post',
    allowAnonymous: fields.allowAnonymous ?? true,
    allowGuests: fields.allowGuests ?? false,
  });
  if (res.status !== 201) throw new Error(`create category: ${res.status} ${JSON.stringify(res.body)}`);
  return slug;
}

export async function setSettings(app: TestApp, settings: Record<string, unknown>): Promise<void> {
  const admin = await asAdmin(app);
  const res = await admin.patch('/api/admin/settings', settings);
  if (res.status !== 200) throw new Error(`settings: ${res.status} ${JSON.stringify(res.body)}`);
}

export async function newThread(
  client: TestClient,
  slug: string,
  fields: { title?: string; body?: string; anonymous?: boolean } = {},
) {
  const res = await client.post(`/api/categories/${slug}/threads`, {
    title: fields.title ?? 'En tråd om noe',
    body: fields.body ?? 'Første innlegg',
    ...(fields.anonymous !== undefined ? { anonymous: fields.anonymous } : {}),
  });
  if (res.status !== 201) throw new Error(`new thread: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; status: string; posts: { items: { id: string }[] }; receiptToken?: string };
}

export async function reply(client: TestClient, threadId: string, body = 'Et svar', anonymous?: boolean) {
  const res = await client.post(`/api/threads/${threadId}/posts`, {
    body,
    ...(anonymous !== undefined ? { anonymous } : {}),
  });
  if (res.status !== 201) throw new Error(`reply: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; status: string; author: Record<string, string>; receiptToken?: string };
}

/** Approves or rejects a held post as a moderator would: through its item in the moderation queue (REST). */
export async function review(
  app: TestApp,
  postId: string,
  decision: 'approve' | 'reject',
  reason = 'Ikke i tråd med retningslinjene',
): Promise<void> {
  const admin = await asAdmin(app);
  const item = await itemFor(admin, postId);
  if (!item) throw new Error(`no queue item for post ${postId}`);
  const res = await admin.post(`/api/mod/queue/${item.id}/${decision}`, decision === 'approve' ? {} : { reason });
  if (res.status !== 200) throw new Error(`${decision}: ${res.status} ${JSON.stringify(res.body)}`);
}

import { rows as sql } from './sql.js';

export { sql };

/** For test set-up outside a test block: fails loudly when a request does not answer as expected. */
export function must<R extends { status: number; text: string }>(res: R, status: number): R {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text.slice(0, 300)}`);
  return res;
}
