import supertest from 'supertest';
import { login, newUser } from '../support/factories.js';
import { must, newCategory, newThread, reply, setSettings } from '../support/forum.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

/**
 * Issue 19, decision 0044: a reader with a session gets their own copy of a page back while nothing
 * at all has changed. These walk what must end that copy at once: another reader, a tampered or
 * ended session, a sanction, a role change, the reader's own filters, a reply.
 */
interface Post {
  id: string;
  mine: boolean;
  canEdit: boolean;
  canReact: boolean;
  collapsed?: { reason: string };
}

describe('members’ own cached pages', () => {
  let app: TestApp;
  let author: TestClient;
  let moderator: TestClient;
  let threadId: string;
  let authorPostId: string;
  const path = () => `/api/threads/${threadId}/posts`;

  beforeAll(async () => {
    app = await startTestApp();
    await setSettings(app, { newMemberReviewCount: 0 });
    author = await newUser(app);
    moderator = await newUser(app, 'moderator');
    const slug = await newCategory(app);
    const thread = await newThread(author, slug, { body: 'Hvordan går det med dere i dag?' });
    threadId = thread.id;
    authorPostId = (must(await author.get(path()), 200).body.items as Post[])[0].id;
  });
  afterAll(() => app?.stop());

  /** A read with exactly this Cookie header, as a browser (or someone who copied it) would send it. */
  const readWith = (cookie: string) => supertest(app.url).get(path()).set('Cookie', cookie);

  it('should answer a reader’s repeated read from their own copy, and never with another reader’s', async () => {
    const reader = await newUser(app);
    const first = must(await reader.get(path()), 200);
    expect(first.headers['x-cache']).toBe('miss');
    const again = must(await reader.get(path()), 200);
    expect(again.headers['x-cache']).toBe('hit');
    expect(again.text).toBe(first.text);

    const own = must(await author.get(path()), 200);
    expect((own.body.items as Post[])[0]).toMatchObject({ mine: true, canEdit: true });
    const theirs = must(await reader.get(path()), 200);
    expect((theirs.body.items as Post[])[0]).toMatchObject({ mine: false, canEdit: false });
    const guest = must(await app.client().get(path()), 200);
    expect((guest.body.items as Post[])[0]).toMatchObject({ mine: false, canReact: false });
  });

  it('should not answer a tampered cookie with the page made for the real one', async () => {
    const cookie = author.cookieHeader();
    must(await readWith(cookie), 200);
    expect((await readWith(cookie)).headers['x-cache']).toBe('hit');
    const tampered = cookie.replace(/erf\.sid=s%3A(.)/, (_, c: string) => `erf.sid=s%3A${c === 'a' ? 'b' : 'a'}`);
    expect(tampered).not.toBe(cookie);
    const res = must(await readWith(tampered), 200);
    expect(res.headers['x-cache']).toBe('miss');
    expect((res.body.items as Post[])[0].mine).toBe(false);
  });

  it('should end a session’s copy at logout, even for a copied cookie', async () => {
    const leaving = await newUser(app);
    must(await leaving.post('/api/threads/' + threadId + '/posts', { body: 'Jeg er her også.' }), 201);
    const cookie = leaving.cookieHeader();
    must(await readWith(cookie), 200);
    const cached = must(await readWith(cookie), 200);
    expect(cached.headers['x-cache']).toBe('hit');
    expect((cached.body.items as Post[]).some((p) => p.mine)).toBe(true);

    must(await leaving.post('/api/auth/logout'), 204);
    const after = must(await readWith(cookie), 200);
    expect(after.headers['x-cache']).toBe('miss');
    expect((after.body.items as Post[]).some((p) => p.mine)).toBe(false);
  });

  it('should end every copy at a ban, a role change and a new password elsewhere', async () => {
    const banned = await newUser(app);
    must(await banned.get(path()), 200);
    expect((await banned.get(path())).headers['x-cache']).toBe('hit');
    must(
      await moderator.post('/api/mod/sanctions', {
        target: { userId: banned.user!.id },
        kind: 'ban',
        reason: 'Trusler',
      }),
      201,
    );
    expect((await banned.get('/api/auth/me')).status).toBe(401);
    expect((await banned.get(path())).body.items[0].canReact).toBe(false);

    const promoted = await newUser(app);
    expect((await promoted.get(path())).body.items[0].canHide).toBe(false);
    expect((await promoted.get(path())).headers['x-cache']).toBe('hit');
    const admin = await newUser(app, 'admin');
    must(await admin.patch(`/api/admin/users/${promoted.user!.id}`, { role: 'moderator' }), 200);
    expect((await promoted.get(path())).body.items[0].canHide).toBe(true);

    const careful = await newUser(app);
    const elsewhere = await login(app.client(), careful.user!.username, careful.password!);
    must(await elsewhere.get(path()), 200);
    expect((await elsewhere.get(path())).headers['x-cache']).toBe('hit');
    must(
      await careful.post('/api/me/password', {
        currentPassword: careful.password,
        newPassword: 'a-brand-new-password-1',
      }),
      204,
    );
    expect((await elsewhere.get(path())).body.items.some((p: Post) => p.canReact)).toBe(false);
  });

  it('should show a reader’s own new filter, and anyone’s reply, on the next read', async () => {
    const reader = await newUser(app);
    must(await reader.get(path()), 200);
    expect((await reader.get(path())).headers['x-cache']).toBe('hit');
    must(await reader.patch('/api/me/preferences', { muteWords: ['dere'] }), 200);
    const folded = must(await reader.get(path()), 200);
    expect(folded.headers['x-cache']).toBe('miss');
    expect((folded.body.items as Post[]).find((p) => p.id === authorPostId)?.collapsed).toBeDefined();

    const answer = await reply(author, threadId, 'Et nytt svar nå.');
    expect((must(await reader.get(path()), 200).body.items as Post[]).map((p) => p.id)).toContain(answer.id);
  });

  // Found by the hostile review of issue 19: the caches read the cookie header as the session layer does.
  it('should never answer a nameless or oddly spaced session cookie with someone’s own page', async () => {
    const victim = await newUser(app);
    must(await victim.post(`/api/threads/${threadId}/posts`, { body: 'Dette er mitt eget svar.' }), 201);
    const real = victim.cookieHeader(); // erf.sid=s%3A...
    const planted = `erf.sid; ${real}`; // a nameless part planted before the real cookie
    for (let i = 0; i < 2; i++)
      expect((must(await readWith(planted), 200).body.items as Post[]).some((p) => p.mine)).toBe(true);
    const attacker = must(await readWith('erf.sid'), 200);
    expect((attacker.body.items as Post[]).some((p) => p.mine)).toBe(false);

    const spaced = real.replace('erf.sid=', 'erf.sid =');
    for (let i = 0; i < 2; i++)
      expect((must(await readWith(spaced), 200).body.items as Post[]).some((p) => p.mine)).toBe(true);
    const guest = must(await app.client().get(path()), 200);
    expect((guest.body.items as Post[]).some((p) => p.mine)).toBe(false);
  });

  it('should keep every copy through refused writes and draft checks, which change nothing', async () => {
    const reader = await newUser(app);
    must(await reader.get(path()), 200);
    must(await app.client().get(path()), 200);
    expect((await app.client().post(`/api/threads/${threadId}/posts`).send({ body: 42 })).status).toBe(400);
    expect((await reader.post('/api/screening/check', { text: 'Hei' })).status).toBe(200);
    expect((await reader.get(path())).headers['x-cache']).toBe('hit');
    expect((await app.client().get(path())).headers['x-cache']).toBe('hit');
  });
});
