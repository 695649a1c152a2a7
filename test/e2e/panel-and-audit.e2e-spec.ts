import { asAdmin, newUser } from '../support/factories.js';
import { newCategory, newThread, setSettings } from '../support/forum.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('panel applications', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it('should let a member apply, an administrator approve, and the member see the outcome and enter the panel', async () => {
    const kari = await newUser(app);
    expect((await kari.get('/api/categories/panelet/threads')).status).toBe(403);
    const res = await kari.post('/api/panel/applications', {
      motivation: '  Jeg har erfaring som pårørende og vil bidra.  ',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      motivation: 'Jeg har erfaring som pårørende og vil bidra.',
      status: 'pending',
      decisionReason: null,
      createdAt: expect.any(String),
      decidedAt: null,
    });
    const again = await kari.post('/api/panel/applications', {
      motivation: 'Jeg prøver en gang til, for sikkerhets skyld.',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_applied');

    const admin = await asAdmin(app);
    const list = await admin.get('/api/admin/panel/applications?status=pending');
    expect(list.status).toBe(200);
    const item = list.body.items.find((a: { id: string }) => a.id === res.body.id);
    expect(item.applicant).toEqual({
      id: kari.user!.id,
      username: kari.user!.username,
      displayName: kari.user!.displayName,
      role: 'member',
    });

    const approved = await admin.post(`/api/admin/panel/applications/${res.body.id}/approve`, {
      reason: 'Velkommen i panelet!',
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      decisionReason: 'Velkommen i panelet!',
      applicant: { role: 'panel' },
    });
    expect((await admin.post(`/api/admin/panel/applications/${res.body.id}/reject`, {})).status).toBe(409);

    expect((await kari.get('/api/auth/me')).body.role).toBe('panel');
    expect((await kari.get('/api/panel/applications/mine')).body).toEqual([
      expect.objectContaining({ id: res.body.id, status: 'approved', decisionReason: 'Velkommen i panelet!' }),
    ]);
    expect((await kari.get('/api/categories/panelet/threads')).status).toBe(200);
    const inside = await kari.post('/api/panel/applications', { motivation: 'Er jeg ikke med allerede?' });
    expect(inside.status).toBe(409);
    expect(inside.body.code).toBe('already_panel');
    expect((await admin.get(`/api/mod/audit?action=panel_application`)).body.items[0]).toMatchObject({
      target: { type: 'panel_application', id: res.body.id },
    });
  });

  it('should tell a rejected applicant why, and let them apply again later', async () => {
    const ola = await newUser(app);
    const res = await ola.post('/api/panel/applications', { motivation: 'Jeg vil gjerne være med i panelet.' });
    const admin = await asAdmin(app);
    const rejected = await admin.post(`/api/admin/panel/applications/${res.body.id}/reject`, {
      reason: 'Panelet er fullt nå; søk igjen til høsten.',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', applicant: { role: 'member' } });
    const mine = (await ola.get('/api/panel/applications/mine')).body;
    expect(mine[0]).toMatchObject({
      status: 'rejected',
      decisionReason: 'Panelet er fullt nå; søk igjen til høsten.',
      decidedAt: expect.any(String),
    });
    expect((await ola.get('/api/auth/me')).body.role).toBe('member');
    expect((await ola.post('/api/panel/applications', { motivation: 'Nå er det høst, jeg søker igjen.' })).status).toBe(
      201,
    );
  });

  it('should refuse bad input and the wrong people', async () => {
    const kari = await newUser(app);
    expect((await app.client().post('/api/panel/applications', { motivation: 'Jeg er gjest her.' })).status).toBe(401);
    expect((await kari.post('/api/panel/applications', { motivation: 'kort' })).status).toBe(400);
    expect((await kari.post('/api/panel/applications', { motivation: 'x'.repeat(2001) })).status).toBe(400);
    expect(
      (await kari.post('/api/panel/applications', { motivation: 'Gode grunner til å være med.', role: 'admin' }))
        .status,
    ).toBe(400);
    expect((await kari.get('/api/admin/panel/applications')).status).toBe(403);
    const moderator = await newUser(app, 'moderator');
    expect((await moderator.get('/api/admin/panel/applications')).status).toBe(403);
    const admin = await asAdmin(app);
    expect((await admin.post('/api/admin/panel/applications/not-a-uuid/approve', {})).status).toBe(400);
    expect(
      (await admin.post('/api/admin/panel/applications/3f2504e0-4f89-41d3-9a0c-0305e82c3301/approve', {})).status,
    ).toBe(404);
    expect((await admin.get('/api/admin/panel/applications?status=maybe')).status).toBe(400);
    expect((await app.client().get('/api/panel/applications/mine')).status).toBe(401);
  });
});

describe('audit log', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await setSettings(app, { newMemberReviewCount: 0 });
  });
  afterAll(() => app.stop());

  it('should list moderator actions newest first, filtered by action and actor, paged, to moderators only', async () => {
    const slug = await newCategory(app);
    const moderator = await newUser(app, 'moderator');
    const kari = await newUser(app);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const t = await newThread(kari, slug);
      ids.push(t.id);
      await moderator.patch(`/api/mod/threads/${t.id}`, { pinned: true });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await moderator.get(
        `/api/mod/audit?action=pin&actor=${moderator.user!.username}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((i: { target: { id: string } }) => i.target.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids.toReversed());
    const item = (await moderator.get(`/api/mod/audit?actor=${moderator.user!.id}&limit=1`)).body.items[0];
    expect(Object.keys(item).sort()).toEqual(['action', 'actor', 'createdAt', 'id', 'reason', 'target']);
    expect(item.actor).toEqual({ id: moderator.user!.id, username: moderator.user!.username });
    expect((await moderator.get('/api/mod/audit?actor=nobody-by-that-name')).body.items).toEqual([]);
    expect((await moderator.get('/api/mod/audit?action=dance')).status).toBe(400);
    expect((await moderator.get('/api/mod/audit?limit=0')).status).toBe(400);
    expect((await (await newUser(app, 'host')).get('/api/mod/audit')).status).toBe(403);
    expect((await app.client().get('/api/mod/audit')).status).toBe(401);
  });

  it('should show a deleted actor as null and keep the entry', async () => {
    const admin = await asAdmin(app);
    const moderator = await newUser(app, 'moderator');
    const slug = await newCategory(app);
    const t = await newThread(moderator, slug);
    await moderator.patch(`/api/mod/threads/${t.id}`, { locked: true });
    expect((await moderator.delete('/api/me', { password: moderator.password! })).status).toBe(204);
    const entry = (await admin.get('/api/mod/audit?action=lock')).body.items.find(
      (i: { target: { id: string } }) => i.target.id === t.id,
    );
    expect(entry).toMatchObject({ action: 'lock', actor: null });
  });

  it('should refuse to delete the only administrator', async () => {
    const admin = await asAdmin(app);
    const res = await admin.delete('/api/me', { password: 'admin-password-for-tests' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('last_admin');
  });

  it('should mute a named user: 403 muted with until on every write, reads still work, and the mute ends', async () => {
    const kari = await newUser(app);
    const moderator = await newUser(app, 'moderator');
    const slug = await newCategory(app);
    const thread = await newThread(kari, slug);
    const until = new Date(Date.now() + 2500).toISOString();
    expect(
      (
        await moderator.post('/api/mod/sanctions', {
          target: { userId: kari.user!.id },
          kind: 'mute',
          until,
          reason: 'Ta en pause',
        })
      ).status,
    ).toBe(201);
    const refused = await kari.post(`/api/threads/${thread.id}/posts`, { body: 'hei' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'muted', until });
    expect((await kari.post('/api/panel/applications', { motivation: 'Jeg vil være med i panelet.' })).status).toBe(
      403,
    );
    expect((await kari.get(`/api/threads/${thread.id}`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2600));
    expect((await kari.post(`/api/threads/${thread.id}/posts`, { body: 'hei igjen' })).status).toBe(201);
  });
});
