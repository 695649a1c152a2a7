import { HELPLINES } from '#libs/contracts';
import { asAdmin, newUser } from '../support/factories.js';
import { databaseFingerprint } from '../support/fingerprint.js';
import { must, newCategory, newThread, reply, setSettings, sql } from '../support/forum.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

/**
 * Reader safety (issue 18, docs/API.md "Reader safety"): help before sending, content warnings,
 * each reader's filters, gentle reactions, and the hosts' list of threads nobody has answered.
 * Ignoring is in reader-ignoring.e2e-spec.ts, with its anonymity tests.
 */

const CRISIS = 'Jeg vil ikke leve lenger. Jeg orker ikke mer.';
const ALL_LINES = HELPLINES.map((h) => ({ ...h }));

type Post = {
  id: string;
  bodyHtml: string;
  contentWarning: string | null;
  collapsed?: { reason: string; warning?: string };
  reactions: Record<string, number>;
  myReactions: string[];
  canReact: boolean;
};

const postsOf = async (c: TestClient, threadId: string): Promise<Post[]> =>
  must(await c.get(`/api/threads/${threadId}/posts`), 200).body.items;

/** Search hits by post: their warning and whether this reader's filters fold them. */
const hits = async (c: TestClient, q: string) =>
  Object.fromEntries(
    (await c.get(`/api/search?q=${encodeURIComponent(q)}&limit=50`)).body.items.map(
      (h: { postId: string; contentWarning: string | null; collapsed?: unknown }) => [
        h.postId,
        [h.contentWarning, h.collapsed ?? null],
      ],
    ),
  );

describe('reader safety', () => {
  let app: TestApp;
  let admin: TestClient;
  let slug: string;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await asAdmin(app);
    await setSettings(app, { newMemberReviewCount: 0 });
    slug = await newCategory(app, { allowAnonymous: true, allowGuests: true });
  });
  afterAll(() => app.stop());

  describe('help before sending (POST /api/screening/check)', () => {
    it('should give a crisis draft the helplines and whether anyone is on duty, to guests and members alike', async () => {
      for (const c of [app.client(), await newUser(app)]) {
        const res = await c.post('/api/screening/check', { text: CRISIS });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ support: ALL_LINES, staffed: false, personalDetails: false });
      }
      const mod = await newUser(app, 'moderator');
      must(await mod.post('/api/mod/duty', { onDuty: true }), 200);
      expect((await app.client().post('/api/screening/check', { text: CRISIS })).body.staffed).toBe(true);
      must(await mod.post('/api/mod/duty', { onDuty: false }), 200);
    });

    it('should point out a word that would stop the post and personal details, and say nothing of an ordinary draft', async () => {
      must(await admin.post('/api/admin/watched-words', { pattern: 'drittsekk', action: 'block' }), 201);
      const blocked = await app.client().post('/api/screening/check', { text: 'Du er en DRITTSEKK' });
      expect(blocked.body).toEqual({ staffed: false, blockedWord: 'drittsekk', personalDetails: false });
      const details = await app.client().post('/api/screening/check', { text: 'Ring meg på 912 34 567' });
      expect(details.body).toEqual({ staffed: false, personalDetails: true });
      const plain = await app.client().post('/api/screening/check', { text: 'En fin dag i dag.' });
      expect(plain.body).toEqual({ staffed: false, personalDetails: false });
    });

    it('should store nothing and leave the guest page cache alone', async () => {
      const db = app.server.app.get((await import('typeorm')).DataSource);
      const before = await databaseFingerprint(db);
      const thread = await newThread(await newUser(app), slug);
      const guest = app.client();
      await guest.get(`/api/threads/${thread.id}`);
      expect((await guest.get(`/api/threads/${thread.id}`)).headers['x-cache']).toBe('hit');
      const marked = 'Et utkast med et merkeord zqxjv';
      const fingerprint = await databaseFingerprint(db);
      expect((await app.client().post('/api/screening/check', { text: marked })).status).toBe(200);
      expect(await databaseFingerprint(db)).toBe(fingerprint);
      expect((await guest.get(`/api/threads/${thread.id}`)).headers['x-cache']).toBe('hit');
      expect(before).not.toBe(fingerprint);
    });

    it('should refuse a draft that is not text, or too long, with 400', async () => {
      for (const body of [{}, { text: 5 }, { text: 'x'.repeat(20_001) }, { text: 'ok', extra: 1 }])
        expect((await app.client().post('/api/screening/check', body)).status).toBe(400);
    });
  });

  describe('content warnings', () => {
    it('should list the warnings with their labels in both languages', async () => {
      const res = await app.client().get('/api/content-warnings');
      expect(res.status).toBe(200);
      expect(res.body.map((w: { code: string }) => w.code)).toEqual([
        'selvskading',
        'selvmordstanker',
        'spiseforstyrrelser',
        'overgrep',
        'rus',
        'vold',
        'sorg',
      ]);
      expect(res.body[0]).toEqual({ code: 'selvskading', label: { nb: 'Selvskading', en: 'Self-harm' } });
    });

    it('should let a writer pick a warning that thread lists show, and refuse an unknown one creating nothing', async () => {
      const writer = await newUser(app);
      const own = await newCategory(app);
      const bad = await writer.post(`/api/categories/${own}/threads`, {
        title: 'Med ukjent advarsel',
        body: 'Tekst',
        contentWarning: 'noe-annet',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('unknown_warning');
      expect((await app.client().get(`/api/categories/${own}/threads`)).body.items).toEqual([]);

      const created = must(
        await writer.post(`/api/categories/${own}/threads`, {
          title: 'Om sorg',
          body: 'Det er tungt',
          contentWarning: 'sorg',
        }),
        201,
      ).body;
      expect(created.contentWarning).toBe('sorg');
      expect(created.posts.items[0].contentWarning).toBe('sorg');
      const list = (await app.client().get(`/api/categories/${own}/threads`)).body.items;
      expect(list.map((t: { contentWarning: string | null }) => t.contentWarning)).toEqual(['sorg']);
      const r = must(
        await writer.post(`/api/threads/${created.id}/posts`, { body: 'Svar', contentWarning: 'rus' }),
        201,
      );
      expect(r.body.contentWarning).toBe('rus');
      const edited = must(
        await writer.patch(`/api/posts/${r.body.id}`, { body: 'Svar igjen', contentWarning: null }),
        200,
      );
      expect(edited.body.contentWarning).toBeNull();
    });

    it('should let moderators add or change a post’s warning, audited, and refuse members', async () => {
      const writer = await newUser(app);
      const mod = await newUser(app, 'moderator');
      const thread = await newThread(writer, slug, { title: 'Uten advarsel' });
      const postId = thread.posts.items[0].id;
      expect((await writer.patch(`/api/mod/posts/${postId}`, { contentWarning: 'vold' })).status).toBe(403);
      expect((await mod.patch(`/api/mod/posts/${postId}`, { contentWarning: 'ukjent' })).status).toBe(400);
      const res = await mod.patch(`/api/mod/posts/${postId}`, { contentWarning: 'vold' });
      expect(res.status).toBe(200);
      expect(res.body.contentWarning).toBe('vold');
      const summary = (await app.client().get(`/api/categories/${slug}/threads?limit=100`)).body.items.find(
        (t: { id: string }) => t.id === thread.id,
      );
      expect(summary.contentWarning).toBe('vold');
      const audit = (await admin.get(`/api/mod/audit?action=content_warning`)).body.items;
      expect(audit[0]).toMatchObject({ action: 'content_warning', target: expect.anything() });
      expect(JSON.stringify(audit[0])).toContain(postId);
    });

    it('should let administrators edit the list, audited; a code taken away leaves its posts without a warning', async () => {
      const writer = await newUser(app);
      const thread = await newThread(writer, slug);
      const r = must(
        await writer.post(`/api/threads/${thread.id}/posts`, { body: 'Om panikk', contentWarning: 'sorg' }),
        201,
      );
      const current = (await app.client().get('/api/content-warnings')).body;
      const next = [
        ...current.filter((w: { code: string }) => w.code !== 'sorg'),
        { code: 'panikk', label: { nb: 'Panikk', en: 'Panic' } },
      ];
      expect((await writer.put('/api/admin/content-warnings', { warnings: next })).status).toBe(403);
      expect(
        (await admin.put('/api/admin/content-warnings', { warnings: [{ code: 'X Y', label: { nb: 'a', en: 'b' } }] }))
          .status,
      ).toBe(400);
      // A body of thousands of bad items gets a short answer, not one clause per item.
      const flood = await admin.put(
        '/api/admin/content-warnings',
        Array.from({ length: 5000 }, (_, i) => i),
      );
      expect(flood.status).toBe(400);
      expect(flood.body.message.length).toBeLessThan(2000);
      const res = await admin.put('/api/admin/content-warnings', { warnings: next });
      expect(res.status).toBe(200);
      expect(res.body.map((w: { code: string }) => w.code)).toContain('panikk');
      expect(res.body.map((w: { code: string }) => w.code)).not.toContain('sorg');
      const post = (await postsOf(app.client(), thread.id)).find((p) => p.id === r.body.id)!;
      expect(post.contentWarning).toBeNull();
      expect((await admin.get('/api/mod/audit?action=content_warning')).body.items[0].action).toBe('content_warning');
      must(await admin.put('/api/admin/content-warnings', { warnings: current }), 200);
    });
  });

  describe('personal filters', () => {
    let writer: TestClient;
    let threadId: string;
    let posts: Record<'selvskading' | 'rus' | 'knives' | 'plain', string>;
    beforeAll(async () => {
      writer = await newUser(app);
      const thread = await newThread(writer, slug, { title: 'Filtrert tråd' });
      threadId = thread.id;
      posts = {
        selvskading: must(
          await writer.post(`/api/threads/${threadId}/posts`, {
            body: 'Om å skade seg',
            contentWarning: 'selvskading',
          }),
          201,
        ).body.id,
        rus: must(await writer.post(`/api/threads/${threadId}/posts`, { body: 'Om rus', contentWarning: 'rus' }), 201)
          .body.id,
        knives: (await reply(writer, threadId, 'Jeg så KNIVENE på kjøkkenet')).id,
        plain: (await reply(writer, threadId, 'En vanlig dag')).id,
      };
    });

    const folded = async (c: TestClient) =>
      Object.fromEntries((await postsOf(c, threadId)).filter((p) => p.collapsed).map((p) => [p.id, p.collapsed]));

    it('should fold the posts with a warning the reader hides, body and all still there', async () => {
      const reader = await newUser(app);
      expect(await folded(reader)).toEqual({});
      const res = await reader.patch('/api/me/preferences', { hideWarnings: ['selvskading'] });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ hideWarnings: ['selvskading'], muteWords: [], collapseAllWarnings: false });
      expect(await folded(reader)).toEqual({ [posts.selvskading]: { reason: 'warning', warning: 'selvskading' } });
      const post = (await postsOf(reader, threadId)).find((p) => p.id === posts.selvskading)!;
      expect(post.bodyHtml).toBe('<p>Om å skade seg</p>');
    });

    it('should fold every post with a warning when asked to', async () => {
      const reader = await newUser(app);
      must(await reader.patch('/api/me/preferences', { collapseAllWarnings: true }), 200);
      expect(await folded(reader)).toEqual({
        [posts.selvskading]: { reason: 'warning', warning: 'selvskading' },
        [posts.rus]: { reason: 'warning', warning: 'rus' },
      });
    });

    it('should fold posts with a mute word, in any inflection and letter case, through the watched words’ normalisation', async () => {
      const reader = await newUser(app);
      const res = await reader.patch('/api/me/preferences', { muteWords: ['  Kniv '] });
      expect(res.body.muteWords).toEqual(['kniv']);
      expect(await folded(reader)).toEqual({ [posts.knives]: { reason: 'muted_word' } });
      expect((await reader.get('/api/me/preferences')).body.muteWords).toEqual(['kniv']);
    });

    it('should never fold the reader’s own posts, and fold nothing for guests', async () => {
      must(await writer.patch('/api/me/preferences', { collapseAllWarnings: true, muteWords: ['kniv'] }), 200);
      expect(await folded(writer)).toEqual({});
      expect(await folded(app.client())).toEqual({});
    });

    it('should refuse filters it cannot use, with 400, and change nothing', async () => {
      const reader = await newUser(app);
      must(await reader.patch('/api/me/preferences', { muteWords: ['kniv'] }), 200);
      for (const body of [
        { hideWarnings: ['ukjent'] },
        { muteWords: ['*x'] },
        { muteWords: ['x'.repeat(41)] },
        { muteWords: Array.from({ length: 51 }, (_, i) => `ord${i}`) },
        { collapseAllWarnings: 'ja' },
        { other: true },
      ])
        expect({ body, status: (await reader.patch('/api/me/preferences', body)).status }).toEqual({
          body,
          status: 400,
        });
      expect((await reader.get('/api/me/preferences')).body.muteWords).toEqual(['kniv']);
      expect((await app.client().get('/api/me/preferences')).status).toBe(401);
    });

    it('should fold threads in lists by the same filters', async () => {
      const reader = await newUser(app);
      const own = await newCategory(app);
      const w = must(
        await writer.post(`/api/categories/${own}/threads`, {
          title: 'Sulten',
          body: 'x',
          contentWarning: 'spiseforstyrrelser',
        }),
        201,
      ).body;
      await newThread(writer, own, { title: 'Kniver jeg ikke liker' });
      must(
        await reader.patch('/api/me/preferences', { hideWarnings: ['spiseforstyrrelser'], muteWords: ['kniv'] }),
        200,
      );
      const list = (await reader.get(`/api/categories/${own}/threads`)).body.items;
      expect(list.map((t: { title: string; collapsed?: unknown }) => [t.title, t.collapsed ?? null])).toEqual([
        ['Kniver jeg ikke liker', { reason: 'muted_word' }],
        ['Sulten', { reason: 'warning', warning: 'spiseforstyrrelser' }],
      ]);
      expect(list[1].id).toBe(w.id);
    });

    it('should fold search hits by the same filters, and never the reader’s own', async () => {
      const reader = await newUser(app);
      must(await reader.patch('/api/me/preferences', { hideWarnings: ['selvskading'], muteWords: ['kniv'] }), 200);
      const seen = await hits(reader, 'skade');
      expect(seen[posts.selvskading]).toEqual(['selvskading', { reason: 'warning', warning: 'selvskading' }]);
      expect((await hits(reader, 'kjøkkenet'))[posts.knives]).toEqual([null, { reason: 'muted_word' }]);
      expect((await hits(reader, 'vanlig'))[posts.plain]).toEqual([null, null]);
      expect((await hits(writer, 'skade'))[posts.selvskading]).toEqual(['selvskading', null]);
      expect((await hits(app.client(), 'skade'))[posts.selvskading]).toEqual(['selvskading', null]);
    });

    it('should keep the shared guest page and a member’s folded view apart', async () => {
      const reader = await newUser(app);
      must(await reader.patch('/api/me/preferences', { collapseAllWarnings: true }), 200);
      const guest = app.client();
      const first = await guest.get(`/api/threads/${threadId}/posts`);
      const mine = await reader.get(`/api/threads/${threadId}/posts`);
      const again = await guest.get(`/api/threads/${threadId}/posts`);
      expect(again.headers['x-cache']).toBe('hit');
      expect(mine.headers['x-cache']).toBe('miss');
      expect(again.text).toBe(first.text);
      expect(again.text).not.toContain('"collapsed"');
      expect(mine.text).toContain('"collapsed"');
      // the member again: still their own view, never the guests' page
      expect((await reader.get(`/api/threads/${threadId}/posts`)).text).toContain('"collapsed"');
      expect((await guest.get(`/api/threads/${threadId}/posts`)).text).not.toContain('"collapsed"');
    });
  });

  describe('gentle reactions', () => {
    it('should count reactions, show the reader their own, never who gave them, and take them back', async () => {
      const author = await newUser(app);
      const [r1, r2] = await Promise.all([newUser(app), newUser(app)]);
      const thread = await newThread(author, slug);
      const postId = thread.posts.items[0].id;
      const one = await r1.put(`/api/posts/${postId}/reactions/support`, {});
      expect(one.status).toBe(200);
      expect(one.body).toEqual({ counts: { support: 1, thanks: 0, same: 0 } });
      expect((await r1.put(`/api/posts/${postId}/reactions/support`, {})).body.counts.support).toBe(1);
      must(await r2.put(`/api/posts/${postId}/reactions/support`, {}), 200);
      must(await r2.put(`/api/posts/${postId}/reactions/same`, {}), 200);

      const seen = await r1.get(`/api/threads/${thread.id}`);
      const post = seen.body.posts.items[0];
      expect(post.reactions).toEqual({ support: 2, thanks: 0, same: 1 });
      expect(post.myReactions).toEqual(['support']);
      expect(post.canReact).toBe(true);
      for (const c of [app.client(), author, r1]) {
        const text = (await c.get(`/api/threads/${thread.id}`)).text;
        for (const who of [r1, r2]) for (const s of [who.user!.username, who.user!.id]) expect(text).not.toContain(s);
      }
      const guestView = (await app.client().get(`/api/threads/${thread.id}`)).body.posts.items[0];
      expect(guestView).toMatchObject({
        reactions: { support: 2, thanks: 0, same: 1 },
        myReactions: [],
        canReact: false,
      });

      const back = await r2.delete(`/api/posts/${postId}/reactions/same`);
      expect(back.status).toBe(200);
      expect(back.body.counts).toEqual({ support: 2, thanks: 0, same: 0 });
    });

    it('should refuse one’s own post, guests, unknown kinds and held posts', async () => {
      const author = await newUser(app);
      const thread = await newThread(author, slug, { anonymous: true });
      const postId = thread.posts.items[0].id;
      const own = await author.put(`/api/posts/${postId}/reactions/thanks`, {});
      expect(own.status).toBe(409);
      expect(own.body.code).toBe('own_post');
      expect((await author.get(`/api/threads/${thread.id}`)).body.posts.items[0].canReact).toBe(false);
      expect((await app.client().put(`/api/posts/${postId}/reactions/thanks`, {})).status).toBe(401);
      expect((await (await newUser(app)).put(`/api/posts/${postId}/reactions/hjerte`, {})).status).toBe(400);
      const [{ n }] = await sql<{ n: number }>(app, 'SELECT count(*)::int AS n FROM reactions WHERE post_id = $1', [
        postId,
      ]);
      expect(n).toBe(0);
    });

    it('should tell the author in aggregate, one notice per post, also behind an anonymous post', async () => {
      const author = await newUser(app);
      const thread = await newThread(author, slug, { title: 'Takk for at dere leser', anonymous: true });
      const postId = thread.posts.items[0].id;
      const readers = await Promise.all([newUser(app), newUser(app), newUser(app)]);
      for (const r of readers) must(await r.put(`/api/posts/${postId}/reactions/support`, {}), 200);
      must(await readers[0].put(`/api/posts/${postId}/reactions/thanks`, {}), 200);
      const notices = (await author.get('/api/me/notifications')).body.items.filter(
        (n: { type: string }) => n.type === 'reactions',
      );
      expect(notices).toHaveLength(1);
      expect(notices[0].text).toBe(
        'Innlegget ditt i «Takk for at dere leser»: 3 personer sendte støtte og 1 person takket.',
      );
      for (const r of readers) expect(notices[0].text).not.toContain(r.user!.username);
      // no row names the author beside the post
      const rows = await sql(app, `SELECT * FROM notifications WHERE type = 'reactions' AND link LIKE $1`, [
        `%${postId}%`,
      ]);
      expect(rows).toHaveLength(1);
      expect(rows[0].user_id).toBeNull();
    });

    it('should never change the order of anything: threads, posts, the unanswered list', async () => {
      const own = await newCategory(app);
      const writer = await newUser(app);
      const threads: Awaited<ReturnType<typeof newThread>>[] = [];
      for (const title of ['Første', 'Andre', 'Tredje']) threads.push(await newThread(writer, own, { title }));
      const replies: Awaited<ReturnType<typeof reply>>[] = [];
      for (const body of ['a', 'b', 'c']) replies.push(await reply(writer, threads[0].id, body));
      const host = await newUser(app, 'host');
      await setSettings(app, { unansweredHours: 0 });
      const order = async () => ({
        threads: (await app.client().get(`/api/categories/${own}/threads`)).body.items.map((t: { id: string }) => t.id),
        posts: (await postsOf(app.client(), threads[0].id)).map((p) => p.id),
        unanswered: (await host.get('/api/host/unanswered?limit=100')).body.items
          .map((t: { id: string }) => t.id)
          .filter((id: string) => threads.some((t) => t.id === id)),
      });
      const before = await order();
      const readers = await Promise.all([newUser(app), newUser(app), newUser(app), newUser(app)]);
      for (const r of readers) {
        for (const kind of ['support', 'thanks', 'same'])
          must(await r.put(`/api/posts/${replies[0].id}/reactions/${kind}`, {}), 200);
        must(await r.put(`/api/posts/${threads[0].posts.items[0].id}/reactions/support`, {}), 200);
      }
      expect(await order()).toEqual(before);
      await setSettings(app, { unansweredHours: 12 });
    });
  });

  describe('nobody left unanswered (GET /api/host/unanswered)', () => {
    it('should list, oldest first, the threads nobody else has answered for unansweredHours, for hosts and up only', async () => {
      const own = await newCategory(app);
      const [opener, other] = await Promise.all([newUser(app), newUser(app)]);
      const host = await newUser(app, 'host');
      const a = await newThread(opener, own, { title: 'Ubesvart A' });
      const b = await newThread(opener, own, { title: 'Ubesvart B', anonymous: true });
      const c = await newThread(opener, own, { title: 'Besvart C' });
      await reply(other, c.id, 'Jeg hører deg');
      const listed = async () =>
        (await host.get('/api/host/unanswered?limit=100')).body.items
          .map((t: { id: string }) => t.id)
          .filter((id: string) => [a.id, b.id, c.id].includes(id));

      expect(await listed()).toEqual([]); // younger than 12 hours
      await setSettings(app, { unansweredHours: 0 });
      expect(await listed()).toEqual([a.id, b.id]);
      expect((await host.get('/api/host/unanswered/count')).body.count).toBeGreaterThanOrEqual(2);

      // the opener's own reply under the same name is no answer; under another name (an alias) it is
      await reply(opener, a.id, 'Noen?');
      await reply(opener, b.id, 'Anonym 1 igjen', true);
      expect(await listed()).toEqual([a.id, b.id]);
      await reply(opener, a.id, 'Anonymt nå', true);
      expect(await listed()).toEqual([b.id]);
      // a host's reply takes it off
      await reply(host, b.id, 'Vi er her');
      expect(await listed()).toEqual([]);

      for (const who of [app.client(), opener, await newUser(app, 'panel')])
        expect([401, 403]).toContain((await who.get('/api/host/unanswered')).status);
      expect((await (await newUser(app, 'moderator')).get('/api/host/unanswered')).status).toBe(200);
      await setSettings(app, { unansweredHours: 12 });
    });

    it('should keep unansweredHours within 0–720', async () => {
      for (const v of [-1, 721, 1.5, 'tolv'])
        expect((await admin.patch('/api/admin/settings', { unansweredHours: v })).status).toBe(400);
      expect((await admin.get('/api/admin/settings')).body.unansweredHours).toBe(12);
    });
  });

  describe('personal data', () => {
    it('should put filters, the ignore list and reactions in the export, and take them with the account', async () => {
      const u = await newUser(app);
      const other = await newUser(app);
      const thread = await newThread(other, slug);
      must(await u.patch('/api/me/preferences', { muteWords: ['kniv'], hideWarnings: ['rus'] }), 200);
      must(await u.post('/api/me/ignored', { username: other.user!.username }), 201);
      must(await u.put(`/api/posts/${thread.posts.items[0].id}/reactions/thanks`, {}), 200);
      const exported = (await u.get('/api/me/export')).body.readerSafety;
      expect(exported.preferences).toMatchObject({ mute_words: ['kniv'], hide_warnings: ['rus'] });
      expect(exported.ignored.map((i: { username: string }) => i.username)).toEqual([other.user!.username]);
      expect(exported.reactions).toEqual([{ postId: thread.posts.items[0].id, kind: 'thanks' }]);
      must(await u.delete('/api/me', { password: u.password! }), 204);
      for (const table of ['reader_preferences', 'ignored_users', 'reactions']) {
        const rows = await sql(app, `SELECT * FROM ${table} WHERE user_id = $1`, [u.user!.id]);
        expect({ table, rows }).toEqual({ table, rows: [] });
      }
      expect((await postsOf(app.client(), thread.id))[0].reactions.thanks).toBe(0);
    });
  });
});

describe('help before sending, over its rate limit (RATE_LIMIT_SCALE=1)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_SCALE: '1' });
  });
  afterAll(() => app.stop());

  it('should allow 60 checks a minute, then answer 429 with the helplines for a crisis draft', async () => {
    const guest = app.client();
    for (let i = 0; i < 60; i++) must(await guest.post('/api/screening/check', { text: `utkast ${i}` }), 200);
    const plain = await guest.post('/api/screening/check', { text: 'ett til' });
    expect(plain.status).toBe(429);
    expect(plain.body.support).toBeUndefined();
    const crisis = await guest.post('/api/screening/check', { text: CRISIS });
    expect(crisis.status).toBe(429);
    expect(crisis.body).toMatchObject({ code: 'rate_limited', support: ALL_LINES, staffed: false });
  });
});
