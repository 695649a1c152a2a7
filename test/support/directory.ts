import type { TestApp, TestClient } from './test-app.js';
import type { QueueItem } from './moderation.js';

/** A suggestion as someone would fill in the form (Askøy's walking group). */
export const offer = (fields: Record<string, unknown> = {}) => ({
  organizationName: 'Askøy frivilligsentral',
  name: 'Turgruppe på Kleppestø',
  description: 'Vi går en rolig tur sammen hver uke, for alle som vil. Ingen påmelding.',
  municipality: '4627',
  address: 'Kleppevegen 5, 5300 Kleppestø',
  schedule: 'Tirsdager kl. 18–20',
  url: 'https://frivillig.example.no/tur',
  email: 'post@frivillig.example.no',
  phone: '+47 56 15 00 00',
  cost: 'Gratis',
  taxonomyTerms: ['turgruppe'],
  ...fields,
});

/** Sends a suggestion as a guest; its receipt code. */
export async function suggest(app: Pick<TestApp, 'client'>, fields: Record<string, unknown> = {}): Promise<string> {
  const res = await app.client().post('/api/directory/suggestions', offer(fields));
  if (res.status !== 201) throw new Error(`suggest: ${res.status} ${res.text}`);
  return res.body.receiptCode;
}

/** The open queue item of the newest suggestion with this name. */
export async function suggestionItem(moderator: TestClient, name: string): Promise<QueueItem | undefined> {
  for (let cursor: string | null = null; ;) {
    const res = await moderator.get(`/api/mod/queue?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    if (res.status !== 200) throw new Error(`queue: ${res.status} ${res.text}`);
    const items = res.body.items as QueueItem[];
    const item = items.find((i) => i.type === 'directory_suggestion' && (i.content as { name?: string }).name === name);
    cursor = res.body.nextCursor;
    if (item || !cursor) return item;
  }
}

/** A published offer: suggested, then approved by the moderator; its id. */
export async function publishOffer(
  app: Pick<TestApp, 'client'>,
  moderator: TestClient,
  fields: Record<string, unknown> = {},
): Promise<string> {
  const name = (fields.name as string | undefined) ?? `Tilbud ${Math.random().toString(36).slice(2, 8)}`;
  const code = await suggest(app, { ...fields, name });
  const item = await suggestionItem(moderator, name);
  if (!item) throw new Error(`no queue item for ${name}`);
  const res = await moderator.post(`/api/mod/queue/${item.id}/approve`, {});
  if (res.status !== 200) throw new Error(`approve: ${res.status} ${res.text}`);
  const receipt = await app.client().get(`/api/receipts/${code}`);
  return String(receipt.body.link).split('/').pop()!;
}
