import { asAdmin, newUser } from '../support/factories.js';
import { newCategory, newThread, reply, review, setSettings, sql } from '../support/forum.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const UNKNOWN = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

describe('forum', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await setSettings(app, { newMemberReviewCount: 0 });
  });
  afterAll(() => app.stop());

  describe('categories', () => {
    it('should create the starter categories on a first start', async () => {
      const res = await app.client().get('/api/categories');
      expect(res.status).toBe(200);
      const bySlug = Object.fromEntries(res.body.map((c: { slug: string }) => [c.slug, c]));
      expect(bySlug.velkommen).toMatchObject({ visibility: 'open', canRead: true, canPost: false });
      expect(bySlug.erfaringer).toMatchObject({
        visibility: 'open',
        allowAnonymous: true,
        allowGuests: true,
        canRead: true,
        canPost: true,
      });
      expect(bySlug.panelet).toMatchObject({ visibility: 'closed', canRead: false, canPost: false });
      expect(Object.keys(bySlug.velkommen).sort()).toEqual([
        'allowAnonymous',
        'allowGuests',
        'canPost',
        'canPostAnonymously',
        'canRead',
        'description',
        'id',
        'moderation',
        'name',
        'slug',
        'visibility',
      ]);
      const member = await newUser(app);
      const mine = (await member.get('/api/categories')).body.find((c: { slug: string }) => c.slug === 'velkommen');
      expect(mine).toMatchObject({ canRead: true, canPost: true });
    });

    it('should let an administrator create and change a category, audited', async () => {
      const admin = await asAdmin(app);
      const created = await admin.post('/api/categories', {
        slug: 'parorende',
        name: 'Pårørende',
        description: 'For pårørende',
        visibility: 'open',
        moderation: 'pre',
        allowAnonymous: true,
        allowGuests: false,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ slug: 'parorende', name: 'Pårørende', moderation: 'pre', canRead: true });
      const changed = await admin.patch('/api/categories/parorende', {
        name: 'Pårørende og venner',
        moderation: 'post',
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ slug: 'parorende', name: 'Pårørende og venner', moderation: 'post' });
      const audit = await admin.get('/api/mod/audit?action=category');
      expect(audit.body.items.filter((i: { target: { id: string } }) => i.target.id === created.body.id)).toHaveLength(
        2,
      );
      expect(
        (
          await admin.post('/api/categories', {
            ...created.body,
            canRead: undefined,
            canPost: undefined,
            canPostAnonymously: undefined,
            id: undefined,
          })
        ).status,
      ).toBe(409);
    });

    it.each([
      ['a bad slug', { slug: 'Store Bokstaver' }],
      ['a one-letter slug', { slug: 'a' }],
      ['an unknown visibility', { visibility: 'secret' }],
      ['a closed category for guests', { visibility: 'closed', allowGuests: true }],
      ['an unknown field', { colour: 'blue' }],
      ['a missing name', { name: undefined }],
      ['a too long name', { name: 'x'.repeat(81) }],
    ])('should refuse a category with %s (400)', async (_, change) => {
      const admin = await asAdmin(app);
      const body = {
        slug: `ok-${Math.random().toString(36).slice(2, 8)}`,
        name: 'Navn',
        description: '',
        visibility: 'open',
        moderation: 'post',
        allowAnonymous: false,
        allowGuests: false,
        ...change,
      };
      const res = await admin.post('/api/categories', body);
      expect(res.status).toBe(400);
      expect(res.body.statusCode).toBe(400);
    });

    it('should let only administrators manage categories', async () => {
      const moderator = await newUser(app, 'moderator');
      expect((await app.client().post('/api/categories', { slug: 'x1' })).status).toBe(401);
      expect(
        (
          await moderator.post('/api/categories', {
            slug: 'xx',
            name: 'x',
            description: '',
            visibility: 'open',
            moderation: 'post',
            allowAnonymous: false,
            allowGuests: false,
          })
        ).status,
      ).toBe(403);
      expect((await moderator.patch('/api/categories/velkommen', { name: 'x' })).status).toBe(403);
      const admin = await asAdmin(app);
      expect((await admin.patch('/api/categories/BAD_SLUG', { name: 'x' })).status).toBe(400);
      expect((await admin.patch('/api/categories/finnes-ikke', { name: 'x' })).status).toBe(404);
    });
  });

  describe('threads and posts', () => {
    it('should create a thread with its opening post, rendered and sanitised', async () => {
      const slug = await newCategory(app);
      const kari = await newUser(app);
      const res = await kari.post(`/api/categories/${slug}/threads`, {
        title: '  Fjellturene i sommer ',
        body: 'Hei *alle* <script>alert(1)</script> [lenke](javascript:alert(1))',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        title: 'Fjellturene i sommer',
        status: 'published',
        pinned: false,
        locked: false,
        category: { slug },
      });
      expect(res.body.author).toEqual({
        kind: 'user',
        username: kari.user!.username,
        displayName: kari.user!.displayName,
        role: 'member',
      });
      const [post] = res.body.posts.items;
      // markdown-it refuses the javascript: link outright: it stays text
      expect(post.bodyHtml).toBe(
        '<p>Hei <em>alle</em> &lt;script&gt;alert(1)&lt;/script&gt; [lenke](javascript:alert(1))</p>',
      );
      expect(post).toMatchObject({ threadId: res.body.id, status: 'published', mine: true, editedAt: null });
      expect(res.body.notices).toBeUndefined();
    });

    it.each([
      ['a short title', { title: 'ab' }],
      ['a blank title', { title: '     ' }],
      ['a long title', { title: 'x'.repeat(151) }],
      ['an empty body', { body: '' }],
      ['a blank body', { body: '  \n ' }],
      ['a too long body', { body: 'x'.repeat(20_001) }],
      ['an unknown field', { pinned: true }],
      ['a non-boolean anonymous', { anonymous: 'yes' }],
      ['a number as title', { title: 12345 }],
    ])('should refuse a thread with %s (400) and create nothing', async (_, change) => {
      const slug = await newCategory(app);
      const kari = await newUser(app);
      const res = await kari.post(`/api/categories/${slug}/threads`, {
        title: 'En god tittel',
        body: 'Tekst',
        ...change,
      });
      expect(res.status).toBe(400);
      expect((await app.client().get(`/api/categories/${slug}/threads`)).body.items).toEqual([]);
    });

    it('should take a title of 150 characters and a body of 20,000', async () => {
      const slug = await newCategory(app);
      const kari = await newUser(app);
      const res = await kari.post(`/api/categories/${slug}/threads`, {
        title: 't'.repeat(150),
        body: 'b'.repeat(20_000),
      });
      expect(res.status).toBe(201);
    });

    it('should answer 400 to malformed ids and slugs, 404 to unknown ones', async () => {
      const kari = await newUser(app);
      expect((await app.client().get('/api/threads/not-a-uuid')).status).toBe(400);
      expect((await app.client().get(`/api/threads/${UNKNOWN}`)).status).toBe(404);
      expect((await app.client().get('/api/threads/not-a-uuid/posts')).status).toBe(400);
      expect((await app.client().get(`/api/threads/${UNKNOWN}/posts`)).status).toBe(404);
      expect((await kari.post('/api/threads/not-a-uuid/posts', { body: 'x' })).status).toBe(400);
      expect((await kari.post(`/api/threads/${UNKNOWN}/posts`, { body: 'x' })).status).toBe(404);
      expect((await kari.patch('/api/posts/not-a-uuid', { body: 'x' })).status).toBe(400);
      expect((await kari.patch(`/api/posts/${UNKNOWN}`, { body: 'x' })).status).toBe(404);
      expect((await kari.delete('/api/posts/not-a-uuid')).status).toBe(400);
      expect((await kari.delete(`/api/posts/${UNKNOWN}`)).status).toBe(404);
      expect((await app.client().get('/api/categories/Ikke_Gyldig/threads')).status).toBe(400);
      expect((await app.client().get('/api/categories/finnes-ikke/threads')).status).toBe(404);
      expect((await kari.post('/api/categories/Ikke_Gyldig/threads', { title: 'Tittel', body: 'x' })).status).toBe(400);
      expect((await kari.post('/api/categories/finnes-ikke/threads', { title: 'Tittel', body: 'x' })).status).toBe(404);
      const bad = await app.client().get('/api/threads/not-a-uuid');
      expect(bad.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'invalid_id' });
    });

    it.each(['0', '101', '-1', '2.5', 'abc'])('should refuse limit=%s with 400', async (limit) => {
      const slug = await newCategory(app);
      const kari = await newUser(app);
      const thread = await newThread(kari, slug);
      for (const path of [
        `/api/categories/${slug}/threads`,
        `/api/threads/${thread.id}/posts`,
        `/api/threads/${thread.id}`,
        '/api/search?q=tur&',
      ]) {
        const res = await app.client().get(`${path}${path.includes('?') ? '' : '?'}limit=${limit}`);
        expect(res.status).toBe(400);
      }
    });

    it('should refuse a bad cursor with 400', async () => {
      const slug = await newCategory(app);
      expect((await app.client().get(`/api/categories/${slug}/threads?cursor=garbage`)).status).toBe(400);
      expect(
        (
          await app
            .client()
            .get(`/api/categories/${slug}/threads?cursor=${Buffer.from('[1,2,3]').toString('base64url')}`)
        ).status,
      ).toBe(400);
    });

    it('should refuse writing without a session where guests are not invited (401)', async () => {
      const slug = await newCategory(app, { allowGuests: false });
      const kari = await newUser(app);
      const thread = await newThread(kari, slug);
      const t = await app.client().post(`/api/categories/${slug}/threads`, { title: 'Tittel', body: 'x' });
      expect(t.status).toBe(401);
      expect(t.body.code).toBe('unauthenticated');
      expect((await app.client().post(`/api/threads/${thread.id}/posts`, { body: 'x' })).status).toBe(401);
      expect((await app.client().patch(`/api/posts/${thread.posts.items[0].id}`, { body: 'x' })).status).toBe(401);
      expect((await app.client().delete(`/api/posts/${thread.posts.items[0].id}`)).status).toBe(401);
    });

    it('should list pinned threads first, then by latest activity, paged by cursor without repeats', async () => {
      const slug = await newCategory(app);
      const kari = await newUser(app);
      const moderator = await newUser(app, 'moderator');
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await newThread(kari, slug, { title: `Tråd nummer ${i}` })).id);
      await reply(kari, ids[1], 'ny aktivitet');
      expect((await moderator.patch(`/api/mod/threads/${ids[3]}`, { pinned: true })).status).toBe(200);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await app
          .client()
          .get(`/api/categories/${slug}/threads?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.items.map((t: { id: string }) => t.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([ids[3], ids[1], ids[4], ids[2], ids[0]]);
      const first = (await app.client().get(`/api/categories/${slug}/threads?limit=1`)).body.items[0];
      expect(first).toMatchObject({ id: ids[3], pinned: true });
      expect(Object.keys(first).sort()).toEqual([
        'author',
        'contentWarning',
        'createdAt',
        'id',
        'lastPostAt',
        'locked',
        'pinned',
        'replyCount',
        'title',
      ]);
    });

    it('should page posts oldest first without repeats or gaps', async () => {
      const slug = await newCategory(app);
      const kari = await newUser(app);
      const thread = await newThread(kari, slug);
      const ids = [thread.posts.items[0].id];
      for (let i = 0; i < 6; i++) ids.push((await reply(kari, thread.id, `svar ${i}`)).id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await app
          .client()
          .get(`/api/threads/${thread.id}/posts?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...res.body.items.map((p: { id: string }) => p.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(ids);
      const t = await app.client().get(`/api/threads/${thread.id}?limit=2`);
      expect(t.body.posts.items.map((p: { id: string }) => p.id)).toEqual(ids.slice(0, 2));
      expect(t.body.posts.nextCursor).toEqual(expect.any(String));
      expect(t.body.replyCount).toBe(6);
    });

    it('should never page with OFFSET outside the HSDS directory (decision 0014)', async () => {
      const { readFileSync, readdirSync } = await import('node:fs');
      const dir = 'apps/api/src';
      const files = (readdirSync(dir, { recursive: true }) as string[]).filter(
        (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && f !== 'directory/directory.repository.ts',
      );
      expect(files.length).toBeGreaterThan(50);
      for (const f of files)
        expect([f, /\bOFFSET\s+(\$\d+|\d+|\$\{)/i.test(readFileSync(`${dir}/${f}`, 'utf8'))]).toEqual([f, false]);
    });
  });

  describe('editing and deleting', () => {
    it('should let the author edit within the window: re-rendered, editedAt set', async () => {
      const slug = await newCategory(app);
      const kari = await newUser(app);
      const thread = await newThread(kari, slug);
      const postId = thread.posts.items[0].id;
      const res = await kari.patch(`/api/posts/${postId}`, { body: 'Endret **tekst**' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: postId,
        bodyHtml: '<p>Endret <strong>tekst</strong></p>',
        status: 'published',
        mine: true,
      });
      expect(Date.parse(res.body.editedAt)).toBeGreaterThan(Date.parse(res.body.createdAt));
      const read = await app.client().get(`/api/threads/${thread.id}`);
      expect(read.body.posts.items[0].bodyHtml).toBe('<p>Endret <strong>tekst</strong></p>');
      expect((await kari.patch(`/api/posts/${postId}`, { body: '' })).status).toBe(400);
      expect((await kari.patch(`/api/posts/${postId}`, { body: 'x', anonymous: true })).status).toBe(400);
    });

    it('should refuse an edit by someone else (403) but let a moderator edit, audited', async () => {
      const slug = await newCategory(app);
      const kari = await newUser(app);
      const ola = await newUser(app);
      const moderator = await newUser(app, 'moderator');
      const thread = await newThread(kari, slug);
      const postId = thread.posts.items[0].id;
      const refused = await ola.patch(`/api/posts/${postId}`, { body: 'hijack' });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('forbidden');
      const host = await newUser(app, 'host');
      expect((await host.patch(`/api/posts/${postId}`, { body: 'hijack' })).status).toBe(403);
      const res = await moderator.patch(`/api/posts/${postId}`, { body: 'Fjernet et telefonnummer' });
      expect(res.status).toBe(200);
      expect(res.body.mine).toBe(false);
      const audit = await moderator.get(`/api/mod/audit?action=edit&actor=${moderator.user!.username}`);
      expect(audit.body.items[0]).toMatchObject({
        action: 'edit',
        target: { type: 'post', id: postId },
        actor: { id: moderator.user!.id, username: moderator.user!.username },
      });
    });

    it('should refuse the author an edit after the edit window (403 edit_window_passed), never a moderator', async () => {
      const slug = await newCategory(app);
      const kari = await newUser(app);
      const moderator = await newUser(app, 'moderator');
      const thread = await newThread(kari, slug);
      const postId = thread.posts.items[0].id;
      await sql(app, `UPDATE posts SET created_at = now() - interval '25 hours' WHERE id = $1`, [postId]);
      const late = await kari.patch(`/api/posts/${postId}`, { body: 'for sent' });
      expect(late.status).toBe(403);
      expect(late.body.code).toBe('edit_window_passed');
      expect((await moderator.patch(`/api/posts/${postId}`, { body: 'moderator' })).status).toBe(200);
      await setSettings(app, { editWindowMinutes: 2 * 24 * 60 });
      try {
        await new Promise((r) => setTimeout(r, 2100)); // the settings cache
        expect((await kari.patch(`/api/posts/${postId}`, { body: 'nå går det' })).status).toBe(200);
      } finally {
        await setSettings(app, { editWindowMinutes: 24 * 60 });
      }
    });

    it('should soft-delete a post: it keeps its place, the thread stays readable, the count drops', async () => {
      const slug = await newCategory(app);
      const kari = await newUser(app);
      const ola = await newUser(app);
      const thread = await newThread(kari, slug);
      const r1 = await reply(ola, thread.id, 'første svar');
      await reply(kari, thread.id, 'andre svar');
      expect((await kari.delete(`/api/posts/${r1.id}`)).status).toBe(403);
      expect((await ola.delete(`/api/posts/${r1.id}`)).status).toBe(204);
      expect((await ola.delete(`/api/posts/${r1.id}`)).status).toBe(204);
      const t = await app.client().get(`/api/threads/${thread.id}`);
      expect(t.body.replyCount).toBe(1);
      expect(t.body.posts.items[1]).toMatchObject({ id: r1.id, status: 'deleted', bodyHtml: '' });
      expect((await ola.patch(`/api/posts/${r1.id}`, { body: 'tilbake' })).status).toBe(409);
      const [row] = await sql<{ body: string; body_text: string }>(
        app,
        'SELECT body, body_text FROM posts WHERE id = $1',
        [r1.id],
      );
      expect(row).toEqual({ body: '', body_text: '' });
    });

    it('should keep the thread when its opening post is deleted', async () => {
      const slug = await newCategory(app);
      const kari = await newUser(app);
      const moderator = await newUser(app, 'moderator');
      const thread = await newThread(kari, slug, { title: 'Tråden blir stående' });
      await reply(moderator, thread.id, 'svar');
      expect((await kari.delete(`/api/posts/${thread.posts.items[0].id}`)).status).toBe(204);
      const t = await app.client().get(`/api/threads/${thread.id}`);
      expect(t.status).toBe(200);
      expect(t.body).toMatchObject({ title: 'Tråden blir stående', status: 'published', replyCount: 1 });
      expect(t.body.posts.items.map((p: { status: string }) => p.status)).toEqual(['deleted', 'published']);
      expect(
        (await app.client().get(`/api/categories/${slug}/threads`)).body.items.map((i: { id: string }) => i.id),
      ).toContain(thread.id);
    });

    it('should let a moderator delete anyone’s post, audited', async () => {
      const slug = await newCategory(app);
      const kari = await newUser(app);
      const moderator = await newUser(app, 'moderator');
      const thread = await newThread(kari, slug);
      const r = await reply(kari, thread.id, 'upassende');
      expect((await moderator.delete(`/api/posts/${r.id}`)).status).toBe(204);
      const audit = await moderator.get('/api/mod/audit?action=delete');
      expect(audit.body.items[0]).toMatchObject({ action: 'delete', target: { type: 'post', id: r.id } });
    });
  });

  describe('locking, pinning, moving', () => {
    it('should refuse replies to a locked thread with 423 locked, except from moderators', async () => {
      const slug = await newCategory(app);
      const kari = await newUser(app);
      const moderator = await newUser(app, 'moderator');
      const thread = await newThread(kari, slug);
      const lock = await moderator.patch(`/api/mod/threads/${thread.id}`, { locked: true });
      expect(lock.status).toBe(200);
      expect(lock.body.locked).toBe(true);
      const refused = await kari.post(`/api/threads/${thread.id}/posts`, { body: 'kan jeg svare?' });
      expect(refused.status).toBe(423);
      expect(refused.body).toMatchObject({ statusCode: 423, code: 'locked' });
      expect((await kari.patch(`/api/posts/${thread.posts.items[0].id}`, { body: 'endre?' })).status).toBe(423);
      expect((await moderator.post(`/api/threads/${thread.id}/posts`, { body: 'Tråden er låst fordi …' })).status).toBe(
        201,
      );
      expect((await moderator.patch(`/api/mod/threads/${thread.id}`, { locked: false })).status).toBe(200);
      expect((await kari.post(`/api/threads/${thread.id}/posts`, { body: 'nå da?' })).status).toBe(201);
      const actions = (await moderator.get(`/api/mod/audit?actor=${moderator.user!.id}`)).body.items.map(
        (i: { action: string }) => i.action,
      );
      expect(actions.slice(0, 2)).toEqual(['unlock', 'lock']);
    });

    it('should move a thread to another category, audited, and refuse members', async () => {
      const from = await newCategory(app);
      const to = await newCategory(app);
      const kari = await newUser(app);
      const moderator = await newUser(app, 'moderator');
      const thread = await newThread(kari, from);
      expect((await kari.patch(`/api/mod/threads/${thread.id}`, { pinned: true })).status).toBe(403);
      expect((await moderator.patch(`/api/mod/threads/${thread.id}`, { categorySlug: 'finnes-ikke' })).status).toBe(
        404,
      );
      expect((await moderator.patch(`/api/mod/threads/${thread.id}`, { categorySlug: 'BAD SLUG' })).status).toBe(400);
      expect((await moderator.patch(`/api/mod/threads/${thread.id}`, { title: 'x' })).status).toBe(400);
      const res = await moderator.patch(`/api/mod/threads/${thread.id}`, { categorySlug: to });
      expect(res.status).toBe(200);
      expect(res.body.category.slug).toBe(to);
      expect((await app.client().get(`/api/categories/${to}/threads`)).body.items[0].id).toBe(thread.id);
      expect((await app.client().get(`/api/categories/${from}/threads`)).body.items).toEqual([]);
      expect((await moderator.get('/api/mod/audit?action=move')).body.items[0].target).toEqual({
        type: 'thread',
        id: thread.id,
        label: 'En tråd om noe',
        threadId: thread.id,
      });
    });
  });

  describe('holding for review', () => {
    it('should hold everything in a pre category; the author and moderators see it, others do not', async () => {
      const slug = await newCategory(app, { moderation: 'pre' });
      const kari = await newUser(app);
      const ola = await newUser(app);
      const moderator = await newUser(app, 'moderator');
      const res = await kari.post(`/api/categories/${slug}/threads`, { title: 'Venter på godkjenning', body: 'tekst' });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('pending');
      expect(res.body.notices).toEqual([{ code: 'held_for_review', message: expect.any(String) }]);
      const postId = res.body.posts.items[0].id;
      expect((await kari.get(`/api/threads/${res.body.id}`)).status).toBe(200);
      expect((await moderator.get(`/api/threads/${res.body.id}`)).body.posts.items[0].bodyHtml).toBe('<p>tekst</p>');
      expect((await ola.get(`/api/threads/${res.body.id}`)).status).toBe(404);
      expect((await app.client().get(`/api/threads/${res.body.id}`)).status).toBe(404);
      expect((await app.client().get(`/api/categories/${slug}/threads`)).body.items).toEqual([]);
      expect((await ola.post(`/api/threads/${res.body.id}/posts`, { body: 'svar' })).status).toBe(404);
      const [row] = await sql<{ held_reasons: string[] }>(app, 'SELECT held_reasons FROM posts WHERE id = $1', [
        postId,
      ]);
      expect(row.held_reasons).toEqual(['category_pre']);

      await review(app, postId, 'approve');
      expect((await ola.get(`/api/threads/${res.body.id}`)).body.status).toBe('published');
      expect((await app.client().get(`/api/categories/${slug}/threads`)).body.items[0].id).toBe(res.body.id);
      const r = await reply(ola, res.body.id, 'svar som venter');
      expect(r.status).toBe('pending');
      expect((await app.client().get(`/api/threads/${res.body.id}`)).body.replyCount).toBe(0);
      await review(app, r.id, 'approve');
      expect((await app.client().get(`/api/threads/${res.body.id}`)).body.replyCount).toBe(1);
      // An edit in a pre category goes back to the queue.
      const edited = await ola.patch(`/api/posts/${r.id}`, { body: 'endret svar' });
      expect(edited.body.status).toBe('pending');
      expect((await app.client().get(`/api/threads/${res.body.id}`)).body.replyCount).toBe(0);
    });

    it('should tell the author why a post was rejected, and no one else', async () => {
      const slug = await newCategory(app, { moderation: 'pre' });
      const moderator = await newUser(app, 'moderator');
      const thread = await newThread(moderator, slug);
      const kari = await newUser(app);
      const r = await reply(kari, thread.id, 'noe som avvises');
      await review(app, r.id, 'reject', 'Navngir en behandler');
      const own = (await kari.get(`/api/threads/${thread.id}`)).body.posts.items.find(
        (p: { id: string }) => p.id === r.id,
      );
      expect(own).toMatchObject({ status: 'rejected', rejectionReason: 'Navngir en behandler', mine: true });
      const others = (await (await newUser(app)).get(`/api/threads/${thread.id}`)).body.posts.items;
      expect(others.map((p: { id: string }) => p.id)).not.toContain(r.id);
      expect((await kari.get('/api/me/posts')).body.items[0]).toMatchObject({
        id: r.id,
        status: 'rejected',
        rejectionReason: 'Navngir en behandler',
        anonymous: false,
      });
    });

    it('should hold a new member’s first named posts until enough are published, counting anonymous ones', async () => {
      await setSettings(app, { newMemberReviewCount: 2 });
      try {
        await new Promise((r) => setTimeout(r, 2100)); // the settings cache
        const slug = await newCategory(app, { allowAnonymous: true });
        const kari = await newUser(app);
        const first = await newThread(kari, slug, { title: 'Min første tråd' });
        expect(first.status).toBe('pending');
        const [row] = await sql<{ held_reasons: string[] }>(app, 'SELECT held_reasons FROM posts WHERE id = $1', [
          first.posts.items[0].id,
        ]);
        expect(row.held_reasons).toEqual(['new_member']);
        await review(app, first.posts.items[0].id, 'approve');
        // Anonymous: held by the category's rule alone, so it says nothing about who wrote it (issue 12.9).
        const second = await reply(kari, first.id, 'anonymt svar', true);
        expect(second.status).toBe('published');
        expect((await reply(kari, first.id, 'nå publiseres det')).status).toBe('published');
        const panel = await newUser(app, 'panel');
        expect((await newThread(panel, slug)).status).toBe('published');
      } finally {
        await setSettings(app, { newMemberReviewCount: 0 });
      }
    });
  });

  describe('search', () => {
    it('should find "Fjellturene" when asked for "fjelltur", with a safe highlighted snippet', async () => {
      const slug = await newCategory(app);
      const kari = await newUser(app);
      const thread = await newThread(kari, slug, {
        title: 'Sommerminner',
        body: 'Fjellturene <b>i</b> sommer & turene på fjellet gjorde meg godt.',
      });
      const res = await app.client().get('/api/search?q=fjelltur');
      expect(res.status).toBe(200);
      const hit = res.body.items.find((h: { postId: string }) => h.postId === thread.posts.items[0].id);
      expect(hit).toMatchObject({
        threadId: thread.id,
        title: 'Sommerminner',
        author: { kind: 'user', username: kari.user!.username },
      });
      expect(hit.snippet).toContain('<mark>Fjellturene</mark>');
      expect(hit.snippet).not.toMatch(/<(?!\/?mark>)/);
      expect(Object.keys(hit).sort()).toEqual([
        'author',
        'contentWarning',
        'createdAt',
        'postId',
        'snippet',
        'threadId',
        'title',
      ]);
    });

    it('should find a thread by its title and rank it first', async () => {
      const slug = await newCategory(app);
      const kari = await newUser(app);
      const a = await newThread(kari, slug, { title: 'Søvnproblemer om natten', body: 'Jeg sover dårlig.' });
      await newThread(kari, slug, { title: 'Noe annet', body: 'Her nevnes søvnproblemer bare i forbifarten.' });
      const res = await app.client().get('/api/search?q=søvnproblemer');
      expect(res.body.items[0].threadId).toBe(a.id);
      expect(res.body.items.length).toBeGreaterThanOrEqual(2);
    });

    it('should page search results by cursor without repeats', async () => {
      const slug = await newCategory(app);
      const kari = await newUser(app);
      const thread = await newThread(kari, slug, { title: 'Sykkelturer', body: 'sykkeltur' });
      for (let i = 0; i < 4; i++) await reply(kari, thread.id, `sykkelturen nummer ${i} ${'ord '.repeat(i)}`);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await app.client().get(`/api/search?q=sykkeltur&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((h: { postId: string }) => h.postId));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen.length).toBe(5);
      expect(new Set(seen).size).toBe(5);
    });

    it('should not find held, deleted or rejected posts', async () => {
      const slug = await newCategory(app, { moderation: 'pre' });
      const moderator = await newUser(app, 'moderator');
      const thread = await newThread(moderator, slug, { title: 'Moderert', body: 'innhold' });
      const kari = await newUser(app);
      const held = await reply(kari, thread.id, 'kanelboller venter');
      expect(held.status).toBe('pending');
      const gone = await reply(moderator, thread.id, 'kanelboller slettes');
      await moderator.delete(`/api/posts/${gone.id}`);
      expect((await kari.get('/api/search?q=kanelboller')).body.items).toEqual([]);
    });

    it('should refuse an empty or too long query (400) and answer a query of stop words with nothing', async () => {
      expect((await app.client().get('/api/search')).status).toBe(400);
      expect((await app.client().get('/api/search?q=')).status).toBe(400);
      expect((await app.client().get(`/api/search?q=${'a'.repeat(201)}`)).status).toBe(400);
      expect((await app.client().get('/api/search?q=tur&extra=1')).status).toBe(400);
      const res = await app.client().get('/api/search?q=og');
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([]);
      expect((await app.client().get(`/api/search?q=${encodeURIComponent('"( -! & | <-> :*')}`)).status).toBe(200);
    });
  });

  describe('settings', () => {
    it('should let only administrators read and change the settings, validated and audited', async () => {
      const admin = await asAdmin(app);
      const moderator = await newUser(app, 'moderator');
      expect((await moderator.get('/api/admin/settings')).status).toBe(403);
      expect((await app.client().get('/api/admin/settings')).status).toBe(401);
      const before = await admin.get('/api/admin/settings');
      expect(before.status).toBe(200);
      expect(Object.keys(before.body).sort()).toEqual([
        'accessibilityStatementDate',
        'allowRemoteImages',
        'editWindowMinutes',
        'flagHideThreshold',
        'newMemberReviewCount',
        'operatorAddress',
        'operatorEmail',
        'operatorName',
        'operatorPhone',
        'unansweredHours',
      ]);
      for (const bad of [
        { newMemberReviewCount: -1 },
        { flagHideThreshold: 0 },
        { editWindowMinutes: 'long' },
        { allowRemoteImages: 'yes' },
        { theme: 'dark' },
        { editWindowMinutes: 1.5 },
      ]) {
        expect((await admin.patch('/api/admin/settings', bad)).status).toBe(400);
      }
      expect((await admin.get('/api/admin/settings')).body).toEqual(before.body);
      const res = await admin.patch('/api/admin/settings', { flagHideThreshold: 4 });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...before.body, flagHideThreshold: 4 });
      expect((await admin.get('/api/mod/audit?action=settings')).body.items[0]).toMatchObject({
        action: 'settings',
        actor: { username: admin.user!.username },
      });
    });

    it('should show remote images only when the administrator allows them', async () => {
      const slug = await newCategory(app);
      const kari = await newUser(app);
      const off = await newThread(kari, slug, { body: '![kart](https://example.no/kart.png)' });
      expect((await kari.get(`/api/threads/${off.id}`)).body.posts.items[0].bodyHtml).not.toContain('<img');
      await setSettings(app, { allowRemoteImages: true });
      try {
        await new Promise((r) => setTimeout(r, 2100));
        const on = await newThread(kari, slug, { body: '![kart](https://example.no/kart.png)' });
        expect((await kari.get(`/api/threads/${on.id}`)).body.posts.items[0].bodyHtml).toContain(
          '<img src="https://example.no/kart.png"',
        );
      } finally {
        await setSettings(app, { allowRemoteImages: false });
      }
    });
  });

  describe('flags', () => {
    it('should take a flag from a member, once, never on one’s own post, and a crisis flag from a guest', async () => {
      const slug = await newCategory(app, { allowAnonymous: true });
      const kari = await newUser(app);
      const ola = await newUser(app);
      const thread = await newThread(kari, slug);
      const postId = thread.posts.items[0].id;
      const res = await ola.post(`/api/posts/${postId}/flags`, { reason: 'harassment', note: ' Ufint ' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        reason: 'harassment',
        note: 'Ufint',
        createdAt: expect.any(String),
      });
      expect((await ola.post(`/api/posts/${postId}/flags`, { reason: 'spam' })).body.code).toBe('already_flagged');
      const own = await kari.post(`/api/posts/${postId}/flags`, { reason: 'spam' });
      expect(own.status).toBe(409);
      expect(own.body.code).toBe('own_post');
      const anonymous = await reply(kari, thread.id, 'anonymt', true);
      expect((await kari.post(`/api/posts/${anonymous.id}/flags`, { reason: 'spam' })).body.code).toBe('own_post');
      expect((await app.client().post(`/api/posts/${postId}/flags`, { reason: 'crisis' })).status).toBe(201);
      expect((await app.client().post(`/api/posts/${postId}/flags`, { reason: 'spam' })).status).toBe(401);
      for (const bad of [
        { reason: 'boring' },
        { reason: 'spam', note: 'x'.repeat(1001) },
        { reason: 'spam', extra: 1 },
        {},
      ]) {
        expect((await ola.post(`/api/posts/${anonymous.id}/flags`, bad)).status).toBe(400);
      }
      expect((await ola.post(`/api/posts/${UNKNOWN}/flags`, { reason: 'spam' })).status).toBe(404);
      expect((await ola.post('/api/posts/nope/flags', { reason: 'spam' })).status).toBe(400);
      const [row] = await sql(app, 'SELECT reporter_id FROM flags WHERE id = $1', [res.body.id]);
      expect(row.reporter_id).toBe(ola.user!.id);
    });

    it('should hide a post flagged by enough members in good standing until a moderator looks', async () => {
      await setSettings(app, { flagHideThreshold: 2 });
      await new Promise((r) => setTimeout(r, 2100));
      const slug = await newCategory(app);
      const kari = await newUser(app);
      const moderator = await newUser(app, 'moderator');
      const thread = await newThread(kari, slug);
      const target = await reply(kari, thread.id, 'noe mange reagerer på');
      const [a, b, muted] = await Promise.all([newUser(app), newUser(app), newUser(app)]);
      // Brand-new accounts are not in good standing (libs/moderation standing.ts): these are a month old.
      await sql(app, `UPDATE users SET created_at = now() - interval '30 days' WHERE id = ANY($1::uuid[])`, [
        [a.user!.id, b.user!.id, muted.user!.id],
      ]);
      await moderator.post('/api/mod/sanctions', { target: { userId: muted.user!.id }, kind: 'mute', reason: 'pause' });
      expect((await a.post(`/api/posts/${target.id}/flags`, { reason: 'harassment' })).status).toBe(201);
      // a muted member's flag: refused (a crisis flag would still be taken, but not counted)
      expect((await muted.post(`/api/posts/${target.id}/flags`, { reason: 'harassment' })).status).toBe(403);
      expect((await muted.post(`/api/posts/${target.id}/flags`, { reason: 'crisis' })).status).toBe(201);
      expect((await app.client().get(`/api/threads/${thread.id}`)).body.replyCount).toBe(1);
      expect((await b.post(`/api/posts/${target.id}/flags`, { reason: 'harassment' })).status).toBe(201);
      const seen = (await app.client().get(`/api/threads/${thread.id}`)).body;
      expect(seen.replyCount).toBe(0);
      expect(seen.posts.items[1]).toMatchObject({ id: target.id, status: 'hidden', bodyHtml: '' });
      expect((await kari.get(`/api/threads/${thread.id}`)).body.posts.items[1].bodyHtml).toBe(
        '<p>noe mange reagerer på</p>',
      );
      expect((await moderator.get(`/api/threads/${thread.id}`)).body.posts.items[1].bodyHtml).toBe(
        '<p>noe mange reagerer på</p>',
      );
    });
  });

  describe('concurrency', () => {
    it('should count 30 concurrent replies exactly', async () => {
      const slug = await newCategory(app);
      const kari = await newUser(app, 'panel');
      const writers = await Promise.all(Array.from({ length: 3 }, () => newUser(app, 'panel')));
      const thread = await newThread(kari, slug);
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          writers[i % 3].post(`/api/threads/${thread.id}/posts`, {
            body: `samtidig svar ${i}`,
            anonymous: i % 2 === 0,
          }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(30).fill(201));
      const t = await app.client().get(`/api/threads/${thread.id}?limit=100`);
      expect(t.body.replyCount).toBe(30);
      expect(t.body.posts.items).toHaveLength(31);
      // each anonymous writer got one alias, and the three got three different ones
      const aliases = new Set(results.filter((_, i) => i % 2 === 0).map((r) => r.body.author.alias));
      expect([...aliases].sort()).toEqual(['Anonym 1', 'Anonym 2', 'Anonym 3']);
      const [{ n }] = await sql<{ n: number }>(
        app,
        `SELECT count(*)::int AS n FROM posts WHERE thread_id = $1 AND NOT is_opening AND status = 'published'`,
        [thread.id],
      );
      expect(n).toBe(30);
    });
  });

  it('should publish every forum operation in the OpenAPI document', async () => {
    const doc = (await app.client().get('/api/docs-json')).body;
    const ops = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(ops).toEqual(
      expect.arrayContaining([
        'GET /api/categories',
        'POST /api/categories',
        'PATCH /api/categories/{slug}',
        'GET /api/categories/{slug}/threads',
        'POST /api/categories/{slug}/threads',
        'GET /api/threads/{id}',
        'GET /api/threads/{id}/posts',
        'POST /api/threads/{id}/posts',
        'PATCH /api/posts/{id}',
        'DELETE /api/posts/{id}',
        'POST /api/posts/{id}/flags',
        'GET /api/search',
        'GET /api/receipts/{token}',
        'GET /api/me/posts',
        'DELETE /api/me',
        'GET /api/admin/settings',
        'PATCH /api/admin/settings',
        'POST /api/panel/applications',
        'GET /api/panel/applications/mine',
        'GET /api/admin/panel/applications',
        'POST /api/admin/panel/applications/{id}/approve',
        'POST /api/admin/panel/applications/{id}/reject',
        'POST /api/mod/sanctions',
        'GET /api/mod/audit',
        'POST /api/admin/reveal',
        'PATCH /api/mod/threads/{id}',
      ]),
    );
    for (const schema of [
      'CategoryDto',
      'ThreadDto',
      'ThreadSummaryDto',
      'PostDto',
      'UserAuthorDto',
      'AnonymousAuthorDto',
      'GuestAuthorDto',
      'DeletedAuthorDto',
      'SearchHitDto',
      'CreateThreadDto',
      'CreateSanctionDto',
      'SettingsDto',
    ]) {
      expect(doc.components.schemas[schema]).toBeDefined();
    }
  });
});
