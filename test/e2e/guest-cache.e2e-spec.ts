import supertest from 'supertest';
import { freshDatabase, serverUrl } from '../support/database.js';
import { asAdmin, newUser } from '../support/factories.js';
import { newCategory, newThread, reply, setSettings } from '../support/forum.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A guest's read of a thread page, through the cache (X-Cache says which way it went). */
async function guestPosts(app: TestApp, threadId: string) {
  const res = await app.client().get(`/api/threads/${threadId}/posts?limit=50`);
  return {
    status: res.status,
    cache: res.headers['x-cache'],
    body: res.body as {
      items: { id: string; bodyHtml: string; status: string; author: Record<string, unknown>; mine: boolean }[];
    },
  };
}

describe('the guest page cache', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await setSettings(app, { newMemberReviewCount: 0 });
  });
  afterAll(() => app.stop());

  it('should answer a repeated guest read from the cache, and never a logged-in one', async () => {
    const member = await newUser(app);
    const slug = await newCategory(app);
    const thread = await newThread(member, slug, { body: 'Hei alle' });
    expect((await guestPosts(app, thread.id)).cache).toBe('miss');
    const again = await guestPosts(app, thread.id);
    expect(again.cache).toBe('hit');
    expect(again.body.items[0].bodyHtml).toContain('Hei alle');
    const mine = await member.get(`/api/threads/${thread.id}/posts?limit=50`);
    expect(mine.headers['x-cache']).toBe('miss');
    expect(mine.body.items[0].mine).toBe(true);
    // The member's own view is never what a guest gets.
    expect((await guestPosts(app, thread.id)).body.items[0].mine).toBe(false);
  });

  it('should show a guest every change at once: reply, edit, delete, lock, role, move, deletion of the author', async () => {
    const author = await newUser(app);
    const admin = await asAdmin(app);
    const slug = await newCategory(app);
    const closed = await newCategory(app, { visibility: 'closed' });
    const thread = await newThread(author, slug, { body: 'Første versjon' });
    await guestPosts(app, thread.id);
    expect((await guestPosts(app, thread.id)).cache).toBe('hit');

    const r = await reply(author, thread.id, 'Et nytt svar');
    expect((await guestPosts(app, thread.id)).body.items.map((p) => p.id)).toContain(r.id);

    expect((await author.patch(`/api/posts/${r.id}`, { body: 'Et redigert svar' })).status).toBe(200);
    expect((await guestPosts(app, thread.id)).body.items.find((p) => p.id === r.id)!.bodyHtml).toContain('redigert');

    expect((await author.delete(`/api/posts/${r.id}`)).status).toBe(204);
    expect((await guestPosts(app, thread.id)).body.items.find((p) => p.id === r.id)!.status).toBe('deleted');

    expect((await admin.patch(`/api/admin/users/${author.user!.id}`, { role: 'panel' })).status).toBe(200);
    expect((await guestPosts(app, thread.id)).body.items[0].author.role).toBe('panel');

    expect((await admin.patch(`/api/mod/threads/${thread.id}`, { locked: true })).status).toBe(200);
    expect((await app.client().get(`/api/threads/${thread.id}`)).body.locked).toBe(true);

    const listing = await app.client().get(`/api/categories/${slug}/threads`);
    expect(listing.body.items.map((t: { id: string }) => t.id)).toContain(thread.id);
    expect((await admin.patch(`/api/mod/threads/${thread.id}`, { categorySlug: closed })).status).toBe(200);
    expect((await guestPosts(app, thread.id)).status).toBe(404);
    expect(
      (await app.client().get(`/api/categories/${slug}/threads`)).body.items.map((t: { id: string }) => t.id),
    ).not.toContain(thread.id);

    expect((await admin.patch(`/api/mod/threads/${thread.id}`, { categorySlug: slug })).status).toBe(200);
    expect((await guestPosts(app, thread.id)).body.items[0].author.kind).toBe('user');
    expect((await author.delete('/api/me', { password: author.password })).status).toBe(204);
    expect((await guestPosts(app, thread.id)).body.items[0].author).toEqual({ kind: 'deleted' });
  });

  it('should keep anonymous authors anonymous in cached pages', async () => {
    const writer = await newUser(app);
    const slug = await newCategory(app, { allowAnonymous: true });
    const thread = await newThread(writer, slug, { body: 'Anonymt', anonymous: true });
    await writer.get(`/api/threads/${thread.id}/posts`);
    const first = await guestPosts(app, thread.id);
    const cached = await guestPosts(app, thread.id);
    expect(cached.cache).toBe('hit');
    for (const page of [first, cached]) {
      expect(page.body.items[0].author).toEqual({ kind: 'anonymous', alias: expect.any(String) });
      expect(JSON.stringify(page.body)).not.toContain(writer.user!.username);
    }
  });

  it("should never answer a guest's search from another guest's search", async () => {
    for (let i = 0; i < 2; i++) {
      const res = await app.client().get('/api/search?q=hemmeligord');
      expect(res.status).toBe(200);
      expect(res.headers['x-cache']).toBeUndefined();
    }
  });

  it('should show new threads in the listing and new posts in search at once', async () => {
    const member = await newUser(app);
    const slug = await newCategory(app);
    await app.client().get(`/api/categories/${slug}/threads`);
    await app.client().get('/api/search?q=bølgeskvulp');
    const thread = await newThread(member, slug, { title: 'Om bølgeskvulp', body: 'Bølgeskvulpet ved sjøen' });
    expect(
      (await app.client().get(`/api/categories/${slug}/threads`)).body.items.map((t: { id: string }) => t.id),
    ).toContain(thread.id);
    expect(
      (await app.client().get('/api/search?q=bølgeskvulp')).body.items.map((h: { threadId: string }) => h.threadId),
    ).toContain(thread.id);
  });
});

// Two processes share one version in Redis: a write through one is seen by guests of the other.
(serverUrl() ? describe : describe.skip)('the guest page cache across processes', () => {
  it('should invalidate every process before the writer is answered', async () => {
    const db = await freshDatabase();
    const prefix = `erf-test-${process.pid}-${Date.now().toString(36)}`;
    const env = { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: prefix };
    const a = await startTestApp(env, db);
    const b = await startTestApp(env, db);
    try {
      await setSettings(a, { newMemberReviewCount: 0 });
      const member = await newUser(a);
      const slug = await newCategory(a);
      const thread = await newThread(member, slug, { body: 'Start' });
      await guestPosts(b, thread.id);
      expect((await guestPosts(b, thread.id)).cache).toBe('hit');
      for (let i = 0; i < 5; i++) {
        const r = await reply(member, thread.id, `Svar ${i}`);
        expect((await guestPosts(b, thread.id)).body.items.map((p) => p.id)).toContain(r.id);
      }
      // A member's own copy in process B ends when they log out through process A.
      const cookie = member.cookieHeader();
      const throughB = () => supertest(b.url).get(`/api/threads/${thread.id}/posts`).set('Cookie', cookie);
      await throughB();
      expect((await throughB()).headers['x-cache']).toBe('hit');
      expect((await member.post('/api/auth/logout')).status).toBe(204);
      const after = await throughB();
      expect(after.headers['x-cache']).toBe('miss');
      expect(after.body.items.some((p: { mine: boolean }) => p.mine)).toBe(false);
    } finally {
      await a.stop();
      await b.stop();
      await db.drop();
    }
  });
});
