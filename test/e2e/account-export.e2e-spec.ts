import { asAdmin, newUser } from '../support/factories.js';
import { newCategory, newThread, reply, setSettings } from '../support/forum.js';
import { connect, emitAck, openRoom } from '../support/sockets.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('GET /api/me/export', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await setSettings(app, { newMemberReviewCount: 0 });
  });
  afterAll(() => app.stop());

  it('should hold everything about its user, anonymous posts and café messages included, and nothing about anyone else', async () => {
    const u = await newUser(app, 'member', { displayName: 'Ulla Utvalg', email: 'ulla@example.no' });
    const v = await newUser(app, 'member', { displayName: 'Vidar Annen' });
    const moderator = await newUser(app, 'moderator', { displayName: 'Mona Moderator' });
    const admin = await asAdmin(app);
    const slug = await newCategory(app, { allowAnonymous: true });

    const vThread = await newThread(v, slug, { title: 'Vidars tråd om søvn', body: 'Vidar skriver om søvnen sin' });
    const named = await newThread(u, slug, { title: 'Ullas egen tråd', body: 'Ulla skriver med navn' });
    const anonymous = await reply(u, vThread.id, 'Ulla svarer anonymt om søvn', true);
    await reply(v, vThread.id, 'Vidar svarer igjen');
    expect(
      (await u.post(`/api/posts/${vThread.posts.items[0].id}/flags`, { reason: 'other', note: 'Ulla melder fra' }))
        .status,
    ).toBe(201);
    expect((await u.post('/api/panel/applications', { motivation: 'Ulla vil være med i panelet' })).status).toBe(201);
    const sanction = await moderator.post('/api/mod/sanctions', {
      target: { postId: anonymous.id },
      kind: 'warn',
      reason: 'Advarsel til forfatteren',
    });
    expect(sanction.status).toBe(201);

    const room = await openRoom(admin);
    const socket = await connect(app, { as: u });
    expect((await emitAck(socket, 'join', { room, nickname: 'Ullakafé', acceptRules: true })).ok).toBe(true);
    expect((await emitAck(socket, 'message', { room, body: 'Ulla i kafeen' })).ok).toBe(true);
    socket.close();

    const res = await u.get('/api/me/export');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    const data = res.body;
    expect(data.account).toMatchObject({
      id: u.user!.id,
      username: u.user!.username,
      displayName: 'Ulla Utvalg',
      email: 'ulla@example.no',
    });
    const bodies = data.posts.map((p: { body: string }) => p.body);
    expect(bodies).toEqual(expect.arrayContaining(['Ulla skriver med navn', 'Ulla svarer anonymt om søvn']));
    expect(data.posts.find((p: { id: string }) => p.id === anonymous.id)).toMatchObject({
      anonymous: true,
      alias: expect.any(String),
    });
    expect(data.posts.find((p: { id: string }) => p.id === named.posts.items[0].id)).toMatchObject({
      threadTitle: 'Ullas egen tråd',
      openedThread: true,
    });
    expect(data.flagsRaised).toEqual([expect.objectContaining({ reason: 'other', note: 'Ulla melder fra' })]);
    expect(data.panelApplications).toEqual([
      expect.objectContaining({ motivation: 'Ulla vil være med i panelet', status: 'pending' }),
    ]);
    expect(data.sanctions).toEqual([expect.objectContaining({ kind: 'warn', reason: 'Advarsel til forfatteren' })]);
    expect(data.cafeMessages).toEqual([expect.objectContaining({ body: 'Ulla i kafeen', nickname: 'Ullakafé' })]);
    // The warning reached the anonymous author through the keyed hash; the reply notice by name.
    expect(data.notifications.map((n: { type: string }) => n.type)).toEqual(expect.arrayContaining(['sanction']));

    const text = JSON.stringify(data);
    for (const other of [
      v.user!.id,
      v.user!.username,
      'Vidar Annen',
      'Vidars tråd',
      'Vidar skriver',
      'Vidar svarer',
      moderator.user!.id,
      moderator.user!.username,
      'Mona Moderator',
    ]) {
      expect(text).not.toContain(other);
    }
  });

  it('should not show another user anything of it', async () => {
    const u = await newUser(app);
    const v = await newUser(app);
    const slug = await newCategory(app, { allowAnonymous: true });
    await newThread(u, slug, { body: 'Ullas hemmelige anonyme innlegg', anonymous: true });
    const theirs = await v.get('/api/me/export');
    expect(JSON.stringify(theirs.body)).not.toContain('Ullas hemmelige');
    expect((await app.client().get('/api/me/export')).status).toBe(401);
  });
});
