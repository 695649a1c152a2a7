import { asAdmin, newUser } from '../support/factories.js';
import { newCategory, newThread, reply, setSettings } from '../support/forum.js';
import { disconnected } from '../support/mod-sockets.js';
import { itemFor, queue, sql } from '../support/moderation.js';
import { emitAck, joinRoom, openRoom, waitFor } from '../support/sockets.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

describe('watched words on the forum, and the café in the queue', () => {
  let app: TestApp;
  let admin: TestClient;
  let mod: TestClient;
  let slug: string;

  beforeAll(async () => {
    app = await startTestApp();
    await setSettings(app, { newMemberReviewCount: 0 });
    admin = await asAdmin(app);
    mod = await newUser(app, 'moderator');
    slug = await newCategory(app, { allowAnonymous: true, allowGuests: true });
    for (const [pattern, action] of [
      ['dritsekk*', 'block'],
      ['kvakksalver*', 'review'],
      ['medisinfri', 'flag'],
    ]) {
      const res = await admin.post('/api/admin/watched-words', { pattern, action });
      if (res.status !== 201) throw new Error(`watched word: ${res.status} ${JSON.stringify(res.body)}`);
    }
  });
  afterAll(() => app.stop());

  it('should accept a crisis post, put it at the head of the queue and give its writer the helplines', async () => {
    const kari = await newUser(app);
    const res = await kari.post(`/api/categories/${slug}/threads`, {
      title: 'En tung kveld',
      body: 'Jeg orker ikke mer. Tenker mye på selvmord.',
      anonymous: true,
    });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('published');
    expect(res.body.staffed).toBe(false);
    expect(res.body.support.map((h: { phone: string }) => h.phone)).toEqual([
      '113',
      '116 117',
      '116 123',
      '22 40 00 40',
      '116 111',
    ]);
    expect(res.body.support[0]).toEqual({ key: 'emergency', name: expect.any(String), phone: '113' });
    const [head] = await queue(mod);
    expect(head).toMatchObject({
      type: 'flag',
      priority: 'crisis',
      reasons: ['crisis'],
      content: { threadId: res.body.id, author: { kind: 'anonymous', alias: 'Anonym 1' } },
    });
    // On duty now: the writer is told someone is there.
    await mod.post('/api/mod/duty', { onDuty: true });
    const staffed = await reply(await newUser(app), res.body.id, 'Jeg vil ikke leve sånn lenger');
    expect(staffed).toMatchObject({ status: 'published', staffed: true });
    await mod.post('/api/mod/duty', { onDuty: false });
    // A guest's crisis post is held (guests always are), and queued as a crisis all the same.
    const guest = await app.client().post(`/api/threads/${res.body.id}/posts`, { body: 'Jeg har lyst til å dø' });
    expect(guest.body).toMatchObject({ status: 'pending', staffed: false });
    expect(guest.body.support).toHaveLength(5);
    expect(await itemFor(mod, guest.body.id)).toMatchObject({
      type: 'post',
      priority: 'crisis',
      reasons: ['guest', 'crisis'],
    });
  });

  it('should refuse a blocked word with 422 saying which, and write nothing', async () => {
    const kari = await newUser(app);
    const t = await kari.post(`/api/categories/${slug}/threads`, { title: 'Om naboen', body: 'Han er en dritsekk' });
    expect(t.status).toBe(422);
    expect(t.body.code).toBe('blocked_word');
    expect(t.body.message).toContain('dritsekk');
    expect(await sql(app, `SELECT 1 FROM threads WHERE title = 'Om naboen'`)).toEqual([]);
    const thread = await newThread(kari, slug, { title: 'Om naboen', body: 'Han er grei' });
    const r = await kari.post(`/api/threads/${thread.id}/posts`, { body: 'dritsekker alle sammen' });
    expect(r.status).toBe(422);
    const edit = await kari.patch(`/api/posts/${thread.posts.items[0].id}`, { body: 'Han er en dritsekk likevel' });
    expect(edit.status).toBe(422);
    expect(
      (await app.client().get(`/api/threads/${thread.id}`)).body.posts.items.map(
        (p: { bodyHtml: string }) => p.bodyHtml,
      ),
    ).toEqual(['<p>Han er grei</p>']);
  });

  it('should hold a review word, and publish but queue a flag word', async () => {
    const kari = await newUser(app);
    const held = await kari.post(`/api/categories/${slug}/threads`, {
      title: 'Behandleren min',
      body: 'Han er en kvakksalver',
    });
    expect(held.body.status).toBe('pending');
    expect(held.body.notices.map((n: { code: string }) => n.code)).toContain('held_for_review');
    expect(await itemFor(mod, held.body.posts.items[0].id)).toMatchObject({
      type: 'thread',
      reasons: ['watched_word'],
    });
    const flagged = await newThread(kari, slug, { body: 'Jeg har vært medisinfri i et år' });
    expect(flagged.status).toBe('published');
    expect(await itemFor(mod, flagged.posts.items[0].id)).toMatchObject({
      type: 'flag',
      priority: 'normal',
      reasons: ['watched_word'],
    });
  });

  it('should screen an edit like a new post', async () => {
    const kari = await newUser(app);
    const thread = await newThread(kari, slug, { body: 'En helt vanlig dag' });
    const postId = thread.posts.items[0].id;
    expect(await itemFor(mod, postId)).toBeUndefined();
    const edit = await kari.patch(`/api/posts/${postId}`, { body: 'Nei, jeg vil dø' });
    expect(edit.status).toBe(200);
    expect(edit.body.support).toHaveLength(5);
    expect(await itemFor(mod, postId)).toMatchObject({ priority: 'crisis' });
    const review = await kari.patch(`/api/posts/${postId}`, { body: 'Legen var en kvakksalver, og jeg vil dø' });
    expect(review.body.status).toBe('pending');
    expect(await itemFor(mod, postId)).toMatchObject({ type: 'thread', priority: 'crisis' });
  });

  it('should queue a reported café message, and remove it from the room when rejected', async () => {
    const room = await openRoom(admin);
    const writer = await joinRoom(app, room);
    const reader = await joinRoom(app, room);
    try {
      const sent = await emitAck(writer.socket, 'message', { room, body: 'Noe ufint om en annen deltaker' });
      expect(sent.ok).toBe(true);
      const messageId = sent.message.id as string;
      expect((await emitAck(reader.socket, 'report', { room, messageId, reason: 'Sjikane' })).ok).toBe(true);
      const item = (await queue(mod)).find(
        (i) => i.type === 'cafe_message' && (i.content as { messageId?: string }).messageId === messageId,
      )!;
      expect(item).toMatchObject({
        priority: 'normal',
        reasons: ['report'],
        content: { room: { slug: room }, author: { kind: 'anonymous' }, removed: false },
      });
      expect(item.content.bodyHtml).toBe('<p>Noe ufint om en annen deltaker</p>');
      expect(item.flags).toEqual([{ reason: 'other', note: 'Sjikane', createdAt: expect.any(String) }]);
      const gone = waitFor(reader.socket, 'message:deleted', (e: { id: string }) => e.id === messageId);
      expect((await mod.post(`/api/mod/queue/${item.id}/reject`, { reason: 'Sjikane i kafeen' })).status).toBe(200);
      await gone;
      expect(await sql(app, 'SELECT status FROM cafe_reports WHERE message_id = $1', [messageId])).toEqual([
        { status: 'resolved' },
      ]);
      expect((await mod.post(`/api/mod/queue/${item.id}/undo`)).status).toBe(409);

      // A crisis in the café (screening) goes to the head of the queue; kept, its reports dismissed.
      const crisis = await emitAck(writer.socket, 'message', { room, body: 'Jeg orker ikke mer' });
      const items = await queue(mod);
      const at = items.findIndex((i) => (i.content as { messageId?: string }).messageId === crisis.message.id);
      const crisisItem = items[at];
      expect(crisisItem).toMatchObject({ type: 'cafe_message', priority: 'crisis', reasons: ['crisis'] });
      expect(items.slice(0, at).every((i) => i.priority === 'crisis')).toBe(true);
      expect((await mod.post(`/api/mod/queue/${crisisItem.id}/approve`, {})).status).toBe(200);
      expect(await sql(app, 'SELECT status FROM cafe_reports WHERE message_id = $1', [crisis.message.id])).toEqual([
        { status: 'dismissed' },
      ]);
    } finally {
      writer.socket.close();
      reader.socket.close();
    }
  });

  it('should refuse a muted user on REST and in the café alike', async () => {
    const room = await openRoom(admin);
    const kari = await newUser(app);
    const thread = await newThread(kari, slug);
    const { socket } = await joinRoom(app, room, { as: kari });
    try {
      expect((await emitAck(socket, 'message', { room, body: 'Før' })).ok).toBe(true);
      const until = new Date(Date.now() + 3600_000).toISOString();
      expect(
        (
          await mod.post('/api/mod/sanctions', {
            target: { userId: kari.user!.id },
            kind: 'mute',
            until,
            reason: 'Ro ned',
          })
        ).status,
      ).toBe(201);
      const rest = await kari.post(`/api/threads/${thread.id}/posts`, { body: 'Etter' });
      expect(rest.body).toMatchObject({ statusCode: 403, code: 'muted', until });
      const cafe = await emitAck(socket, 'message', { room, body: 'Etter' });
      expect(cafe).toMatchObject({ ok: false, error: { code: 'muted' } });
    } finally {
      socket.close();
    }
  });

  it('should disconnect a banned user’s café socket at once', async () => {
    const room = await openRoom(admin);
    const kari = await newUser(app);
    const { socket } = await joinRoom(app, room, { as: kari });
    const gone = disconnected(socket);
    expect(
      (
        await mod.post('/api/mod/sanctions', {
          target: { userId: kari.user!.id },
          kind: 'ban',
          reason: 'Trusler i kafeen',
        })
      ).status,
    ).toBe(201);
    await gone;
  });
});
