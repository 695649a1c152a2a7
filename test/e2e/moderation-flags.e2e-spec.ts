import { newUser } from '../support/factories.js';
import { newCategory, newThread, reply, setSettings } from '../support/forum.js';
import { ageAccount, itemFor, queue, sql } from '../support/moderation.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

describe('flags', () => {
  let app: TestApp;
  let mod: TestClient;
  let slug: string;

  /** A member whose flags count towards hiding (old enough, past the new-member review). */
  async function goodMember(): Promise<TestClient> {
    const user = await newUser(app);
    await ageAccount(app, user.user!.id);
    return user;
  }

  async function publishedPost(
    author?: TestClient,
    anonymous = false,
  ): Promise<{ threadId: string; postId: string; author: TestClient }> {
    const writer = author ?? (await newUser(app));
    const thread = await newThread(writer, slug, { body: 'Et innlegg noen vil flagge', anonymous });
    return { threadId: thread.id, postId: thread.posts.items[0].id, author: writer };
  }

  beforeAll(async () => {
    app = await startTestApp();
    await setSettings(app, { newMemberReviewCount: 0, flagHideThreshold: 3 });
    mod = await newUser(app, 'moderator');
    slug = await newCategory(app, { moderation: 'post', allowGuests: true, allowAnonymous: true });
  });
  afterAll(() => app.stop());

  it('should let a member flag a post once, with any reason, and queue it without naming them', async () => {
    const { postId, author } = await publishedPost();
    const ola = await goodMember();
    const res = await ola.post(`/api/posts/${postId}/flags`, {
      reason: 'harassment',
      note: 'Sjikanerer en annen bruker',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      reason: 'harassment',
      note: 'Sjikanerer en annen bruker',
      createdAt: expect.any(String),
    });
    const again = await ola.post(`/api/posts/${postId}/flags`, { reason: 'spam' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_flagged');
    const item = (await itemFor(mod, postId))!;
    expect(item).toMatchObject({
      type: 'flag',
      priority: 'normal',
      reasons: ['harassment'],
      content: { postId, status: 'published' },
    });
    expect(item.flags).toEqual([
      { reason: 'harassment', note: 'Sjikanerer en annen bruker', createdAt: expect.any(String) },
    ]);
    // Nothing shows the flagger: not the queue, not the author's view, not the audit log.
    expect(JSON.stringify(item)).not.toContain(ola.user!.username);
    expect(JSON.stringify(item)).not.toContain(ola.user!.id);
    expect(JSON.stringify((await author.get('/api/me/posts')).body)).not.toContain('harassment');
    expect(JSON.stringify((await author.get('/api/me/notifications')).body)).not.toContain(ola.user!.username);
    expect(await sql(app, `SELECT 1 FROM audit_log WHERE target_id = $1`, [postId])).toEqual([]);
  });

  it('should let guests flag only a crisis, and refuse flagging one’s own post', async () => {
    const { postId, author } = await publishedPost();
    const guest = app.client();
    const spam = await guest.post(`/api/posts/${postId}/flags`, { reason: 'spam' });
    expect(spam.status).toBe(401);
    expect(await itemFor(mod, postId)).toBeUndefined();
    const own = await author.post(`/api/posts/${postId}/flags`, { reason: 'other' });
    expect(own.status).toBe(409);
    expect(own.body.code).toBe('own_post');
    expect((await guest.post(`/api/posts/${postId}/flags`, { reason: 'crisis' })).status).toBe(201);
    expect((await guest.post(`/api/posts/${postId}/flags`, { reason: 'crisis' })).status).toBe(201);
  });

  it('should refuse bad flags with a clear 4xx and change nothing', async () => {
    const { postId } = await publishedPost();
    const ola = await goodMember();
    expect((await ola.post(`/api/posts/${postId}/flags`, { reason: 'ugly' })).status).toBe(400);
    expect((await ola.post(`/api/posts/${postId}/flags`, {})).status).toBe(400);
    expect((await ola.post(`/api/posts/${postId}/flags`, { reason: 'spam', note: 'x'.repeat(1001) })).status).toBe(400);
    expect((await ola.post(`/api/posts/${postId}/flags`, { reason: 'spam', by: 'me' })).status).toBe(400);
    expect((await ola.post('/api/posts/nope/flags', { reason: 'spam' })).status).toBe(400);
    expect((await ola.post('/api/posts/00000000-0000-4000-8000-000000000000/flags', { reason: 'spam' })).status).toBe(
      404,
    );
    expect(await itemFor(mod, postId)).toBeUndefined();
    expect((await ola.post(`/api/posts/${postId}/flags`, { reason: 'spam' })).status).toBe(201);
  });

  it('should put a crisis flag at the head of the queue without hiding the post, and say whether anyone is on duty', async () => {
    const normal = await publishedPost();
    await (await goodMember()).post(`/api/posts/${normal.postId}/flags`, { reason: 'spam' });
    const { postId, threadId } = await publishedPost();
    const res = await app
      .client()
      .post(`/api/posts/${postId}/flags`, { reason: 'crisis', note: 'Skriver om å ta livet sitt' });
    expect(res.status).toBe(201);
    expect(res.body.staffed).toBe(false);
    const items = await queue(mod);
    const ours = items.findIndex((i) => i.content.postId === postId);
    expect(items[ours]).toMatchObject({ priority: 'crisis', type: 'flag', content: { postId, threadId } });
    // Ahead of every ordinary item, however old.
    expect(ours).toBeLessThan(items.findIndex((i) => i.content.postId === normal.postId));
    expect(items.slice(0, ours).every((i) => i.priority === 'crisis')).toBe(true);
    expect((await app.client().get(`/api/threads/${threadId}`)).body.posts.items[0]).toMatchObject({
      status: 'published',
    });
    expect((await mod.get('/api/mod/stats')).body.crisisPending).toBeGreaterThanOrEqual(1);
    // A later, ordinary flag on the same post joins the same item, which stays a crisis.
    await (await goodMember()).post(`/api/posts/${postId}/flags`, { reason: 'off_topic' });
    const item = (await itemFor(mod, postId))!;
    expect(item).toMatchObject({ priority: 'crisis', reasons: ['crisis', 'off_topic'] });
    expect(item.flags.map((f) => f.reason)).toEqual(['crisis', 'off_topic']);
    await mod.post('/api/mod/duty', { onDuty: true });
    const staffed = await app.client().post(`/api/posts/${normal.postId}/flags`, { reason: 'crisis' });
    expect(staffed.body.staffed).toBe(true);
    await mod.post('/api/mod/duty', { onDuty: false });
  });

  it('should hide a post only at the threshold of flags from members in good standing', async () => {
    const { postId, threadId, author } = await publishedPost(undefined, true);
    const publicStatus = async () => (await app.client().get(`/api/threads/${threadId}`)).body.posts.items[0];
    // Three brand-new accounts: no one can silence someone by registering a few.
    for (let i = 0; i < 3; i++)
      expect((await (await newUser(app)).post(`/api/posts/${postId}/flags`, { reason: 'harassment' })).status).toBe(
        201,
      );
    expect((await publicStatus()).status).toBe('published');
    // A muted member may still say someone is in danger, but it does not count towards hiding.
    const muted = await goodMember();
    expect(
      (await mod.post('/api/mod/sanctions', { target: { userId: muted.user!.id }, kind: 'mute', reason: 'Avkjøling' }))
        .status,
    ).toBe(201);
    const mutedFlag = await muted.post(`/api/posts/${postId}/flags`, { reason: 'harassment' });
    expect(mutedFlag.status).toBe(403);
    expect(mutedFlag.body.code).toBe('muted');
    expect((await muted.post(`/api/posts/${postId}/flags`, { reason: 'crisis' })).status).toBe(201);
    expect((await publicStatus()).status).toBe('published');
    const a = await goodMember();
    const b = await goodMember();
    await a.post(`/api/posts/${postId}/flags`, { reason: 'harassment' });
    await b.post(`/api/posts/${postId}/flags`, { reason: 'personal_info' });
    expect((await publicStatus()).status).toBe('published');
    await (await goodMember()).post(`/api/posts/${postId}/flags`, { reason: 'harassment' });
    const hidden = await publicStatus();
    expect(hidden).toMatchObject({ status: 'hidden', bodyHtml: '' });
    // The author still sees their words, and is told why they are hidden (not by whom).
    expect((await author.get(`/api/threads/${threadId}`)).body.posts.items[0].bodyHtml).not.toBe('');
    const notes = (await author.get('/api/me/notifications')).body.items;
    expect(notes[0]).toMatchObject({ type: 'hidden' });
    // Reviewed and found fine: shown again, the flags dismissed.
    const item = (await itemFor(mod, postId))!;
    expect(item.flags).toHaveLength(7);
    expect((await mod.post(`/api/mod/queue/${item.id}/approve`, {})).status).toBe(200);
    expect((await publicStatus()).status).toBe('published');
    const flags = await sql<{ status: string }>(app, 'SELECT DISTINCT status FROM flags WHERE post_id = $1', [postId]);
    expect(flags).toEqual([{ status: 'dismissed' }]);
    expect((await author.get('/api/me/notifications')).body.items[0]).toMatchObject({ type: 'restored' });
  });

  it('should reject a flagged post with the reason told to its author, resolving the flags', async () => {
    const { postId, author } = await publishedPost();
    await (await goodMember()).post(`/api/posts/${postId}/flags`, { reason: 'spam' });
    const item = (await itemFor(mod, postId))!;
    expect((await mod.post(`/api/mod/queue/${item.id}/reject`, { reason: 'Reklame er ikke lov her.' })).status).toBe(
      200,
    );
    expect((await author.get('/api/me/posts')).body.items[0]).toMatchObject({
      id: postId,
      status: 'rejected',
      rejectionReason: 'Reklame er ikke lov her.',
    });
    expect(await sql(app, 'SELECT status FROM flags WHERE post_id = $1', [postId])).toEqual([{ status: 'resolved' }]);
    // Undone: back to published and back in the queue with its flag open.
    expect((await mod.post(`/api/mod/queue/${item.id}/undo`)).status).toBe(200);
    expect((await author.get('/api/me/posts')).body.items[0]).toMatchObject({ id: postId, status: 'published' });
    expect((await itemFor(mod, postId))!.flags).toHaveLength(1);
  });

  it('should hide and restore a post by a moderator, with a reason, audited and told to the author', async () => {
    const { postId, threadId, author } = await publishedPost();
    await (await goodMember()).post(`/api/posts/${postId}/flags`, { reason: 'other' });
    const hide = await mod.post(`/api/mod/posts/${postId}/hide`, { reason: 'Avventer avklaring' });
    expect(hide.status).toBe(200);
    expect(hide.body.status).toBe('hidden');
    expect(await itemFor(mod, postId)).toBeUndefined();
    expect((await app.client().get(`/api/threads/${threadId}`)).body.posts.items[0]).toMatchObject({
      status: 'hidden',
      bodyHtml: '',
    });
    expect((await mod.post(`/api/mod/posts/${postId}/hide`, { reason: 'Igjen' })).status).toBe(409);
    expect((await author.post(`/api/mod/posts/${postId}/restore`, { reason: 'Selv' })).status).toBe(403);
    expect((await mod.post(`/api/mod/posts/${postId}/restore`, { reason: '' })).status).toBe(400);
    const restore = await mod.post(`/api/mod/posts/${postId}/restore`, { reason: 'Avklart, innlegget er i orden.' });
    expect(restore.status).toBe(200);
    expect(restore.body.status).toBe('published');
    const audit = await sql<{ action: string; reason: string }>(
      app,
      'SELECT action, reason FROM audit_log WHERE target_id = $1 ORDER BY created_at',
      [postId],
    );
    expect(audit).toEqual([
      { action: 'hide', reason: 'Avventer avklaring' },
      { action: 'restore', reason: 'Avklart, innlegget er i orden.' },
    ]);
    const types = (await author.get('/api/me/notifications')).body.items.map((n: { type: string }) => n.type);
    expect(types.slice(0, 2)).toEqual(['restored', 'hidden']);
  });

  it('should not take flags on a post that is not shown to others', async () => {
    const pre = await newCategory(app, { moderation: 'pre' });
    const kari = await newUser(app);
    const thread = await newThread(kari, pre);
    const res = await (await goodMember()).post(`/api/posts/${thread.posts.items[0].id}/flags`, { reason: 'spam' });
    expect(res.status).toBe(404);
    const r = await reply(kari, (await publishedPost()).threadId, 'svar');
    await mod.post(`/api/mod/posts/${r.id}/hide`, { reason: 'Skjult' });
    const hidden = await (await goodMember()).post(`/api/posts/${r.id}/flags`, { reason: 'spam' });
    expect(hidden.status).toBe(409);
  });
});

describe('flags: rate limits', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_SCALE: '1' });
    await setSettings(app, { newMemberReviewCount: 0 });
  });
  afterAll(() => app.stop());

  it('should rate-limit guests’ flags per address with Retry-After', async () => {
    const slug = await newCategory(app, { allowGuests: true });
    const kari = await newUser(app);
    const thread = await newThread(kari, slug);
    const posts = [thread.posts.items[0].id];
    for (let i = 0; i < 5; i++) posts.push((await reply(kari, thread.id, `svar ${i}`)).id);
    const guest = app.client();
    for (const id of posts.slice(0, 5))
      expect((await guest.post(`/api/posts/${id}/flags`, { reason: 'crisis' })).status).toBe(201);
    const limited = await guest.post(`/api/posts/${posts[5]}/flags`, { reason: 'crisis' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
