import { asAdmin, newUser } from '../support/factories.js';
import { newCategory, newThread, reply, setSettings } from '../support/forum.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('forum', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await setSettings(app, { newMemberReviewCount: 0 });
  });
  afterAll(() => app.stop());

  it('should create the starter categories on a first start', async () => {
    const res = await app.client().get('/api/categories');
    expect(res.status).toBe(200);
    const bySlug = Object.fromEntries(res.body.map((c: { slug: string }) => [c.slug, c]));
    expect(bySlug.velkommen).toMatchObject({ visibility: 'open', canRead: true });
    expect(bySlug.erfaringer).toMatchObject({ visibility: 'open', allowAnonymous: true, allowGuests: true, canRead: true, canPost: true });
    expect(bySlug.panelet).toMatchObject({ visibility: 'closed', canRead: false, canPost: false });
  });

  it('should create a thread, list it and reply', async () => {
    const slug = await newCategory(app);
    const kari = await newUser(app);
    const thread = await newThread(kari, slug, { title: 'Fjellturene i sommer', body: 'Hei *alle*' });
    expect(thread.status).toBe('published');
    const list = await app.client().get(`/api/categories/${slug}/threads`);
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({ id: thread.id, title: 'Fjellturene i sommer', replyCount: 0 });
    const ola = await newUser(app);
    const r = await reply(ola, thread.id, 'Svar fra *Ola*', true);
    expect(r.author).toEqual({ kind: 'anonymous', alias: 'Anonym 1' });
    const t = await app.client().get(`/api/threads/${thread.id}`);
    expect(t.status).toBe(200);
    expect(t.body.replyCount).toBe(1);
    expect(t.body.posts.items).toHaveLength(2);
    const s = await app.client().get('/api/search?q=fjelltur');
    expect(s.status).toBe(200);
    expect(s.body.items[0]).toMatchObject({ threadId: thread.id, title: 'Fjellturene i sommer' });
    expect((await asAdmin(app)).user).toBeDefined();
  });
});
