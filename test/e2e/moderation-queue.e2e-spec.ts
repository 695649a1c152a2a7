import { newUser } from '../support/factories.js';
import { newCategory, newThread, reply, setSettings } from '../support/forum.js';
import { connect, nextEvent, refused } from '../support/mod-sockets.js';
import { itemFor, queue, sql } from '../support/moderation.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

describe('moderation queue', () => {
  let app: TestApp;
  let mod: TestClient;
  let mod2: TestClient;
  let pre: string;
  let open: string;

  beforeAll(async () => {
    app = await startTestApp();
    await setSettings(app, { newMemberReviewCount: 0 });
    mod = await newUser(app, 'moderator');
    mod2 = await newUser(app, 'moderator');
    pre = await newCategory(app, { moderation: 'pre', allowGuests: true });
    open = await newCategory(app, { moderation: 'post', allowGuests: true });
  });
  afterAll(() => app.stop());

  it('should queue a held thread with its content and keep it from everyone but its author and moderators', async () => {
    const kari = await newUser(app);
    const thread = await newThread(kari, pre, { title: 'Venter på en moderator', body: 'Holdt *tilbake*' });
    expect(thread.status).toBe('pending');
    const item = await itemFor(mod, thread.posts.items[0].id);
    expect(item).toMatchObject({
      type: 'thread',
      priority: 'normal',
      reasons: ['category_pre'],
      claimedBy: null,
      flags: [],
      content: {
        threadId: thread.id,
        postId: thread.posts.items[0].id,
        title: 'Venter på en moderator',
        author: { kind: 'user', username: kari.user!.username },
        status: 'pending',
      },
    });
    expect(item!.content.bodyHtml).toContain('<em>tilbake</em>');
    expect((await app.client().get(`/api/threads/${thread.id}`)).status).toBe(404);
    expect((await kari.get(`/api/threads/${thread.id}`)).status).toBe(200);
    expect((await kari.get('/api/mod/queue')).status).toBe(403);
    expect((await app.client().get('/api/mod/queue')).status).toBe(401);
  });

  it('should show anonymous and guest authors to moderators as anonymous', async () => {
    const kari = await newUser(app);
    const anon = await newThread(kari, pre, { anonymous: true });
    const guestThread = await app
      .client()
      .post(`/api/categories/${pre}/threads`, { title: 'Fra en gjest', body: 'Hei' });
    expect(guestThread.status).toBe(201);
    const items = await queue(mod);
    const a = items.find((i) => i.content.threadId === anon.id)!;
    const g = items.find((i) => i.content.threadId === guestThread.body.id)!;
    expect(a.content.author).toEqual({ kind: 'anonymous', alias: 'Anonym 1' });
    expect(g.content.author).toEqual({ kind: 'guest', alias: 'Gjest 1' });
    expect(g.reasons).toEqual(['category_pre', 'guest']);
    expect(JSON.stringify(a)).not.toContain(kari.user!.username);
    expect(JSON.stringify(a)).not.toContain(kari.user!.id);
  });

  it('should approve with the moderator’s edit applied first, so the first version is never public', async () => {
    const kari = await newUser(app);
    const thread = await newThread(kari, pre, {
      title: 'Min erfaring',
      body: 'Legen min heter Ola Nordmann på DPS Vest',
    });
    const item = (await itemFor(mod, thread.posts.items[0].id))!;
    const res = await mod.post(`/api/mod/queue/${item.id}/approve`, {
      body: 'Legen min på DPS-et',
      note: 'fjernet navn',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: item.id, status: 'approved' });
    const t = await app.client().get(`/api/threads/${thread.id}`);
    expect(t.status).toBe(200);
    expect(t.body.posts.items[0].bodyHtml).toContain('Legen min på DPS-et');
    expect(JSON.stringify(t.body)).not.toContain('Ola Nordmann');
    expect(await itemFor(mod, thread.posts.items[0].id)).toBeUndefined();
    const audit = await sql(app, `SELECT action, actor_id, target_id, reason FROM audit_log WHERE target_id = $1`, [
      thread.posts.items[0].id,
    ]);
    expect(audit).toEqual([
      { action: 'approve', actor_id: mod.user!.id, target_id: thread.posts.items[0].id, reason: 'fjernet navn' },
    ]);
    const notes = await kari.get('/api/me/notifications');
    expect(notes.body.items[0]).toMatchObject({
      type: 'approved',
      link: `/trad/${thread.id}#post-${thread.posts.items[0].id}`,
      readAt: null,
    });
  });

  it('should reject with a reason the author sees beside the post, in a notification and on a guest’s receipt', async () => {
    const kari = await newUser(app);
    const thread = await newThread(kari, pre);
    const item = (await itemFor(mod, thread.posts.items[0].id))!;
    const reasons = await mod.get('/api/mod/reasons');
    expect(reasons.status).toBe(200);
    const reason = reasons.body[0].text as string;
    expect((await mod.post(`/api/mod/queue/${item.id}/reject`, { reason })).status).toBe(200);
    const mine = await kari.get('/api/me/posts');
    expect(mine.body.items.find((p: { id: string }) => p.id === thread.posts.items[0].id)).toMatchObject({
      status: 'rejected',
      rejectionReason: reason,
    });
    const notes = await kari.get('/api/me/notifications');
    expect(notes.body.items[0].type).toBe('rejected');
    expect(notes.body.items[0].text).toContain(reason);

    const guest = app.client();
    const g = await guest.post(`/api/categories/${open}/threads`, { title: 'Gjest', body: 'Et innlegg fra en gjest' });
    const gItem = (await itemFor(mod, g.body.posts.items[0].id))!;
    expect(gItem.reasons).toEqual(['guest']);
    expect(
      (await mod.post(`/api/mod/queue/${gItem.id}/reject`, { reason: 'Ikke i tråd med retningslinjene.' })).status,
    ).toBe(200);
    const receipt = await guest.get(`/api/receipts/${g.body.receiptToken}`);
    expect(receipt.body).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Ikke i tråd med retningslinjene.',
      body: 'Et innlegg fra en gjest',
    });
  });

  it('should refuse bad input with a clear 400 and change nothing', async () => {
    const kari = await newUser(app);
    const thread = await newThread(kari, pre);
    const item = (await itemFor(mod, thread.posts.items[0].id))!;
    expect((await mod.post(`/api/mod/queue/${item.id}/reject`, { reason: '' })).status).toBe(400);
    expect((await mod.post(`/api/mod/queue/${item.id}/reject`, {})).status).toBe(400);
    expect((await mod.post(`/api/mod/queue/${item.id}/approve`, { body: '   ' })).status).toBe(400);
    expect((await mod.post(`/api/mod/queue/${item.id}/approve`, { extra: 1 })).status).toBe(400);
    expect((await mod.post('/api/mod/queue/not-an-id/approve', {})).status).toBe(400);
    expect((await mod.post('/api/mod/queue/00000000-0000-4000-8000-000000000000/approve', {})).status).toBe(404);
    expect((await mod.get('/api/mod/queue?cursor=nonsense')).status).toBe(400);
    expect(await itemFor(mod, thread.posts.items[0].id)).toMatchObject({ id: item.id });
  });

  it('should undo a rejection within 10 minutes and refuse after', async () => {
    const kari = await newUser(app);
    const thread = await newThread(kari, pre);
    const postId = thread.posts.items[0].id;
    const item = (await itemFor(mod, postId))!;
    await mod.post(`/api/mod/queue/${item.id}/reject`, { reason: 'Feil kategori.' });
    const undo = await mod.post(`/api/mod/queue/${item.id}/undo`);
    expect(undo.status).toBe(200);
    const back = await itemFor(mod, postId);
    expect(back).toMatchObject({ id: item.id, type: 'thread', claimedBy: { id: mod.user!.id } });
    expect((await kari.get('/api/me/posts')).body.items.find((p: { id: string }) => p.id === postId)).toMatchObject({
      status: 'pending',
    });
    expect(
      (await kari.get('/api/me/notifications')).body.items.filter((n: { type: string }) => n.type === 'rejected'),
    ).toHaveLength(0);
    // Claimed by the one who undid it: another moderator waits.
    expect((await mod2.post(`/api/mod/queue/${item.id}/approve`, {})).status).toBe(409);

    await mod.post(`/api/mod/queue/${item.id}/reject`, { reason: 'Feil kategori likevel.' });
    await sql(app, `UPDATE moderation_queue SET resolved_at = now() - interval '11 minutes' WHERE id = $1`, [item.id]);
    const late = await mod.post(`/api/mod/queue/${item.id}/undo`);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('undo_window_passed');
    const audit = await sql<{ action: string }>(
      app,
      `SELECT action FROM audit_log WHERE target_id = $1 ORDER BY created_at`,
      [postId],
    );
    expect(audit.map((a) => a.action)).toEqual(['reject', 'undo', 'reject']);
  });

  it('should let a claim keep other moderators off an item', async () => {
    const kari = await newUser(app);
    const thread = await newThread(kari, pre);
    const item = (await itemFor(mod, thread.posts.items[0].id))!;
    const claim = await mod.post(`/api/mod/queue/${item.id}/claim`);
    expect(claim.status).toBe(200);
    expect(claim.body.claimedBy).toMatchObject({ id: mod.user!.id, username: mod.user!.username });
    expect((await itemFor(mod2, thread.posts.items[0].id))!.claimedBy).toMatchObject({ id: mod.user!.id });
    const other = await mod2.post(`/api/mod/queue/${item.id}/claim`);
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('claimed');
    expect((await mod2.post(`/api/mod/queue/${item.id}/reject`, { reason: 'Nei takk.' })).status).toBe(409);
    // A claim lapses after 15 minutes, so an abandoned item does not wait unseen.
    await sql(app, `UPDATE moderation_queue SET claimed_at = now() - interval '16 minutes' WHERE id = $1`, [item.id]);
    expect((await itemFor(mod2, thread.posts.items[0].id))!.claimedBy).toBeNull();
    expect((await mod2.post(`/api/mod/queue/${item.id}/approve`, {})).status).toBe(200);
    expect((await mod.post(`/api/mod/queue/${item.id}/approve`, {})).status).toBe(409);
  });

  it('should let exactly one of many concurrent decisions win, and apply it once', async () => {
    const moderators = [mod, mod2, await newUser(app, 'moderator'), await newUser(app, 'admin')];
    const kari = await newUser(app);
    const thread = await newThread(kari, open);
    const replyPost = await app.client().post(`/api/threads/${thread.id}/posts`, { body: 'Et svar fra en gjest' });
    const item = (await itemFor(mod, replyPost.body.id))!;
    const attempts = Array.from({ length: 16 }, (_, i) => {
      const who = moderators[i % moderators.length];
      return i % 2 === 0
        ? who.post(`/api/mod/queue/${item.id}/approve`, {})
        : who.post(`/api/mod/queue/${item.id}/reject`, { reason: 'For sent.' });
    });
    const results = await Promise.all(attempts);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(15);
    expect(results.every((r) => r.status === 200 || ['already_handled', 'claimed'].includes(r.body.code))).toBe(true);
    const audit = await sql(app, `SELECT action FROM audit_log WHERE target_id = $1`, [replyPost.body.id]);
    expect(audit).toHaveLength(1);
    const history = await sql<{ event: string }>(
      app,
      `SELECT event FROM moderation_history WHERE item_id = $1 ORDER BY created_at`,
      [item.id],
    );
    expect(history.map((h) => h.event)).toEqual(['queued', audit[0].action === 'approve' ? 'approved' : 'rejected']);
    const [t] = await sql<{ reply_count: number }>(app, 'SELECT reply_count FROM threads WHERE id = $1', [thread.id]);
    expect(t.reply_count).toBe(audit[0].action === 'approve' ? 1 : 0);
  });

  it('should hold new members until they have enough approved posts', async () => {
    await setSettings(app, { newMemberReviewCount: 1 });
    try {
      const nina = await newUser(app);
      const first = await newThread(nina, open);
      expect(first.status).toBe('pending');
      const item = (await itemFor(mod, first.posts.items[0].id))!;
      expect(item.reasons).toEqual(['new_member']);
      await mod.post(`/api/mod/queue/${item.id}/approve`, {});
      await new Promise((r) => setTimeout(r, 2_100)); // the settings cache
      const second = await reply(nina, first.id, 'Nå publiseres det med en gang');
      expect(second.status).toBe('published');
    } finally {
      await setSettings(app, { newMemberReviewCount: 0 });
    }
  });

  it('should send an edit in a pre category back to the queue', async () => {
    const kari = await newUser(app);
    const thread = await newThread(kari, pre);
    const postId = thread.posts.items[0].id;
    const item = (await itemFor(mod, postId))!;
    await mod.post(`/api/mod/queue/${item.id}/approve`, {});
    const edit = await kari.patch(`/api/posts/${postId}`, { body: 'En endret tekst' });
    expect(edit.status).toBe(200);
    expect(edit.body.status).toBe('pending');
    const again = await itemFor(mod, postId);
    expect(again).toMatchObject({ type: 'thread', reasons: ['category_pre'] });
    expect(again!.id).not.toBe(item.id);
  });

  it('should withdraw an item when its author deletes the post', async () => {
    const kari = await newUser(app);
    const thread = await newThread(kari, open);
    const r = await app.client().post(`/api/threads/${thread.id}/posts`, { body: 'gjest' });
    expect(await itemFor(mod, r.body.id)).toBeDefined();
    await mod.delete(`/api/posts/${r.body.id}`);
    expect(await itemFor(mod, r.body.id)).toBeUndefined();
    const [row] = await sql<{ status: string }>(app, 'SELECT status FROM moderation_queue WHERE post_id = $1', [
      r.body.id,
    ]);
    expect(row.status).toBe('withdrawn');
  });

  it('should page the queue with a cursor, crisis first, then oldest', async () => {
    const all = await queue(mod);
    const first = await mod.get('/api/mod/queue?limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await mod.get(`/api/mod/queue?limit=2&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...second.body.items].map((i: { id: string }) => i.id)).toEqual(
      all.slice(0, 4).map((i) => i.id),
    );
    const ranks = all.map((i) => (i.priority === 'crisis' ? 0 : 1));
    expect([...ranks].sort()).toEqual(ranks);
    const normal = all.filter((i) => i.priority === 'normal').map((i) => i.createdAt);
    expect([...normal].sort()).toEqual(normal);
  });

  it('should tell moderators live over /mod, and refuse others at the handshake', async () => {
    const member = await newUser(app);
    expect((await refused(app, '/mod', member)).data?.code).toBe('forbidden');
    expect((await refused(app, '/mod')).data?.code).toBe('unauthenticated');
    const socket = await connect(app, '/mod', mod);
    try {
      const before = (await mod.get('/api/mod/stats')).body.pending as number;
      // The socket also gets the counts as they are on connecting: wait for the one after the write.
      const changed = nextEvent<{ pending: number; crisisPending: number }>(
        socket,
        'queue:changed',
        (c) => c.pending === before + 1,
      );
      await newThread(member, pre);
      const counts = await changed;
      expect(counts).toEqual({ pending: before + 1, crisisPending: expect.any(Number) });
    } finally {
      socket.close();
    }
  });

  it('should report stats, duty and whether the forum is staffed', async () => {
    expect((await app.client().get('/api/status')).body).toEqual({ staffed: false });
    const on = await mod.post('/api/mod/duty', { onDuty: true });
    expect(on.status).toBe(200);
    expect(on.body.onDuty).toBe(true);
    expect(new Date(on.body.until).getTime()).toBeGreaterThan(Date.now() + 7 * 3600_000);
    expect((await app.client().get('/api/status')).body).toEqual({ staffed: true });
    const stats = await mod.get('/api/mod/stats');
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({
      pending: expect.any(Number),
      crisisPending: expect.any(Number),
      flagsOpen: expect.any(Number),
    });
    expect(stats.body.oldestWaitingSeconds).toBeGreaterThanOrEqual(0);
    expect(stats.body.medianWaitSeconds).toBeGreaterThanOrEqual(0);
    expect(stats.body.onDuty).toEqual([
      { username: mod.user!.username, displayName: mod.user!.displayName, until: on.body.until },
    ]);
    expect((await mod.post('/api/mod/duty', { onDuty: false })).body).toEqual({ onDuty: false, until: null });
    expect((await app.client().get('/api/status')).body).toEqual({ staffed: false });
    expect((await mod.post('/api/mod/duty', { onDuty: 'yes' })).status).toBe(400);
    expect((await (await newUser(app, 'host')).post('/api/mod/duty', { onDuty: true })).status).toBe(403);
  });

  it('should measure the median wait over the last seven days of decisions', async () => {
    await sql(
      app,
      `UPDATE moderation_queue SET created_at = resolved_at - interval '100 seconds' WHERE resolved_by IS NOT NULL`,
    );
    const stats = await mod.get('/api/mod/stats');
    expect(stats.body.medianWaitSeconds).toBe(100);
  });
});
