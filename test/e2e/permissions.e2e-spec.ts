import { asAdmin, newUser } from '../support/factories.js';
import { must, newCategory, newThread, reply, setSettings, sql } from '../support/forum.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

/**
 * Posts, threads and categories carry what the caller may do with them (canEdit, canReply, …),
 * answered by the policy (docs/decisions/0023-permissions-in-the-dtos.md), so the web shows
 * what the server would honour. Each answer is checked against the endpoint it stands for.
 */
interface PostAnswers {
  id: string;
  canEdit: boolean;
  canDelete: boolean;
  canFlag: boolean;
  flagReasons: string[];
  canHide: boolean;
  canRestore: boolean;
  canSanction: boolean;
}

const ALL_REASONS = ['crisis', 'harassment', 'personal_info', 'spam', 'off_topic', 'other'];

async function postAs(client: TestClient, threadId: string, postId: string): Promise<PostAnswers> {
  const thread = must(await client.get(`/api/threads/${threadId}`), 200).body;
  const post = (thread.posts.items as PostAnswers[]).find((p) => p.id === postId);
  if (!post) throw new Error(`post ${postId} not in the thread`);
  return post;
}

const answers = (p: PostAnswers) => ({
  canEdit: p.canEdit,
  canDelete: p.canDelete,
  canFlag: p.canFlag,
  flagReasons: p.flagReasons,
  canHide: p.canHide,
  canRestore: p.canRestore,
  canSanction: p.canSanction,
});

async function categories(client: TestClient): Promise<Record<string, unknown>> {
  const list = must(await client.get('/api/categories'), 200).body as { slug: string }[];
  return Object.fromEntries(list.map((c) => [c.slug, c]));
}

describe('permission answers in the DTOs', () => {
  let app: TestApp;
  let slug: string;
  let kari: TestClient;
  let ola: TestClient;
  let muted: TestClient;
  let moderator: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    await setSettings(app, { newMemberReviewCount: 0 });
    slug = await newCategory(app, { allowAnonymous: true, allowGuests: true });
    [kari, ola, muted, moderator] = await Promise.all([
      newUser(app),
      newUser(app),
      newUser(app),
      newUser(app, 'moderator'),
    ]);
    must(
      await moderator.post('/api/mod/sanctions', { target: { userId: muted.user!.id }, kind: 'mute', reason: 'Pause' }),
      201,
    );
  });
  afterAll(() => app.stop());

  it('should tell each caller what they may do with a post, and the endpoints should agree', async () => {
    const thread = await newThread(kari, slug);
    const postId = thread.posts.items[0].id;
    const mutedPost = await reply(ola, thread.id, 'Et svar fra Ola');
    const guest = app.client();
    const none = { canEdit: false, canDelete: false, canHide: false, canRestore: false, canSanction: false };

    expect(answers(await postAs(kari, thread.id, postId))).toEqual({
      ...none,
      canEdit: true,
      canDelete: true,
      canFlag: false,
      flagReasons: [],
    });
    expect(answers(await postAs(ola, thread.id, postId))).toEqual({ ...none, canFlag: true, flagReasons: ALL_REASONS });
    expect(answers(await postAs(guest, thread.id, postId))).toEqual({
      ...none,
      canFlag: true,
      flagReasons: ['crisis'],
    });
    expect(answers(await postAs(muted, thread.id, postId))).toEqual({
      ...none,
      canFlag: true,
      flagReasons: ['crisis'],
    });
    expect(answers(await postAs(moderator, thread.id, postId))).toEqual({
      canEdit: true,
      canDelete: true,
      canFlag: true,
      flagReasons: ALL_REASONS,
      canHide: true,
      canRestore: false,
      canSanction: true,
    });

    // What they were told they may not do, the endpoints refuse; what they may, they accept.
    expect((await ola.patch(`/api/posts/${postId}`, { body: 'Olas ord' })).status).toBe(403);
    expect((await muted.post(`/api/posts/${postId}/flags`, { reason: 'spam' })).status).toBe(403);
    expect((await guest.post(`/api/posts/${postId}/flags`, { reason: 'spam' })).status).toBe(401);
    expect((await kari.post(`/api/posts/${postId}/flags`, { reason: 'spam' })).status).toBe(409);
    expect((await kari.patch(`/api/posts/${postId}`, { body: 'Rettet av Kari' })).status).toBe(200);
    expect((await moderator.patch(`/api/posts/${postId}`, { body: 'Rettet av moderator' })).status).toBe(200);
    expect((await ola.post(`/api/posts/${postId}/flags`, { reason: 'off_topic' })).status).toBe(201);

    // The moderator's own post: no sanction against themselves, no flag.
    const own = await reply(moderator, thread.id, 'Moderatorens svar');
    expect(answers(await postAs(moderator, thread.id, own.id))).toMatchObject({
      canEdit: true,
      canSanction: false,
      canFlag: false,
    });
    expect(answers(await postAs(ola, thread.id, mutedPost.id))).toMatchObject({ canEdit: true, canDelete: true });
  });

  it('should take the edit button away after the edit window, but not from moderators', async () => {
    const thread = await newThread(kari, slug);
    const postId = thread.posts.items[0].id;
    await sql(app, `UPDATE posts SET created_at = now() - interval '25 hours' WHERE id = $1`, [postId]);
    const late = await postAs(kari, thread.id, postId);
    expect(late).toMatchObject({ canEdit: false, canDelete: true });
    expect((await kari.patch(`/api/posts/${postId}`, { body: 'for sent' })).body.code).toBe('edit_window_passed');
    expect((await postAs(moderator, thread.id, postId)).canEdit).toBe(true);
  });

  it('should tell a muted member they may delete but not edit their posts, nor reply', async () => {
    const author = await newUser(app);
    const thread = await newThread(author, slug);
    const postId = thread.posts.items[0].id;
    must(
      await moderator.post('/api/mod/sanctions', {
        target: { userId: author.user!.id },
        kind: 'mute',
        reason: 'Pause',
      }),
      201,
    );
    const body = must(await author.get(`/api/threads/${thread.id}`), 200).body;
    expect(body).toMatchObject({ canReply: false, canReplyAnonymously: false, canModerate: false });
    expect(answers(body.posts.items[0])).toMatchObject({ canEdit: false, canDelete: true, canFlag: false });
    expect((await author.patch(`/api/posts/${postId}`, { body: 'nytt' })).body.code).toBe('muted');
    expect((await author.post(`/api/threads/${thread.id}/posts`, { body: 'svar' })).body.code).toBe('muted');
  });

  it('should say who may reply to a locked thread and who may lock it', async () => {
    const thread = await newThread(kari, slug);
    const before = must(await kari.get(`/api/threads/${thread.id}`), 200).body;
    expect(before).toMatchObject({ canReply: true, canReplyAnonymously: true, canModerate: false });
    expect((await moderator.get(`/api/threads/${thread.id}`)).body.canModerate).toBe(true);
    must(await moderator.patch(`/api/mod/threads/${thread.id}`, { locked: true }), 200);
    expect((await kari.get(`/api/threads/${thread.id}`)).body).toMatchObject({ canReply: false, canModerate: false });
    expect((await kari.post(`/api/threads/${thread.id}/posts`, { body: 'svar' })).status).toBe(423);
    expect((await kari.patch(`/api/mod/threads/${thread.id}`, { locked: false })).status).toBe(403);
    const asModerator = must(await moderator.get(`/api/threads/${thread.id}`), 200).body;
    expect(asModerator).toMatchObject({ canReply: true, canModerate: true });
    expect((await moderator.post(`/api/threads/${thread.id}/posts`, { body: 'Derfor er tråden låst' })).status).toBe(
      201,
    );
    // The locked thread's posts can't be edited by their author any more.
    expect((await postAs(kari, thread.id, thread.posts.items[0].id)).canEdit).toBe(false);
  });

  it('should tell guests where they may write, never anonymously', async () => {
    const guest = app.client();
    const strict = await newCategory(app, { allowAnonymous: false, allowGuests: false });
    const open = await newThread(kari, slug);
    const closed = await newThread(kari, strict);
    expect((await guest.get(`/api/threads/${open.id}`)).body).toMatchObject({
      canReply: true,
      canReplyAnonymously: false,
    });
    expect((await guest.get(`/api/threads/${closed.id}`)).body).toMatchObject({ canReply: false });
    expect((await guest.post(`/api/threads/${closed.id}/posts`, { body: 'hei' })).status).toBe(401);
    expect((await kari.get(`/api/threads/${closed.id}`)).body).toMatchObject({
      canReply: true,
      canReplyAnonymously: false,
    });
    expect((await kari.post(`/api/threads/${closed.id}/posts`, { body: 'hei', anonymous: true })).status).toBe(400);

    expect((await categories(guest))[slug]).toMatchObject({ canPost: true, canPostAnonymously: false });
    expect((await categories(kari))[slug]).toMatchObject({ canPost: true, canPostAnonymously: true });
    expect((await categories(kari))[strict]).toMatchObject({ canPost: true, canPostAnonymously: false });
    expect((await categories(muted))[slug]).toMatchObject({ canPost: false, canPostAnonymously: false });
    expect((await categories(guest))[strict]).toMatchObject({ canPost: false, canPostAnonymously: false });
  });

  it('should offer a moderator restore on a hidden post and hide on a published one', async () => {
    const admin = await asAdmin(app);
    const thread = await newThread(kari, slug);
    const r = await reply(ola, thread.id, 'Noe som skjules');
    must(await moderator.post(`/api/mod/posts/${r.id}/hide`, { reason: 'Sjekkes' }), 200);
    expect(await postAs(admin, thread.id, r.id)).toMatchObject({ canHide: false, canRestore: true });
    expect(await postAs(ola, thread.id, r.id)).toMatchObject({ canHide: false, canRestore: false, canEdit: false });
    must(await moderator.post(`/api/mod/posts/${r.id}/restore`, { reason: 'Greit' }), 200);
    expect(await postAs(admin, thread.id, r.id)).toMatchObject({ canHide: true, canRestore: false });
    must(await ola.delete(`/api/posts/${r.id}`), 204);
    expect(await postAs(ola, thread.id, r.id)).toMatchObject({ canEdit: false, canDelete: false, canFlag: false });
  });
});
