import { DataSource } from 'typeorm';
import { asAdmin, newUser } from '../support/factories.js';
import { newCategory, setSettings } from '../support/forum.js';
import { connect, emitAck, openRoom } from '../support/sockets.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('a sanction against the member behind a café message', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await setSettings(app, { newMemberReviewCount: 0 });
  });
  afterAll(() => app.stop());

  it('should mute their account everywhere, and reveal and store nothing that names them', async () => {
    const writer = await newUser(app, 'member', { displayName: 'Kari Kafé' });
    const moderator = await newUser(app, 'moderator');
    const room = await openRoom(await asAdmin(app));
    const socket = await connect(app, { as: writer });
    expect((await emitAck(socket, 'join', { room, nickname: 'Solsikke', acceptRules: true })).ok).toBe(true);
    const sent = await emitAck(socket, 'message', { room, body: 'Noe stygt' });
    const messageId = sent.message.id;

    const res = await moderator.post('/api/mod/sanctions', {
      target: { cafeMessageId: messageId },
      kind: 'mute',
      reason: 'Stygt språk i kafeen',
    });
    expect(res.status).toBe(201);
    expect(res.body.target).toEqual({ cafeMessageId: messageId });
    const text = JSON.stringify(res.body);
    for (const secret of [writer.user!.id, writer.user!.username, 'Kari Kafé']) expect(text).not.toContain(secret);

    // Muted in the café and on REST alike.
    expect((await emitAck(socket, 'message', { room, body: 'Hallo?' })).error?.code).toBe('muted');
    const slug = await newCategory(app);
    const attempt = await writer.post(`/api/categories/${slug}/threads`, { title: 'Kan jeg skrive?', body: 'Tester' });
    expect(attempt.status).toBe(403);
    expect(attempt.body.code).toBe('muted');
    socket.close();

    // The moderator's views name the message, never the person.
    const listing = await moderator.get('/api/mod/sanctions');
    const item = listing.body.items.find((s: { id: string }) => s.id === res.body.id);
    expect(item.target).toEqual({ cafeMessageId: messageId });
    const audit = JSON.stringify((await moderator.get('/api/mod/audit?action=sanction')).body);
    for (const secret of [writer.user!.id, writer.user!.username, 'Kari Kafé']) expect(audit).not.toContain(secret);
    const rows = await app.server.app
      .get(DataSource)
      .query('SELECT user_id FROM sanctions WHERE id = $1', [res.body.id]);
    expect(rows[0].user_id).toBeNull();
  });

  it('should refuse a guest message (no account: the host tools are for guests) and an unknown one', async () => {
    const moderator = await newUser(app, 'moderator');
    const room = await openRoom(await asAdmin(app));
    const guest = await connect(app);
    expect((await emitAck(guest, 'join', { room, nickname: 'Gjesten', acceptRules: true })).ok).toBe(true);
    const sent = await emitAck(guest, 'message', { room, body: 'Hei' });
    guest.close();
    const res = await moderator.post('/api/mod/sanctions', {
      target: { cafeMessageId: sent.message.id },
      kind: 'mute',
      reason: 'Test av gjest',
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('no_account');
    expect(
      (
        await moderator.post('/api/mod/sanctions', {
          target: { cafeMessageId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' },
          kind: 'warn',
          reason: 'Finnes ikke',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await moderator.post('/api/mod/sanctions', {
          target: { cafeMessageId: sent.message.id, userId: moderator.user!.id },
          kind: 'warn',
          reason: 'To mål',
        })
      ).status,
    ).toBe(400);
  });
});
