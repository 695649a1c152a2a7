import { PostsRepository, type ThreadGuard } from '../../apps/api/src/forum/posts.repository.js';
import { asAdmin, newUser } from '../support/factories.js';
import { must, newCategory, newThread, reply, setSettings } from '../support/forum.js';
import { sql } from '../support/moderation.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

const notesOf = async (client: TestClient) =>
  (await client.get('/api/me/notifications?limit=100')).body.items as { type: string; link: string }[];

/**
 * Issue 19: a named member's published reply is one statement with no transaction around it, the
 * thread locked only while it runs and only if the thread is still as the policy saw it
 * (decision 0046); anything else is written under the thread's lock. Both kinds at once must
 * leave every count right.
 */
describe('a reply written in one statement', () => {
  let app: TestApp;
  let admin: TestClient;
  let slug: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await asAdmin(app);
    await setSettings(app, { newMemberReviewCount: 0 });
    slug = await newCategory(app, { allowAnonymous: true });
  });
  afterAll(() => app?.stop());

  const guardOf = async (threadId: string): Promise<ThreadGuard> =>
    (
      await sql<ThreadGuard>(
        app,
        `SELECT t.category_id, t.status, t.locked, c.visibility, c.moderation, c.allow_anonymous, c.allow_guests, t.author_id
         FROM threads t JOIN categories c ON c.id = t.category_id WHERE t.id = $1`,
        [threadId],
      )
    )[0];
  const storedIn = async (threadId: string) =>
    (
      await sql<{ posts: number; replies: number; notes: number }>(
        app,
        `SELECT (SELECT count(*)::int FROM posts WHERE thread_id = $1) AS posts,
                (SELECT reply_count FROM threads WHERE id = $1) AS replies,
                (SELECT count(*)::int FROM notifications WHERE thread_id = $1) AS notes`,
        [threadId],
      )
    )[0];
  const attempt = async (threadId: string, seen: ThreadGuard, writer: TestClient) =>
    app.server.app.get(PostsRepository).insertPublishedReply(
      seen,
      {
        id: crypto.randomUUID(),
        threadId,
        author: { kind: 'user', userId: writer.user!.id },
        alias: null,
        opening: false,
        body: 'Skrevet i ett',
        rendered: { html: '<p>Skrevet i ett</p>', text: 'Skrevet i ett' },
        title: null,
        status: 'published',
        reasons: [],
      },
      {
        userId: (await sql<{ author_id: string }>(app, 'SELECT author_id FROM threads WHERE id = $1', [threadId]))[0]
          .author_id,
        hash: null,
        scopeId: null,
        type: 'reply',
        text: 'Nytt svar',
        link: `/trad/${threadId}`,
        itemId: null,
        threadId,
      },
    );

  it('should count every reply of many written at once, named and anonymous, and tell the thread’s author of each', async () => {
    const author = await newUser(app);
    const thread = await newThread(author, slug, { title: 'Mange svar' });
    const writers = await Promise.all(Array.from({ length: 8 }, () => newUser(app)));
    const written = await Promise.all(
      writers.flatMap((w, i) => [reply(w, thread.id, `Svar ${i}a`), reply(w, thread.id, `Svar ${i}b`, i % 2 === 0)]),
    );
    expect(written.every((r) => r.status === 'published')).toBe(true);

    expect((await author.get(`/api/threads/${thread.id}`)).body.replyCount).toBe(16);
    const page = must(await author.get(`/api/threads/${thread.id}/posts?limit=50`), 200).body.items as { id: string }[];
    expect(page.map((p) => p.id).sort()).toEqual([thread.posts.items[0].id, ...written.map((r) => r.id)].sort());
    const notes = (await notesOf(author)).filter((n) => n.link.startsWith(`/trad/${thread.id}#`));
    expect(notes.map((n) => n.link).sort()).toEqual(written.map((r) => `/trad/${thread.id}#post-${r.id}`).sort());
  });

  describe('when the thread changed after the policy was asked', () => {
    it.each([
      ['locked by a moderator', (id: string) => admin.patch(`/api/mod/threads/${id}`, { locked: true })],
      [
        'moved to a closed category',
        async (id: string) =>
          admin.patch(`/api/mod/threads/${id}`, { categorySlug: await newCategory(app, { visibility: 'closed' }) }),
      ],
    ])('should write nothing when it was %s, and refuse the reply asked again', async (_what, change) => {
      const author = await newUser(app);
      const writer = await newUser(app);
      const thread = await newThread(author, slug);
      const seen = await guardOf(thread.id);
      expect(await attempt(thread.id, seen, writer)).toMatchObject({
        row: { body: 'Skrevet i ett' },
        notice: { type: 'reply' },
      });
      const before = await storedIn(thread.id);
      expect(before).toEqual({ posts: 2, replies: 1, notes: 1 });

      must(await change(thread.id), 200);
      expect(await attempt(thread.id, seen, writer)).toBeNull();
      expect(await storedIn(thread.id)).toEqual(before);
      expect((await writer.post(`/api/threads/${thread.id}/posts`, { body: 'Nå da?' })).status).toBeGreaterThanOrEqual(
        403,
      );
      expect(await storedIn(thread.id)).toEqual(before);
    });

    it('should write nothing when its category was switched to pre-moderation, and hold the reply asked again', async () => {
      const category = await newCategory(app);
      const author = await newUser(app);
      const writer = await newUser(app);
      const thread = await newThread(author, category);
      const seen = await guardOf(thread.id);
      must(await admin.patch(`/api/categories/${category}`, { moderation: 'pre' }), 200);
      expect(await attempt(thread.id, seen, writer)).toBeNull();
      expect(await storedIn(thread.id)).toEqual({ posts: 1, replies: 0, notes: 0 });
      const asked = must(await writer.post(`/api/threads/${thread.id}/posts`, { body: 'Nå da?' }), 201);
      expect(asked.body.status).toBe('pending');
      expect(await storedIn(thread.id)).toEqual({ posts: 2, replies: 0, notes: 0 });
    });
  });
});
