import { createHash, createHmac } from 'node:crypto';
import { asAdmin, login, newUser, uniqueName } from '../support/factories.js';
import { must, newCategory, newThread, reply, review, setSettings, sql } from '../support/forum.js';
import { asText, dump } from '../support/sql.js';
import { ANON_SECRET, startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

const hmac = (salt: Buffer, scope: string) =>
  createHmac('sha256', Buffer.from(ANON_SECRET, 'utf8')).update(salt).update(scope, 'utf8').digest();

function mod11(w: number[], d: number[]): number {
  const r = 11 - (w.reduce((a, x, i) => a + x * d[i], 0) % 11);
  return r === 11 ? 0 : r;
}

/** A valid fødselsnummer for 01.01.90 (the first individual number whose check digits work out). */
function validFodselsnummer(): string {
  const k = mod11;
  for (let i = 100; i < 1000; i++) {
    const d = [...`010190${i}`].map(Number);
    const k1 = k([3, 7, 6, 1, 8, 9, 4, 5, 2], d);
    const k2 = k([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], [...d, k1]);
    if (k1 < 10 && k2 < 10) return `010190${i}${k1}${k2}`;
  }
  throw new Error('unreachable');
}

describe('anonymous posting', () => {
  let app: TestApp;
  let slug: string;
  beforeAll(async () => {
    app = await startTestApp();
    await setSettings(app, { newMemberReviewCount: 0 });
    slug = await newCategory(app, { allowAnonymous: true, allowGuests: true });
  });
  afterAll(() => app.stop());

  it('should post anonymously where allowed, showing only an alias', async () => {
    const kari = await newUser(app);
    const thread = await newThread(kari, slug, { title: 'Anonym tråd', anonymous: true });
    const t = await app.client().get(`/api/threads/${thread.id}`);
    expect(t.body.author).toEqual({ kind: 'anonymous', alias: 'Anonym 1' });
    expect(t.body.posts.items[0].author).toEqual({ kind: 'anonymous', alias: 'Anonym 1' });
    expect((await app.client().get(`/api/categories/${slug}/threads`)).body.items[0].author).toEqual({
      kind: 'anonymous',
      alias: 'Anonym 1',
    });
  });

  it('should refuse anonymous posts where the category does not allow them (400 anonymous_not_allowed) and create nothing', async () => {
    const named = await newCategory(app, { allowAnonymous: false });
    const kari = await newUser(app);
    const t = await kari.post(`/api/categories/${named}/threads`, { title: 'Anonymt?', body: 'x', anonymous: true });
    expect(t.status).toBe(400);
    expect(t.body.code).toBe('anonymous_not_allowed');
    expect((await app.client().get(`/api/categories/${named}/threads`)).body.items).toEqual([]);
    const thread = await newThread(kari, named);
    const r = await kari.post(`/api/threads/${thread.id}/posts`, { body: 'x', anonymous: true });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('anonymous_not_allowed');
    expect((await app.client().get(`/api/threads/${thread.id}`)).body.replyCount).toBe(0);
  });

  it('should keep one alias per author within a thread, by order of first appearance, unrelated across threads', async () => {
    const [u, v, w] = await Promise.all([newUser(app), newUser(app), newUser(app)]);
    const a = await newThread(u, slug, { anonymous: true });
    expect((await reply(v, a.id, 'v', true)).author.alias).toBe('Anonym 2');
    expect((await reply(u, a.id, 'u igjen', true)).author.alias).toBe('Anonym 1');
    expect((await reply(w, a.id, 'w med navn')).author.kind).toBe('user');
    // the same thread written in capitals in the address is the same thread, with the same alias
    expect((await reply(v, a.id.toUpperCase(), 'v med store bokstaver', true)).author.alias).toBe('Anonym 2');
    expect((await reply(w, a.id, 'w anonymt', true)).author.alias).toBe('Anonym 3');
    expect((await reply(v, a.id, 'v igjen', true)).author.alias).toBe('Anonym 2');
    const b = await newThread(v, slug, { anonymous: true });
    expect((await reply(u, b.id, 'u i ny tråd', true)).author.alias).toBe('Anonym 2');
    const [one, two] = await sql<{ anon_hash: Buffer }>(
      app,
      `SELECT DISTINCT ON (thread_id) anon_hash FROM posts WHERE (thread_id = $1 AND alias = 'Anonym 1') OR (thread_id = $2 AND alias = 'Anonym 2') ORDER BY thread_id`,
      [a.id, b.id],
    );
    expect(two).toBeDefined();
    // U's hashes in the two threads are unrelated
    expect(Buffer.compare(one.anon_hash, two.anon_hash)).not.toBe(0);
  });

  it('should tell only the author that a post is theirs, list it for them, and let them edit and delete it', async () => {
    const [u, v] = await Promise.all([newUser(app), newUser(app)]);
    const moderator = await newUser(app, 'moderator');
    const thread = await newThread(v, slug);
    const mine = await reply(u, thread.id, 'mitt anonyme svar', true);
    const named = await reply(u, thread.id, 'mitt svar med navn');
    const find = async (c: TestClient) =>
      (await c.get(`/api/threads/${thread.id}`)).body.posts.items.find((p: { id: string }) => p.id === mine.id);
    expect((await find(u)).mine).toBe(true);
    expect((await find(v)).mine).toBe(false);
    expect((await find(moderator)).mine).toBe(false);
    expect((await find(app.client())).mine).toBe(false);

    const list = await u.get('/api/me/posts');
    expect(list.status).toBe(200);
    expect(
      list.body.items.map((p: { id: string; anonymous: boolean; mine: boolean }) => [p.id, p.anonymous, p.mine]),
    ).toEqual([
      [named.id, false, true],
      [mine.id, true, true],
    ]);
    expect(list.body.items[1].author).toEqual({ kind: 'anonymous', alias: 'Anonym 1' });
    expect((await v.get('/api/me/posts')).body.items.map((p: { id: string }) => p.id)).not.toContain(mine.id);
    expect((await app.client().get('/api/me/posts')).status).toBe(401);

    expect((await v.patch(`/api/posts/${mine.id}`, { body: 'kapret' })).status).toBe(403);
    expect((await v.delete(`/api/posts/${mine.id}`)).status).toBe(403);
    const edited = await u.patch(`/api/posts/${mine.id}`, { body: 'endret anonymt' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      author: { kind: 'anonymous', alias: 'Anonym 1' },
      mine: true,
      bodyHtml: '<p>endret anonymt</p>',
    });
    expect((await u.delete(`/api/posts/${mine.id}`)).status).toBe(204);
    expect((await find(v)).status).toBe('deleted');
  });

  it('should hold an anonymous post with personal details and tell the writer why', async () => {
    const u = await newUser(app);
    const thread = await newThread(await newUser(app), slug);
    const cases: [string, boolean][] = [
      ['Ring meg på 912 34 567', true],
      ['Ring meg på +47 22334455', true],
      ['Skriv til kari@example.no', true],
      [`Fødselsnummeret mitt er ${validFodselsnummer()}`, true],
      ['Tallet 12345678901 er ikke et fødselsnummer', false],
      ['Jeg har gått på DPS i 3 år', false],
    ];
    for (const [body, held] of cases) {
      const res = await u.post(`/api/threads/${thread.id}/posts`, { body, anonymous: true });
      expect([body, res.status, res.body.status]).toEqual([body, 201, held ? 'pending' : 'published']);
      if (held)
        expect(res.body.notices.map((n: { code: string }) => n.code)).toEqual(['held_for_review', 'personal_details']);
      else expect(res.body.notices).toBeUndefined();
    }
    // the same details with a name are the writer's own business
    expect((await reply(u, thread.id, 'Ring meg på 912 34 567')).status).toBe('published');
    // edited out, the post is published
    const held = await reply(u, thread.id, 'Ring meg på 91234567', true);
    expect(held.status).toBe('pending');
    const fixed = await u.patch(`/api/posts/${held.id}`, { body: 'Send meg en melding her i forumet' });
    expect(fixed.body.status).toBe('published');
    expect(fixed.body.notices).toBeUndefined();
    // and edited back in, held again
    const again = await u.patch(`/api/posts/${held.id}`, { body: 'Ring 91234567' });
    expect(again.body.status).toBe('pending');
    expect(again.body.notices.map((n: { code: string }) => n.code)).toContain('personal_details');
    const [row] = await sql<{ held_reasons: string[] }>(app, 'SELECT held_reasons FROM posts WHERE id = $1', [held.id]);
    expect(row.held_reasons).toEqual(['personal_details']);
  });

  describe('guests', () => {
    it('should let a guest post where guests are invited: always held, with a receipt that tells the outcome', async () => {
      const guest = app.client();
      const t = await guest.post(`/api/categories/${slug}/threads`, { title: 'Gjest spør', body: 'Er det noen her?' });
      expect(t.status).toBe(201);
      expect(t.body).toMatchObject({ status: 'pending', author: { kind: 'guest', alias: 'Gjest 1' } });
      expect(t.body.notices[0].code).toBe('held_for_review');
      expect(t.body.receiptToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(t.body.posts.items[0]).toMatchObject({
        author: { kind: 'guest', alias: 'Gjest 1' },
        mine: false,
        status: 'pending',
      });
      // The receipt says which post it is for (issue 21.3): its title and text, to the guest holding it.
      expect((await guest.get(`/api/receipts/${t.body.receiptToken}`)).body).toMatchObject({
        status: 'pending',
        isThread: true,
        threadTitle: 'Gjest spør',
        body: 'Er det noen her?',
      });
      expect((await guest.get(`/api/threads/${t.body.id}`)).status).toBe(404);

      await review(app, t.body.posts.items[0].id, 'approve');
      const receipt = await guest.get(`/api/receipts/${t.body.receiptToken}`);
      expect(receipt.body).toMatchObject({
        status: 'published',
        link: `/trad/${t.body.id}#post-${t.body.posts.items[0].id}`,
      });

      const r = await guest.post(`/api/threads/${t.body.id}/posts`, { body: 'En gjest til' });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ status: 'pending', author: { kind: 'guest', alias: 'Gjest 2' } });
      await review(app, r.body.id, 'reject', 'Innlegget nevner en navngitt behandler.');
      expect((await guest.get(`/api/receipts/${r.body.receiptToken}`)).body).toMatchObject({
        status: 'rejected',
        rejectionReason: 'Innlegget nevner en navngitt behandler.',
      });
      const [stored] = await sql(app, 'SELECT * FROM guest_receipts WHERE post_id = $1', [r.body.id]);
      expect(asText(stored)).not.toContain(r.body.receiptToken);
    });

    it('should hold a guest post with an email address and say why', async () => {
      const t = await app
        .client()
        .post(`/api/categories/${slug}/threads`, { title: 'Kontakt', body: 'Skriv til meg på gjest@example.no' });
      expect(t.body.notices.map((n: { code: string }) => n.code)).toEqual(['held_for_review', 'personal_details']);
    });

    it('should refuse guests where they are not invited (401) and a receipt of the wrong shape (400) or unknown (404)', async () => {
      const closedToGuests = await newCategory(app, { allowGuests: false });
      expect(
        (await app.client().post(`/api/categories/${closedToGuests}/threads`, { title: 'Gjest', body: 'x' })).status,
      ).toBe(401);
      expect((await app.client().get('/api/receipts/short')).status).toBe(400);
      expect((await app.client().get(`/api/receipts/${'A'.repeat(43)}`)).status).toBe(404);
    });
  });
});

describe('guest rate limit at scale 1', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_SCALE: '1' });
  });
  afterAll(() => app.stop());

  it('should take 3 guest posts per 10 minutes per IP address, then answer 429 with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push(
        (await app.client().post('/api/categories/erfaringer/threads', { title: `Gjest ${i}`, body: 'hei' })).status,
      );
    expect(statuses).toEqual([201, 201, 201]);
    const limited = await app.client().post('/api/categories/erfaringer/threads', { title: 'Gjest 4', body: 'hei' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('sanctions by post, reveal, and the anonymity promise', () => {
  let app: TestApp;
  let slug: string;
  beforeAll(async () => {
    app = await startTestApp();
    await setSettings(app, { newMemberReviewCount: 0 });
    slug = await newCategory(app, { allowAnonymous: true });
  });
  afterAll(() => app.stop());

  it('should mute the author behind an anonymous post everywhere, telling the moderator nothing about them', async () => {
    const u = await newUser(app, 'member', { email: `${uniqueName('u')}@example.no` });
    const v = await newUser(app);
    const moderator = await newUser(app, 'moderator');
    const thread = await newThread(v, slug);
    const post = await reply(u, thread.id, 'noe som fortjener en pause', true);
    const until = new Date(Date.now() + 3600_000).toISOString();
    const res = await moderator.post('/api/mod/sanctions', {
      target: { postId: post.id },
      kind: 'mute',
      until,
      reason: 'Sjikane i tråden',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), kind: 'mute', until, target: { postId: post.id } });

    for (const attempt of [
      await u.post(`/api/threads/${thread.id}/posts`, { body: 'anonymt igjen', anonymous: true }),
      await u.post(`/api/threads/${thread.id}/posts`, { body: 'med navn' }),
      await u.post(`/api/categories/${slug}/threads`, { title: 'Ny tråd', body: 'x' }),
      await u.patch(`/api/posts/${post.id}`, { body: 'endre' }),
    ]) {
      expect(attempt.status).toBe(403);
      expect(attempt.body).toMatchObject({ code: 'muted', until });
    }
    expect((await u.get(`/api/threads/${thread.id}`)).status).toBe(200);
    expect((await u.delete(`/api/posts/${post.id}`)).status).toBe(204);
    expect((await reply(v, thread.id, 'v er ikke rammet')).status).toBe('published');

    const audit = await moderator.get('/api/mod/audit?action=sanction');
    expect(audit.body.items[0]).toMatchObject({
      action: 'sanction',
      target: { type: 'post', id: post.id },
      reason: 'Sjikane i tråden',
      actor: { username: moderator.user!.username },
    });
    const seen = res.text + audit.text;
    for (const secret of [u.user!.id, u.user!.username, u.user!.displayName]) expect(seen).not.toContain(secret);
    const [row] = await sql(app, 'SELECT * FROM sanctions WHERE id = $1', [res.body.id]);
    expect(row).toMatchObject({ user_id: null, scope_kind: 'thread', scope_id: thread.id, post_id: post.id });
  });

  it('should lift a mute early: audited, the person told, writing again; a second lift is 409', async () => {
    const u = await newUser(app);
    const moderator = await newUser(app, 'moderator');
    const thread = await newThread(await newUser(app), slug);
    const post = await reply(u, thread.id, 'et innlegg', true);
    const given = await moderator.post('/api/mod/sanctions', {
      target: { postId: post.id },
      kind: 'mute',
      reason: 'For skarpt',
    });
    expect((await u.post(`/api/threads/${thread.id}/posts`, { body: 'nå?' })).body.code).toBe('muted');
    // Issue 21.7: the member sees why and until when (the author behind the post is them).
    expect((await u.get('/api/auth/me')).body.mute).toEqual({ reason: 'For skarpt', until: null });
    const lifted = await moderator.post(`/api/mod/sanctions/${given.body.id}/lift`, { reason: 'Vi tok feil' });
    expect(lifted.status).toBe(200);
    expect((await u.get('/api/auth/me')).body.mute).toBeNull();
    expect((await u.post(`/api/threads/${thread.id}/posts`, { body: 'nå?' })).status).toBe(201);
    expect((await moderator.post(`/api/mod/sanctions/${given.body.id}/lift`, { reason: 'Igjen' })).body.code).toBe(
      'already_lifted',
    );
    const notes = (await u.get('/api/me/notifications')).body.items.map((n: { text: string }) => n.text);
    expect(notes.some((t: string) => t.includes('Vi tok feil'))).toBe(true);
    const audit = (await moderator.get('/api/mod/audit?action=sanction_lift')).body.items;
    expect(audit[0]).toMatchObject({ action: 'sanction_lift', reason: 'Vi tok feil' });
    const listed = (await moderator.get('/api/mod/sanctions')).body.items.find(
      (s: { id: string }) => s.id === given.body.id,
    );
    expect(listed.liftedAt).toEqual(expect.any(String));
  });

  it('should ban the author behind an anonymous post: sessions end at once, login is refused with the reason', async () => {
    const u = await newUser(app);
    const second = await login(app.client(), u.user!.username, u.password!);
    const moderator = await newUser(app, 'moderator');
    const thread = await newThread(await newUser(app), slug);
    const post = await reply(u, thread.id, 'grovt', true);
    const res = await moderator.post('/api/mod/sanctions', {
      target: { postId: post.id },
      kind: 'ban',
      reason: 'Trusler mot andre',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), kind: 'ban', until: null, target: { postId: post.id } });
    expect((await u.get('/api/auth/me')).status).toBe(401);
    expect((await second.get('/api/auth/me')).status).toBe(401);
    const [{ n }] = await sql<{ n: number }>(app, 'SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [
      u.user!.id,
    ]);
    expect(n).toBe(0);
    const wrong = await app
      .client()
      .post('/api/auth/login', { username: u.user!.username, password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    const refused = await app.client().post('/api/auth/login', { username: u.user!.username, password: u.password! });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'banned', reason: 'Trusler mot andre', until: null });
  });

  it('should log out a user banned by id at once, and keep staff from sanctioning staff', async () => {
    const u = await newUser(app);
    const moderator = await newUser(app, 'moderator');
    const other = await newUser(app, 'moderator');
    const res = await moderator.post('/api/mod/sanctions', {
      target: { userId: u.user!.id },
      kind: 'ban',
      until: new Date(Date.now() + 86_400_000).toISOString(),
      reason: 'Gjentatte brudd',
    });
    expect(res.status).toBe(201);
    expect(res.body.target).toEqual({ userId: u.user!.id });
    expect((await u.get('/api/auth/me')).status).toBe(401);
    expect(
      (await moderator.post('/api/mod/sanctions', { target: { userId: other.user!.id }, kind: 'mute', reason: 'nei' }))
        .status,
    ).toBe(403);
    const admin = await asAdmin(app);
    expect(
      (await moderator.post('/api/mod/sanctions', { target: { userId: admin.user!.id }, kind: 'mute', reason: 'nei' }))
        .status,
    ).toBe(403);
  });

  it.each([
    ['no target', { kind: 'mute', reason: 'grunn' }],
    [
      'both targets',
      {
        target: { userId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', postId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' },
        kind: 'mute',
        reason: 'grunn',
      },
    ],
    ['an empty target', { target: {}, kind: 'mute', reason: 'grunn' }],
    ['a malformed id', { target: { postId: 'nope' }, kind: 'mute', reason: 'grunn' }],
    ['an unknown target field', { target: { cafeMessage: 'x' }, kind: 'mute', reason: 'grunn' }],
    ['an unknown kind', { target: { postId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' }, kind: 'exile', reason: 'grunn' }],
    ['no reason', { target: { postId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' }, kind: 'mute' }],
    [
      'a past until',
      {
        target: { postId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' },
        kind: 'mute',
        reason: 'grunn',
        until: '2020-01-01T00:00:00Z',
      },
    ],
    [
      'a bad until',
      { target: { postId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' }, kind: 'mute', reason: 'grunn', until: 'tomorrow' },
    ],
  ])('should refuse a sanction with %s (400)', async (_, body) => {
    const moderator = await newUser(app, 'moderator');
    const res = await moderator.post('/api/mod/sanctions', body);
    expect(res.status).toBe(400);
    expect((await sql(app, 'SELECT 1 FROM sanctions WHERE reason = $1', ['grunn'])).length).toBe(0);
  });

  it('should answer 404 for an unknown post, 400 for a guest post, 403 for a member', async () => {
    const moderator = await newUser(app, 'moderator');
    const member = await newUser(app);
    expect(
      (
        await moderator.post('/api/mod/sanctions', {
          target: { postId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' },
          kind: 'warn',
          reason: 'grunn',
        })
      ).status,
    ).toBe(404);
    const guestThread = await app.client().post('/api/categories/erfaringer/threads', { title: 'Gjest', body: 'hei' });
    const guestPost = await moderator.post('/api/mod/sanctions', {
      target: { postId: guestThread.body.posts.items[0].id },
      kind: 'mute',
      reason: 'grunn',
    });
    expect(guestPost.status).toBe(400);
    expect(guestPost.body.code).toBe('no_account');
    expect(
      (
        await member.post('/api/mod/sanctions', {
          target: { userId: moderator.user!.id },
          kind: 'warn',
          reason: 'grunn',
        })
      ).status,
    ).toBe(403);
  });

  it('should reveal an anonymous author to an administrator with a reason, audited, and to no one else', async () => {
    const u = await newUser(app);
    const thread = await newThread(u, slug, { anonymous: true });
    const postId = thread.posts.items[0].id;
    const admin = await asAdmin(app);
    const moderator = await newUser(app, 'moderator');
    expect((await moderator.post('/api/admin/reveal', { postId, reason: 'Trusler om vold' })).status).toBe(403);
    expect((await admin.post('/api/admin/reveal', { postId })).status).toBe(400);
    expect((await admin.post('/api/admin/reveal', { postId, reason: '' })).status).toBe(400);
    expect((await admin.post('/api/admin/reveal', { postId: 'x', reason: 'Trusler om vold' })).status).toBe(400);
    expect(
      (
        await admin.post('/api/admin/reveal', {
          postId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
          reason: 'Trusler om vold',
        })
      ).status,
    ).toBe(404);
    const res = await admin.post('/api/admin/reveal', { postId, reason: 'Trusler om vold mot en ansatt' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ userId: u.user!.id, username: u.user!.username });
    const audit = await moderator.get('/api/mod/audit?action=reveal');
    expect(audit.body.items[0]).toMatchObject({
      action: 'reveal',
      reason: 'Trusler om vold mot en ansatt',
      target: { type: 'post', id: postId },
      actor: { username: admin.user!.username },
    });
    expect(audit.text).not.toContain(u.user!.id);
    expect(audit.text).not.toContain(u.user!.username);
  });

  describe('trying to break it', () => {
    // U writes anonymously in world A; X writes exactly the same in world B. Nobody but U may tell them apart.
    let u: TestClient;
    let x: TestClient;
    let v: TestClient;
    let moderator: TestClient;
    const uEmail = `${uniqueName('ukjent')}@example.no`;
    const worlds: Record<'A' | 'B', { slug: string; threadId: string; postIds: string[]; sanctionText?: string }> =
      {} as never;

    beforeAll(async () => {
      u = await newUser(app, 'member', { email: uEmail, displayName: 'Ulrikke Ukjent' });
      // U joins the panel the ordinary way, so U's role differs from X's and must not show
      const application = await u.post('/api/panel/applications', { motivation: 'Jeg vil bidra med egne erfaringer.' });
      must(await (await asAdmin(app)).post(`/api/admin/panel/applications/${application.body.id}/approve`, {}), 200);
      x = await newUser(app, 'member', { email: `${uniqueName('x')}@example.no` });
      v = await newUser(app);
      moderator = await newUser(app, 'moderator');
      for (const [name, author] of [
        ['A', u],
        ['B', x],
      ] as const) {
        const worldSlug = await newCategory(app, {
          slug: `verden-${name.toLowerCase()}-${uniqueName('w').replace(/_/g, '-')}`,
          name: 'Verden',
          allowAnonymous: true,
        });
        const thread = await newThread(author, worldSlug, {
          title: 'Om å mestre hverdagen',
          body: 'Åpningsinnlegg om mestringsstrategier',
          anonymous: true,
        });
        await reply(v, thread.id, 'Svar med navn fra V');
        const p2 = await reply(author, thread.id, 'Takk for svaret om mestring', true);
        const p3 = await reply(author, thread.id, 'Ring meg på 91234567', true);
        worlds[name] = { slug: worldSlug, threadId: thread.id, postIds: [thread.posts.items[0].id, p2.id, p3.id] };
      }
      for (const name of ['A', 'B'] as const) {
        const res = must(
          await moderator.post('/api/mod/sanctions', {
            target: { postId: worlds[name].postIds[1] },
            kind: 'warn',
            reason: 'Husk retningslinjene',
          }),
          201,
        );
        worlds[name].sanctionText = res.text;
      }
    });

    /** Ids, times and cursors differ between the worlds by nature; everything else must not. */
    function normalise(text: string, name: 'A' | 'B'): string {
      const ids = new Map<string, string>();
      return text
        .replaceAll(worlds[name].slug, '<slug>')
        .replace(/"nextCursor":"[^"]+"/g, '"nextCursor":"<cursor>"')
        .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
          if (!ids.has(id)) ids.set(id, `<id${ids.size}>`);
          return ids.get(id)!;
        });
    }

    async function readAll(client: TestClient, name: 'A' | 'B'): Promise<Record<string, string>> {
      const w = worlds[name];
      const paths: Record<string, string> = {
        listing: `/api/categories/${w.slug}/threads`,
        thread: `/api/threads/${w.threadId}`,
        posts: `/api/threads/${w.threadId}/posts`,
      };
      const out: Record<string, string> = {};
      for (const [key, path] of Object.entries(paths)) out[key] = (await client.get(path)).text;
      const search = (await client.get('/api/search?q=mestring&limit=100')).body.items.filter(
        (h: { threadId: string }) => h.threadId === w.threadId,
      );
      out.search = JSON.stringify(search);
      out.sanction = w.sanctionText!;
      return out;
    }

    it.each(['guest', 'member', 'moderator'])('should show a %s nothing that tells U’s posts from X’s', async (who) => {
      const client = who === 'guest' ? app.client() : who === 'member' ? v : moderator;
      const a = await readAll(client, 'A');
      const b = await readAll(client, 'B');
      for (const key of Object.keys(a)) expect([key, normalise(a[key], 'A')]).toEqual([key, normalise(b[key], 'B')]);
      // and not a trace of U anywhere
      const everything =
        Object.values(a).join('\n') +
        (await client.get('/api/categories')).text +
        (await client.get('/api/mod/audit?limit=100')).text +
        (await client.get('/api/admin/users?limit=100')).text;
      for (const secret of [u.user!.id, u.user!.username, u.user!.displayName, 'Ulrikke', uEmail])
        expect(everything).not.toContain(secret);
      const anonymous = JSON.parse(a.thread).posts.items.filter(
        (p: { author: { kind: string } }) => p.author.kind === 'anonymous',
      );
      expect(anonymous.map((p: { mine: boolean }) => p.mine)).toEqual(
        who === 'moderator' ? [false, false, false] : [false, false],
      );
    });

    it('should show U, and only U, that the posts are theirs', async () => {
      const a = JSON.parse((await u.get(`/api/threads/${worlds.A.threadId}`)).text);
      expect(a.posts.items.map((p: { mine: boolean; status: string }) => [p.mine, p.status])).toEqual([
        [true, 'published'],
        [false, 'published'],
        [true, 'published'],
        [true, 'pending'],
      ]);
      const b = JSON.parse((await u.get(`/api/threads/${worlds.B.threadId}`)).text);
      expect(b.posts.items.every((p: { mine: boolean }) => !p.mine)).toBe(true);
      expect(b.posts.items).toHaveLength(3);
    });

    it('should leave no link from U’s anonymous posts to U in a database dump, without ANON_SECRET', async () => {
      const db = await dump(app);
      const anonymousIds = [worlds.A.threadId, ...worlds.A.postIds];
      for (const [table, rows] of Object.entries(db)) {
        for (const row of rows) {
          const text = asText(row);
          const linksU = [u.user!.id, u.user!.username, u.user!.displayName].some((s) => text.includes(s));
          const namesContent = anonymousIds.some((id) => text.includes(id));
          // only the reveal's own audit entry may hold both, and U was never revealed
          expect({ table, linked: linksU && namesContent }).toEqual({ table, linked: false });
        }
      }
      const [post] = db.posts.filter((p) => p.id === worlds.A.postIds[1]);
      expect(post.author_id).toBeNull();
      const [salt] = (
        await sql<{ anon_salt: Buffer }>(app, 'SELECT anon_salt FROM users WHERE id = $1', [u.user!.id])
      ).map((r) => r.anon_salt);
      // no key-less recipe over what the dump holds gives the hash
      const hash = post.anon_hash as Buffer;
      const tries = [
        createHash('sha256').update(salt).update(worlds.A.threadId).digest(),
        createHash('sha256').update(worlds.A.threadId).update(salt).digest(),
        createHmac('sha256', Buffer.alloc(0)).update(salt).update(worlds.A.threadId).digest(),
        createHmac('sha256', salt).update(worlds.A.threadId).digest(),
      ];
      for (const t of tries) expect(Buffer.compare(t, hash)).not.toBe(0);
      // with the secret it is exactly the decision record's formula
      expect(Buffer.compare(hmac(salt, worlds.A.threadId), hash)).toBe(0);
    });

    it('should break the link for good when U deletes the account, even for someone with ANON_SECRET', async () => {
      const named = await reply(u, worlds.A.threadId, 'Et svar med navn før jeg går');
      const admin = await asAdmin(app);
      // an earlier, audited reveal is the one place allowed to remember U's id
      await admin.post('/api/admin/reveal', {
        postId: worlds.A.postIds[1],
        reason: 'Test av sletting etter avsløring',
      });
      const hash = (
        await sql<{ anon_hash: Buffer }>(app, 'SELECT anon_hash FROM posts WHERE id = $1', [worlds.A.postIds[1]])
      )[0].anon_hash;

      expect((await u.delete('/api/me', { password: 'wrong-password-entirely' })).status).toBe(400);
      expect((await u.delete('/api/me', {})).status).toBe(400);
      expect((await u.delete('/api/me', { password: u.password! })).status).toBe(204);
      expect((await u.get('/api/auth/me')).status).toBe(401);
      expect(
        (await app.client().post('/api/auth/login', { username: u.user!.username, password: u.password! })).status,
      ).toBe(401);

      const thread = (await v.get(`/api/threads/${worlds.A.threadId}`)).body;
      const authors = thread.posts.items.map((p: { id: string; author: unknown }) => [p.id, p.author]);
      expect(authors).toEqual([
        [worlds.A.postIds[0], { kind: 'anonymous', alias: 'Anonym 1' }],
        [
          expect.any(String),
          { kind: 'user', username: v.user!.username, displayName: v.user!.displayName, role: 'member' },
        ],
        [worlds.A.postIds[1], { kind: 'anonymous', alias: 'Anonym 1' }],
        [named.id, { kind: 'deleted' }],
      ]);
      expect(thread.author).toEqual({ kind: 'anonymous', alias: 'Anonym 1' });

      // nobody's key, with the secret, matches the hash any more
      const salts = await sql<{ id: string; anon_salt: Buffer }>(app, 'SELECT id, anon_salt FROM users');
      expect(salts.filter((s) => Buffer.compare(hmac(s.anon_salt, worlds.A.threadId), hash) === 0)).toEqual([]);
      const reveal = await admin.post('/api/admin/reveal', { postId: worlds.A.postIds[1], reason: 'Etter sletting' });
      expect(reveal.status).toBe(404);
      expect(reveal.body.code).toBe('author_gone');

      // U's id is nowhere but in the reveal's own audit entry; U's name and email nowhere at all
      const db = await dump(app);
      for (const [table, rows] of Object.entries(db)) {
        for (const row of rows) {
          const text = asText(row);
          const allowed = table === 'audit_log' && row.action === 'reveal';
          if (!allowed) expect({ table, holdsId: text.includes(u.user!.id) }).toEqual({ table, holdsId: false });
          for (const s of [u.user!.username, 'Ulrikke', uEmail])
            expect({ table, holds: text.includes(s) }).toEqual({ table, holds: false });
        }
      }
      expect(db.users.some((r) => r.id === u.user!.id)).toBe(false);
      expect(db.sessions.some((r) => r.user_id === u.user!.id)).toBe(false);
    });
  });
});
