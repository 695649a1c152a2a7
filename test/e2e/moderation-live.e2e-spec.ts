import { asAdmin, newUser } from '../support/factories.js';
import { newCategory, newThread, reply, setSettings } from '../support/forum.js';
import { connect, disconnected, nextEvent, refused } from '../support/mod-sockets.js';
import { itemFor, sql } from '../support/moderation.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

interface Note {
  id: string;
  type: string;
  text: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

const notes = async (client: TestClient): Promise<Note[]> => (await client.get('/api/me/notifications')).body.items;

describe('notifications and sanctions, live', () => {
  let app: TestApp;
  let mod: TestClient;
  let slug: string;
  let pre: string;

  beforeAll(async () => {
    app = await startTestApp();
    await setSettings(app, { newMemberReviewCount: 0 });
    mod = await newUser(app, 'moderator');
    slug = await newCategory(app, { allowAnonymous: true, allowGuests: true });
    pre = await newCategory(app, { moderation: 'pre', allowAnonymous: true });
  });
  afterAll(() => app.stop());

  it('should tell a thread’s author about every reply, their own too (no absence names them: issue 12.7)', async () => {
    const kari = await newUser(app);
    const thread = await newThread(kari, slug, { title: 'Om søvn' });
    await reply(kari, thread.id, 'mitt eget svar');
    await reply(kari, thread.id, 'mitt eget svar, anonymt', true);
    expect((await notes(kari)).map((n: { type: string }) => n.type)).toEqual(['reply', 'reply']);
    const ola = await newUser(app);
    const r = await reply(ola, thread.id, 'Et svar fra Ola');
    const [n] = await notes(kari);
    expect(n).toMatchObject({ type: 'reply', link: `/trad/${thread.id}#post-${r.id}`, readAt: null });
    expect(n.text).toContain('Om søvn');
    expect(n.text).not.toContain('Et svar fra Ola');
  });

  it('should reach the author of an anonymous thread, live, without a user id in the notifications table', async () => {
    const kari = await newUser(app);
    const thread = await newThread(kari, slug, { title: 'Anonymt spørsmål', anonymous: true });
    const socket = await connect(app, '/me', kari);
    try {
      const live = nextEvent<Note>(socket, 'notification');
      const r = await reply(await newUser(app), thread.id, 'Et svar');
      const got = await live;
      expect(got).toMatchObject({ type: 'reply', link: `/trad/${thread.id}#post-${r.id}` });
      expect((await notes(kari))[0]).toEqual(got);
      const rows = await sql<{ user_id: string | null; recipient_hash: Buffer | null; scope_id: string }>(
        app,
        'SELECT user_id, recipient_hash, scope_id FROM notifications WHERE id = $1',
        [got.id],
      );
      expect(rows[0].user_id).toBeNull();
      expect(rows[0].recipient_hash).not.toBeNull();
      expect(rows[0].scope_id).toBe(thread.id);
      expect(await sql(app, 'SELECT 1 FROM notifications WHERE user_id = $1', [kari.user!.id])).toEqual([]);
      // No one else sees it.
      expect(await notes(await newUser(app))).toEqual([]);
    } finally {
      socket.close();
    }
  });

  it('should tell an anonymous author their held post was approved or rejected, and why', async () => {
    const kari = await newUser(app);
    const a = await newThread(kari, pre, { anonymous: true });
    const b = await newThread(kari, pre, { anonymous: true });
    await mod.post(`/api/mod/queue/${(await itemFor(mod, a.posts.items[0].id))!.id}/approve`, {});
    await mod.post(`/api/mod/queue/${(await itemFor(mod, b.posts.items[0].id))!.id}/reject`, {
      reason: 'Inneholdt navn på en ansatt.',
    });
    const [rejected, approved] = await notes(kari);
    expect(approved).toMatchObject({ type: 'approved', link: `/trad/${a.id}#post-${a.posts.items[0].id}` });
    expect(rejected).toMatchObject({ type: 'rejected' });
    expect(rejected.text).toContain('Inneholdt navn på en ansatt.');
    expect(await sql(app, 'SELECT 1 FROM notifications WHERE user_id = $1', [kari.user!.id])).toEqual([]);
  });

  it('should mark one’s own notifications read, and nobody else’s', async () => {
    const kari = await newUser(app);
    const thread = await newThread(kari, slug);
    await reply(await newUser(app), thread.id);
    const [n] = await notes(kari);
    const other = await newUser(app);
    expect((await other.post('/api/me/notifications/read', { ids: [n.id] })).body).toEqual({ marked: 0 });
    expect((await kari.post('/api/me/notifications/read', { ids: [n.id] })).body).toEqual({ marked: 1 });
    expect((await kari.post('/api/me/notifications/read', { ids: [n.id] })).body).toEqual({ marked: 0 });
    expect((await notes(kari))[0].readAt).not.toBeNull();
    expect((await kari.post('/api/me/notifications/read', { ids: ['x'] })).status).toBe(400);
    expect((await kari.post('/api/me/notifications/read', { ids: [] })).status).toBe(400);
    expect((await app.client().get('/api/me/notifications')).status).toBe(401);
    expect((await refused(app, '/me')).data?.code).toBe('unauthenticated');
  });

  it('should refuse a muted user on every REST write, and tell them why and until when', async () => {
    const kari = await newUser(app);
    const thread = await newThread(kari, slug);
    const until = new Date(Date.now() + 3600_000).toISOString();
    const res = await mod.post('/api/mod/sanctions', {
      target: { userId: kari.user!.id },
      kind: 'mute',
      until,
      reason: 'Gjentatte personangrep',
    });
    expect(res.status).toBe(201);
    const refusedReply = await kari.post(`/api/threads/${thread.id}/posts`, { body: 'prøver' });
    expect(refusedReply.status).toBe(403);
    expect(refusedReply.body).toMatchObject({ code: 'muted', until });
    expect(
      (await kari.post(`/api/categories/${slug}/threads`, { title: 'En ny tråd', body: 'Noe å si' })).body.code,
    ).toBe('muted');
    expect((await kari.patch(`/api/posts/${thread.posts.items[0].id}`, { body: 'endret' })).body.code).toBe('muted');
    const [n] = await notes(kari);
    expect(n.type).toBe('sanction');
    expect(n.text).toContain('Gjentatte personangrep');
    // The end as a clock in Norway shows it (issue 21.5), never UTC.
    const oslo = new Intl.DateTimeFormat('nb-NO', {
      timeZone: 'Europe/Oslo',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(until));
    expect(n.text).toContain(`til ${oslo}.`);
    expect(n.text).not.toContain('UTC');
  });

  it('should end a banned user’s open session and sockets at once', async () => {
    const kari = await newUser(app);
    const me = await connect(app, '/me', kari);
    const gone = disconnected(me);
    const res = await mod.post('/api/mod/sanctions', {
      target: { userId: kari.user!.id },
      kind: 'ban',
      reason: 'Trusler',
    });
    expect(res.status).toBe(201);
    await gone;
    expect((await kari.get('/api/auth/me')).status).toBe(401);
    expect((await kari.get('/api/me/notifications')).status).toBe(401);
    await expect(connect(app, '/me', kari)).rejects.toMatchObject({ data: { code: 'unauthenticated' } });
    const login = await app
      .client()
      .post('/api/auth/login', { username: kari.user!.username, password: kari.password });
    expect(login.status).toBe(403);
    expect(login.body).toMatchObject({ code: 'banned', reason: 'Trusler' });
  });

  it('should end a banned moderator’s /mod socket at once, and the hidden author’s sessions but not in time with the ban', async () => {
    const admin = await asAdmin(app);
    const other = await newUser(app, 'moderator');
    const socket = await connect(app, '/mod', other);
    const gone = disconnected(socket);
    expect(
      (
        await admin.post('/api/mod/sanctions', {
          target: { userId: other.user!.id },
          kind: 'ban',
          reason: 'Misbruk av verktøyene',
        })
      ).status,
    ).toBe(201);
    await gone;

    const anon = await newUser(app);
    const thread = await newThread(anon, slug, { anonymous: true });
    const me = await connect(app, '/me', anon);
    const ban = await mod.post('/api/mod/sanctions', {
      target: { postId: thread.posts.items[0].id },
      kind: 'ban',
      reason: 'Trusler i anonymt innlegg',
    });
    expect(ban.status).toBe(201);
    expect(JSON.stringify(ban.body)).not.toContain(anon.user!.id);
    expect((await anon.get('/api/auth/me')).status).toBe(401);
    // A café room would show their name leaving: their sockets end later, at a random moment (issue 12.8).
    await new Promise((r) => setTimeout(r, 500));
    expect(me.connected).toBe(true);
    me.close();
  });

  it('should list sanctions: by user for those given against a user, by post only for those given against a post', async () => {
    const named = await newUser(app);
    const anon = await newUser(app);
    const thread = await newThread(anon, slug, { anonymous: true });
    await mod.post('/api/mod/sanctions', { target: { userId: named.user!.id }, kind: 'warn', reason: 'Tonen' });
    await mod.post('/api/mod/sanctions', {
      target: { postId: thread.posts.items[0].id },
      kind: 'mute',
      reason: 'Anonymt personangrep',
    });
    const list = await mod.get('/api/mod/sanctions?limit=100');
    expect(list.status).toBe(200);
    const byUser = list.body.items.find((s: { reason: string }) => s.reason === 'Tonen');
    const byPost = list.body.items.find((s: { reason: string }) => s.reason === 'Anonymt personangrep');
    expect(byUser).toMatchObject({
      kind: 'warn',
      active: false,
      target: { user: { id: named.user!.id, username: named.user!.username } },
      issuedBy: mod.user!.username,
    });
    expect(byPost).toMatchObject({
      kind: 'mute',
      active: true,
      target: { postId: thread.posts.items[0].id, threadId: thread.id },
    });
    expect(JSON.stringify(list.body)).not.toContain(anon.user!.id);
    expect(JSON.stringify(list.body)).not.toContain(anon.user!.username);
    // Looking the user up does not find what was given against their anonymous post.
    const forAnon = await mod.get(`/api/mod/sanctions?userId=${anon.user!.id}`);
    expect(forAnon.body.items).toEqual([]);
    expect((await mod.get(`/api/mod/sanctions?postId=${thread.posts.items[0].id}`)).body.items).toHaveLength(1);
    expect(
      (await mod.get('/api/mod/sanctions?active=true')).body.items.every((s: { active: boolean }) => s.active),
    ).toBe(true);
    expect((await mod.get('/api/mod/sanctions?userId=nope')).status).toBe(400);
    expect((await named.get('/api/mod/sanctions')).status).toBe(403);
    // The muted author behind the anonymous post is told, through their key in that thread.
    const told = await notes(anon);
    expect(told[0]).toMatchObject({ type: 'sanction' });
    expect(told[0].text).toContain('Anonymt personangrep');
  });
});

const quotedPrintable = (s: string) =>
  Buffer.from(
    s.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

describe('notifications by email', () => {
  let app: TestApp;
  const sink = new SmtpSink();

  beforeAll(async () => {
    const port = await sink.start();
    app = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, PUBLIC_URL: 'http://forum.example.test' });
    await setSettings(app, { newMemberReviewCount: 0 });
  });
  afterAll(async () => {
    await app.stop();
    await sink.stop();
  });

  it('should email named users with an address a bare notice and the way to their notifications, never the post or its link', async () => {
    const slug = await newCategory(app, { allowAnonymous: true });
    const kari = await newUser(app, 'member', { email: 'kari@example.test' });
    const thread = await newThread(kari, slug, { title: 'Hemmelig tittel' });
    const r = await reply(await newUser(app), thread.id, 'Svaret inneholder noe personlig');
    const [mail] = await sink.received(1);
    expect(mail.to.join()).toContain('kari@example.test');
    const text = quotedPrintable(mail.data);
    expect(text).toContain('http://forum.example.test/profil#varsler');
    expect(text).not.toContain(thread.id);
    expect(text).not.toContain(r.id);
    expect(text).not.toContain('personlig');
    expect(text).not.toContain('Hemmelig');
    // Anonymous content: no email (finding the address would mean finding the author).
    const anonThread = await newThread(kari, slug, { title: 'Anonym', anonymous: true });
    await reply(await newUser(app), anonThread.id, 'svar');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.messages).toHaveLength(1);
    expect((await kari.get('/api/me/notifications')).body.items).toHaveLength(2);
  });
});
