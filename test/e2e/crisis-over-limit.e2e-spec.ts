import { HELPLINES } from '#libs/contracts';
import { asAdmin, newUser } from '../support/factories.js';
import { must, newCategory, newThread, setSettings, sql } from '../support/forum.js';
import { collect, emitAck, openRoom, silence, SocketPool, waitFor } from '../support/sockets.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

/**
 * Issue 20.2: crisis text always gets the helplines, whether or not the write goes through. Over
 * a rate limit (at its real size, RATE_LIMIT_SCALE=1), muted, banned, in a locked thread or with
 * input the validation refuses: the refusal carries `support` and `staffed`, nothing is stored,
 * and a refusal of ordinary text stays as it was.
 */

const CRISIS = 'Jeg vil ikke leve lenger. Jeg orker ikke mer.';
const ALL_LINES = HELPLINES.map((h) => ({ ...h }));

async function count(app: TestApp, table: string): Promise<number> {
  const [{ n }] = await sql<{ n: number }>(app, `SELECT count(*)::int AS n FROM ${table}`);
  return n;
}

describe('crisis help when a write is refused', () => {
  let app: TestApp;
  let admin: TestClient;
  let guestSlug: string;
  let membersSlug: string;
  // Registrations are limited too (ten an hour per address): the few users are made once.
  let mod: TestClient;
  let writer: TestClient;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_SCALE: '1' });
    admin = await asAdmin(app);
    await setSettings(app, { newMemberReviewCount: 0 });
    mod = await newUser(app, 'moderator');
    writer = await newUser(app);
    guestSlug = await newCategory(app, { allowGuests: true });
    membersSlug = await newCategory(app);
  });
  afterAll(() => app.stop());

  describe('over the guest limit (three posts per ten minutes per address)', () => {
    let threadId: string;
    beforeAll(async () => {
      threadId = (await newThread(admin, guestSlug, { title: 'Åpen for gjester' })).id;
      // Three guests on one ward's wifi: the address's budget is spent.
      for (let i = 0; i < 3; i++)
        must(await app.client().post(`/api/threads/${threadId}/posts`, { body: `Gjest ${i} her` }), 201);
    });

    it('should answer the fourth guest, writing in crisis, with 429, the wait, the helplines and staffed, storing nothing', async () => {
      const posts = await count(app, 'posts');
      const queued = await count(app, 'moderation_queue');
      const res = await app.client().post(`/api/threads/${threadId}/posts`, { body: CRISIS });
      expect(res.status).toBe(429);
      expect(res.body).toEqual({
        statusCode: 429,
        error: 'Too Many Requests',
        message: expect.any(String),
        code: 'rate_limited',
        retryAfter: expect.any(Number),
        support: ALL_LINES,
        staffed: false,
      });
      expect(res.body.support.map((h: { key: string }) => h.key)).toEqual([
        'emergency',
        'legevakt',
        'mentalHelse',
        'kirkensSos',
        'alarmtelefonen',
      ]);
      expect(Number(res.headers['retry-after'])).toBe(res.body.retryAfter);
      expect(res.body.retryAfter).toBeGreaterThan(60);
      expect(await count(app, 'posts')).toBe(posts);
      expect(await count(app, 'moderation_queue')).toBe(queued);
    });

    it('should give the helplines for a crisis title of a new thread too, and nothing for ordinary text', async () => {
      const thread = await app.client().post(`/api/categories/${guestSlug}/threads`, {
        title: 'Jeg har lyst til å dø',
        body: 'Ingen vet det.',
      });
      expect(thread.status).toBe(429);
      expect(thread.body.support).toEqual(ALL_LINES);
      const ordinary = await app.client().post(`/api/threads/${threadId}/posts`, { body: 'Hei igjen' });
      expect(ordinary.status).toBe(429);
      expect(ordinary.body).toEqual({
        statusCode: 429,
        error: 'Too Many Requests',
        message: expect.any(String),
        code: 'rate_limited',
        retryAfter: expect.any(Number),
      });
      expect(ordinary.headers['retry-after']).toBeDefined();
    });

    it('should say plainly that a moderator is on duty when one is, and the moderator reads it back from GET /api/mod/duty', async () => {
      expect((await mod.get('/api/mod/duty')).body).toEqual({ onDuty: false, until: null });
      const on = must(await mod.post('/api/mod/duty', { onDuty: true }), 200);
      // After a reload the switch reads this: the server's truth, not what the page last set.
      expect((await mod.get('/api/mod/duty')).body).toEqual({ onDuty: true, until: on.body.until });
      try {
        const res = await app.client().post(`/api/threads/${threadId}/posts`, { body: CRISIS });
        expect(res.status).toBe(429);
        expect(res.body).toMatchObject({ support: ALL_LINES, staffed: true });
      } finally {
        must(await mod.post('/api/mod/duty', { onDuty: false }), 200);
      }
      expect((await mod.get('/api/mod/duty')).body).toEqual({ onDuty: false, until: null });
    });
  });

  it('should give a member over their own limit (ten a minute) the helplines', async () => {
    const kari = await newUser(app);
    const thread = await newThread(kari, membersSlug);
    for (let i = 0; i < 9; i++) must(await kari.post(`/api/threads/${thread.id}/posts`, { body: `Svar ${i}` }), 201);
    const res = await kari.post(`/api/threads/${thread.id}/posts`, { body: CRISIS });
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ code: 'rate_limited', support: ALL_LINES, staffed: false });
    // Edits count against the same budget (hostile review, finding 3): refused too, with the helplines.
    const edit = await kari.patch(`/api/posts/${thread.posts.items[0].id}`, { body: CRISIS });
    expect(edit.status).toBe(429);
    expect(edit.body).toMatchObject({ code: 'rate_limited', support: ALL_LINES, staffed: false });
    const [opening] = await sql<{ body: string }>(app, 'SELECT body FROM posts WHERE id = $1', [
      thread.posts.items[0].id,
    ]);
    expect(opening.body).not.toBe(CRISIS);
  });

  it('should give a muted member writing in crisis the helplines with the mute, in a reply, a thread and an edit', async () => {
    const per = await newUser(app);
    const thread = await newThread(per, membersSlug);
    const until = new Date(Date.now() + 3600_000).toISOString();
    must(
      await mod.post('/api/mod/sanctions', { target: { userId: per.user!.id }, kind: 'mute', until, reason: 'Pause' }),
      201,
    );
    const posts = await count(app, 'posts');
    for (const attempt of [
      await per.post(`/api/threads/${thread.id}/posts`, { body: CRISIS }),
      await per.post(`/api/categories/${membersSlug}/threads`, { title: 'Natt', body: CRISIS }),
      await per.patch(`/api/posts/${thread.posts.items[0].id}`, { body: CRISIS }),
    ]) {
      expect(attempt.status).toBe(403);
      expect(attempt.body).toMatchObject({ code: 'muted', until, support: ALL_LINES, staffed: false });
    }
    const ordinary = await per.post(`/api/threads/${thread.id}/posts`, { body: 'Bare et svar' });
    expect(ordinary.status).toBe(403);
    expect(ordinary.body.support).toBeUndefined();
    expect(await count(app, 'posts')).toBe(posts);
  });

  it('should give a banned member, whose browser is a guest’s now, the helplines where guests may not write', async () => {
    const ola = await newUser(app);
    const thread = await newThread(ola, membersSlug);
    must(
      await mod.post('/api/mod/sanctions', { target: { userId: ola.user!.id }, kind: 'ban', reason: 'Trusler' }),
      201,
    );
    const res = await ola.post(`/api/threads/${thread.id}/posts`, { body: CRISIS });
    expect(res.status).toBeGreaterThanOrEqual(401);
    expect(res.status).toBeLessThan(500);
    expect(res.body).toMatchObject({ support: ALL_LINES, staffed: false });
    const login = await app.client().post('/api/auth/login', { username: ola.user!.username, password: ola.password });
    expect(login.body.code).toBe('banned');
  });

  it('should give the helplines with a locked thread’s 423 and with a validation 400, and keep a blocked word’s 422 as it was', async () => {
    const thread = await newThread(writer, membersSlug);
    must(await mod.patch(`/api/mod/threads/${thread.id}`, { locked: true }), 200);
    const locked = await writer.post(`/api/threads/${thread.id}/posts`, { body: CRISIS });
    expect(locked.status).toBe(423);
    expect(locked.body).toMatchObject({ code: 'locked', support: ALL_LINES, staffed: false });

    const noTitle = await writer.post(`/api/categories/${membersSlug}/threads`, { body: CRISIS });
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.support).toEqual(ALL_LINES);
    const plain = await writer.post(`/api/categories/${membersSlug}/threads`, { body: 'uten tittel' });
    expect(plain.status).toBe(400);
    expect(plain.body.support).toBeUndefined();

    const blocked = await writer.post(`/api/categories/${membersSlug}/threads`, { title: 'mongo', body: CRISIS });
    expect(blocked.status).toBe(422);
    expect(blocked.body).toMatchObject({ code: 'blocked_word', support: ALL_LINES, staffed: false });
  });

  it('should answer a guest’s crisis flag over the flag limit with the helplines, and an ordinary one without', async () => {
    const thread = await newThread(writer, guestSlug);
    const postId = thread.posts.items[0].id;
    let refused: { status: number; body: Record<string, unknown> } | undefined;
    for (let i = 0; i < 8 && !refused; i++) {
      const res = await app.client().post(`/api/posts/${postId}/flags`, { reason: 'crisis' });
      if (res.status === 429) refused = res;
      else expect(res.status).toBe(201);
    }
    expect(refused?.body).toMatchObject({ code: 'rate_limited', support: ALL_LINES, staffed: false });
    const spam = await app.client().post(`/api/posts/${postId}/flags`, { reason: 'spam', note: 'reklame' });
    expect(spam.status).toBe(401);
    expect(spam.body.support).toBeUndefined();
  });

  describe('the café (real sockets)', () => {
    const pool = new SocketPool();
    let room: string;
    beforeAll(async () => {
      room = await openRoom(admin);
    });
    afterEach(() => pool.closeAll());

    it('should answer a sixth message in ten seconds, written in crisis, with rate_limited, the helplines and staffed, sending it to no one', async () => {
      const a = await pool.join(app, room);
      const b = await pool.join(app, room);
      for (let i = 0; i < 5; i++)
        expect((await emitAck(a.socket, 'message', { room, body: `melding ${i}` })).ok).toBe(true);
      const messages = await count(app, 'cafe_messages');
      const event = waitFor(a.socket, 'support');
      const seenByB = collect(b.socket, 'message');
      const ack = await emitAck(a.socket, 'message', { room, body: CRISIS });
      expect(ack).toEqual({
        ok: false,
        error: {
          code: 'rate_limited',
          message: expect.any(String),
          retryAfter: expect.any(Number),
          support: ALL_LINES,
          staffed: false,
        },
      });
      expect(await event).toEqual({ resources: ALL_LINES, staffed: false });
      expect(await silence(b.socket, 'support', 150)).toBe(true);
      expect(seenByB.filter((m) => m.body === CRISIS)).toEqual([]);
      expect(await count(app, 'cafe_messages')).toBe(messages);
      const ordinary = await emitAck(a.socket, 'message', { room, body: 'hei' });
      expect(ordinary.error).toEqual({
        code: 'rate_limited',
        message: expect.any(String),
        retryAfter: expect.any(Number),
      });
    });

    it('should give a participant a host muted, writing in crisis, the helplines with the mute', async () => {
      const host = await newUser(app, 'host');
      const h = await pool.join(app, room, { as: host });
      const a = await pool.join(app, room);
      expect((await emitAck(h.socket, 'moderate', { room, action: 'mute', participantId: a.ack.self.id })).ok).toBe(
        true,
      );
      const ack = await emitAck(a.socket, 'message', { room, body: CRISIS });
      expect(ack.error).toMatchObject({ code: 'muted', support: ALL_LINES, staffed: false });
      expect((await emitAck(a.socket, 'message', { room, body: 'hallo?' })).error?.support).toBeUndefined();
    });

    it('should carry the helplines in a blocked word’s refusal too, and tell the writer once', async () => {
      const a = await pool.join(app, room);
      const events = collect(a.socket, 'support');
      const ack = await emitAck(a.socket, 'message', { room, body: `mongo. ${CRISIS}` });
      expect(ack.error).toMatchObject({ code: 'blocked', support: ALL_LINES, staffed: false });
      await silence(a.socket, 'never', 200);
      expect(events).toHaveLength(1);
    });

    it('should tell a moderator on duty’s presence to a café writer over the limit (staffed: true)', async () => {
      must(await mod.post('/api/mod/duty', { onDuty: true }), 200);
      try {
        const a = await pool.join(app, room);
        for (let i = 0; i < 5; i++) await emitAck(a.socket, 'message', { room, body: `m ${i}` });
        const ack = await emitAck(a.socket, 'message', { room, body: CRISIS });
        expect(ack.error).toMatchObject({ code: 'rate_limited', staffed: true });
      } finally {
        must(await mod.post('/api/mod/duty', { onDuty: false }), 200);
      }
    });
  });
});
