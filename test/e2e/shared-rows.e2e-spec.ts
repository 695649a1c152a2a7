import { asAdmin, newUser } from '../support/factories.js';
import { must, newCategory, newThread, reply, review, setSettings } from '../support/forum.js';
import { statementsOf } from '../support/statements.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

/**
 * Issue 19, decision 0042: members' thread pages and listings are made from rows shared by everyone
 * of an audience, with each reader's own part (their held posts, `mine`, their reactions, what their
 * filters fold, what they may do) worked out per request. Readers take turns on the same pages here,
 * so every page after the first is made from the shared rows, and none may carry another's part.
 */
interface Post {
  id: string;
  status: string;
  mine: boolean;
  canEdit: boolean;
  myReactions: string[];
  reactions: Record<string, number>;
  collapsed?: { reason: string };
}
interface Page {
  items: Post[];
  nextCursor: string | null;
}

const byId = (p: Page) => Object.fromEntries(p.items.map((post) => [post.id, post]));

describe('shared rows and each reader’s own part', () => {
  let app: TestApp;
  let writer: TestClient;
  let alice: TestClient;
  let bob: TestClient;
  let moderator: TestClient;
  let threadId: string;
  let slug: string;
  const posts: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    await setSettings(app, { newMemberReviewCount: 0 });
    slug = await newCategory(app, { moderation: 'pre', allowAnonymous: true });
    writer = await newUser(app);
    alice = await newUser(app);
    bob = await newUser(app);
    moderator = await newUser(app, 'moderator');
    const thread = await newThread(writer, slug, { title: 'Om å sove', body: 'Hvordan sover dere?' });
    threadId = thread.id;
    posts.opening = thread.posts.items[0].id;
    await review(app, posts.opening, 'approve');
    for (const [name, text] of [
      ['kniv', 'Jeg tenkte på en kniv i går.'],
      ['tea', 'Te hjelper meg.'],
    ]) {
      posts[name] = (await reply(writer, threadId, text)).id;
      await review(app, posts[name], 'approve');
    }
    posts.aliceHeld = (await reply(alice, threadId, 'Mitt svar venter.')).id;
    posts.aliceAnonymous = (await reply(alice, threadId, 'Og et anonymt et.', true)).id;
    posts.bobHeld = (await reply(bob, threadId, 'Bob venter også.')).id;
    must(await alice.put(`/api/posts/${posts.tea}/reactions/thanks`, {}), 200);
    must(await bob.patch('/api/me/preferences', { muteWords: ['kniv'] }), 200);
  });
  afterAll(() => app?.stop());

  const page = async (client: TestClient, query = '') =>
    must(await client.get(`/api/threads/${threadId}/posts${query}`), 200).body as Page;

  it('should show each reader their own held posts, reactions and folds, and nobody else’s', async () => {
    const guest = app.client();
    for (let round = 0; round < 2; round++) {
      const [a, b, m, g] = [
        byId(await page(alice)),
        byId(await page(bob)),
        byId(await page(moderator)),
        byId(await page(guest)),
      ];

      expect(Object.keys(a).sort()).toEqual(
        [posts.opening, posts.kniv, posts.tea, posts.aliceHeld, posts.aliceAnonymous].sort(),
      );
      expect(Object.keys(b).sort()).toEqual([posts.opening, posts.kniv, posts.tea, posts.bobHeld].sort());
      expect(Object.keys(g).sort()).toEqual([posts.opening, posts.kniv, posts.tea].sort());
      expect(Object.keys(m)).toHaveLength(6);

      expect(a[posts.aliceHeld]).toMatchObject({ status: 'pending', mine: true, canEdit: true });
      expect(a[posts.aliceAnonymous]).toMatchObject({ status: 'pending', mine: true });
      expect(b[posts.bobHeld]).toMatchObject({ status: 'pending', mine: true, canEdit: true });
      expect(m[posts.aliceHeld]).toMatchObject({ mine: false });
      for (const view of [a, b, g]) expect(view[posts.tea]).toMatchObject({ mine: false, canEdit: false });
      expect(m[posts.tea]).toMatchObject({ mine: false });

      expect(a[posts.tea]).toMatchObject({ myReactions: ['thanks'], reactions: { thanks: 1 } });
      expect(b[posts.tea]).toMatchObject({ myReactions: [], reactions: { thanks: 1 } });

      expect(b[posts.kniv].collapsed).toEqual({ reason: 'muted_word' });
      expect(a[posts.kniv].collapsed).toBeUndefined();
      expect(m[posts.kniv].collapsed).toBeUndefined();
    }
  });

  it('should make a page after the first from the shared rows: who is asking and their own part', async () => {
    await page(alice);
    const statements = await statementsOf(app, () => page(bob));
    // The thread is checked by one read of its own (LockedWrite); the posts and counts are shared.
    expect(statements.filter((q) => /\bFROM posts p\b/.test(q))).toEqual([]);
    expect(statements.filter((q) => /\bFROM reactions\b.*GROUP BY/.test(q))).toEqual([]);
    must(await alice.get(`/api/categories/${slug}/threads`), 200);
    const listing = await statementsOf(app, () => bob.get(`/api/categories/${slug}/threads`));
    expect(listing.filter((q) => /\bFROM threads t\b|\bFROM categories\b/.test(q))).toEqual([]);
  });

  it('should page each reader through exactly their own posts, in order, however the pages fall', async () => {
    for (const [client, expected] of [
      [alice, 5],
      [bob, 4],
      [moderator, 6],
    ] as const) {
      const whole = (await page(client)).items.map((p) => p.id);
      expect(whole).toHaveLength(expected);
      for (const limit of [1, 2, 3]) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const next: Page = await page(client, `?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
          seen.push(...next.items.map((p) => p.id));
          cursor = next.nextCursor;
        } while (cursor);
        expect(seen).toEqual(whole);
      }
    }
  });

  it('should show a change at once to every reader: an approval, a reaction, a withdrawn reaction', async () => {
    await page(bob);
    await review(app, posts.aliceHeld, 'approve');
    expect(byId(await page(bob))[posts.aliceHeld]).toMatchObject({ status: 'published', mine: false });
    expect(byId(await page(alice))[posts.aliceHeld]).toMatchObject({ status: 'published', mine: true });

    must(await bob.put(`/api/posts/${posts.tea}/reactions/thanks`, {}), 200);
    expect(byId(await page(alice))[posts.tea]).toMatchObject({ myReactions: ['thanks'], reactions: { thanks: 2 } });
    must(await alice.delete(`/api/posts/${posts.tea}/reactions/thanks`), 200);
    expect(byId(await page(bob))[posts.tea]).toMatchObject({ myReactions: ['thanks'], reactions: { thanks: 1 } });
    expect(byId(await page(alice))[posts.tea]).toMatchObject({ myReactions: [], reactions: { thanks: 1 } });
  });

  it('should answer a moderator’s lock with the thread as it now is', async () => {
    const admin = await asAdmin(app);
    must(await admin.get(`/api/threads/${threadId}`), 200);
    const locked = must(await admin.patch(`/api/mod/threads/${threadId}`, { locked: true }), 200);
    expect(locked.body.locked).toBe(true);
    expect(must(await bob.get(`/api/threads/${threadId}`), 200).body).toMatchObject({ locked: true, canReply: false });
  });
});
