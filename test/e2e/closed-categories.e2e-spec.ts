import { asAdmin, newUser } from '../support/factories.js';
import { must, newCategory, newThread, reply, setSettings } from '../support/forum.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

/**
 * The panel's closed room, seen from outside: it exists (name and description, so people can
 * apply), and nothing else of it reaches anyone outside the panel, on any endpoint.
 */
describe('closed categories', () => {
  let app: TestApp;
  let closedSlug: string;
  let openSlug: string;
  let secretThread: { id: string; posts: { items: { id: string }[] } };
  let movedThread: { id: string; posts: { items: { id: string }[] } };
  const secrets: string[] = [];
  const TITLE = 'Hemmeligtittel om budsjettmøtet';
  const BODY = 'Hemmeligtekst: lekkasjeprøve med ordet kvitrefugl.';
  const REPLY = 'Et svar om kvitrefugl som bare panelet skal lese.';

  beforeAll(async () => {
    app = await startTestApp();
    await setSettings(app, { newMemberReviewCount: 0 });
    closedSlug = await newCategory(app, {
      visibility: 'closed',
      name: 'Panelrommet',
      description: 'Bare for panelet',
      allowAnonymous: true,
    });
    openSlug = await newCategory(app, { name: 'Åpent rom' });
    const panel = await newUser(app, 'panel');
    secretThread = await newThread(panel, closedSlug, { title: TITLE, body: BODY });
    const r1 = await reply(panel, secretThread.id, REPLY);
    const r2 = await reply(panel, secretThread.id, 'Anonymt om kvitrefugl', true);
    // a thread that was open, then moved into the closed category
    movedThread = await newThread(panel, openSlug, {
      title: 'Flyttet tråd om kvitrefugl',
      body: 'kvitrefugl i det åpne',
    });
    const moderator = await newUser(app, 'moderator');
    must(await moderator.patch(`/api/mod/threads/${movedThread.id}`, { categorySlug: closedSlug }), 200);
    // something open that outsiders do see
    await newThread(panel, openSlug, { title: 'Åpen tråd', body: 'Alle kan lese dette.' });
    secrets.push(
      TITLE,
      'Hemmeligtittel',
      'Hemmeligtekst',
      'kvitrefugl',
      secretThread.id,
      movedThread.id,
      secretThread.posts.items[0].id,
      movedThread.posts.items[0].id,
      r1.id,
      r2.id,
    );
  });
  afterAll(() => app.stop());

  /** Every GET endpoint an outsider can call, with whatever ids and words they might try. */
  async function walk(client: TestClient): Promise<{ path: string; status: number; text: string }[]> {
    const paths = [
      '/api/categories',
      `/api/categories/${closedSlug}/threads`,
      `/api/categories/${closedSlug}/threads?limit=100`,
      `/api/categories/${openSlug}/threads?limit=100`,
      '/api/categories/velkommen/threads',
      '/api/categories/erfaringer/threads',
      `/api/threads/${secretThread.id}`,
      `/api/threads/${secretThread.id}/posts`,
      `/api/threads/${movedThread.id}`,
      `/api/threads/${movedThread.id}/posts`,
      '/api/search?q=kvitrefugl',
      '/api/search?q=hemmeligtittel',
      '/api/search?q=budsjettmøtet',
      '/api/search?q=hemmeligtekst&limit=100',
      '/api/search?q=lese',
      '/api/me/posts',
      '/api/auth/me',
      '/api/panel/applications/mine',
      '/api/guidelines',
      '/api/privacy',
      '/api/health',
    ];
    const out = [];
    for (const path of paths) {
      const res = await client.get(path);
      out.push({ path, status: res.status, text: res.text });
    }
    return out;
  }

  it.each(['guest', 'member'])(
    'should show a %s the closed category as existing, with canRead false, and nothing else of it',
    async (who) => {
      const client = who === 'guest' ? app.client() : await newUser(app);
      const categories = (await client.get('/api/categories')).body;
      const closed = categories.find((c: { slug: string }) => c.slug === closedSlug);
      expect(closed).toMatchObject({
        name: 'Panelrommet',
        description: 'Bare for panelet',
        visibility: 'closed',
        canRead: false,
        canPost: false,
      });

      const responses = await walk(client);
      for (const { path, text } of responses)
        for (const secret of secrets) expect(`${path}: ${text.includes(secret) ? secret : ''}`).toBe(`${path}: `);

      const byPath = Object.fromEntries(responses.map((r) => [r.path, r]));
      const listing = byPath[`/api/categories/${closedSlug}/threads`];
      expect(listing.status).toBe(403);
      expect(JSON.parse(listing.text).code).toBe('closed_category');
      for (const path of [
        `/api/threads/${secretThread.id}`,
        `/api/threads/${secretThread.id}/posts`,
        `/api/threads/${movedThread.id}`,
      ])
        expect(byPath[path].status).toBe(404);
      // a closed thread answers exactly like one that does not exist
      const unknown = await client.get('/api/threads/3f2504e0-4f89-41d3-9a0c-0305e82c3301');
      expect(JSON.parse(byPath[`/api/threads/${secretThread.id}`].text)).toEqual(unknown.body);
      expect(JSON.parse(byPath['/api/search?q=kvitrefugl'].text).items).toEqual([]);
      expect(JSON.parse(byPath['/api/search?q=lese'].text).items.map((i: { title: string }) => i.title)).toEqual([
        'Åpen tråd',
      ]);
    },
  );

  it.each(['guest', 'member'])(
    'should refuse a %s every write into the closed category, saying no more than a 404 does',
    async (who) => {
      const client = who === 'guest' ? app.client() : await newUser(app);
      const postId = secretThread.posts.items[0].id;
      const attempts = [
        await client.post(`/api/categories/${closedSlug}/threads`, { title: 'Inn i panelet', body: 'x' }),
        await client.post(`/api/threads/${secretThread.id}/posts`, { body: 'x' }),
        await client.post(`/api/threads/${secretThread.id}/posts`, { body: 'x', anonymous: true }),
        await client.patch(`/api/posts/${postId}`, { body: 'x' }),
        await client.delete(`/api/posts/${postId}`),
      ];
      expect(attempts.map((a) => a.status)).toEqual([403, 404, 404, 404, 404]);
      expect(attempts[0].body.code).toBe('closed_category');
      for (const a of attempts) for (const secret of secrets) expect(a.text).not.toContain(secret);
    },
  );

  it('should show a panel member everything in the closed category', async () => {
    const panel = await newUser(app, 'panel');
    const closed = (await panel.get('/api/categories')).body.find((c: { slug: string }) => c.slug === closedSlug);
    expect(closed).toMatchObject({ canRead: true, canPost: true });
    const listing = await panel.get(`/api/categories/${closedSlug}/threads`);
    expect(listing.status).toBe(200);
    expect(listing.body.items.map((t: { id: string }) => t.id).sort()).toEqual(
      [secretThread.id, movedThread.id].sort(),
    );
    const thread = await panel.get(`/api/threads/${secretThread.id}`);
    expect(thread.status).toBe(200);
    expect(thread.body.replyCount).toBe(2);
    expect(thread.body.posts.items.map((p: { bodyHtml: string }) => p.bodyHtml).join(' ')).toContain('kvitrefugl');
    const search = await panel.get('/api/search?q=kvitrefugl');
    expect(search.body.items.map((h: { threadId: string }) => h.threadId)).toEqual(
      expect.arrayContaining([secretThread.id, movedThread.id]),
    );
    expect((await reply(panel, secretThread.id, 'panelet svarer')).status).toBe('published');
  });

  it('should shut a panel member out as soon as they are made a member again', async () => {
    const panel = await newUser(app, 'panel');
    expect((await panel.get(`/api/threads/${secretThread.id}`)).status).toBe(200);
    const admin = await asAdmin(app);
    expect((await admin.patch(`/api/admin/users/${panel.user!.id}`, { role: 'member' })).status).toBe(200);
    expect((await panel.get(`/api/threads/${secretThread.id}`)).status).toBe(404);
    const responses = await walk(panel);
    for (const { text } of responses) for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
