import { newUser } from '../support/factories.js';
import { newCategory, newThread, setSettings } from '../support/forum.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('the Markdown source of a post', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await setSettings(app, { newMemberReviewCount: 0 });
  });
  afterAll(() => app.stop());

  it('should go to its author (also when anonymous) and moderators, never to others', async () => {
    const author = await newUser(app);
    const other = await newUser(app);
    const moderator = await newUser(app, 'moderator');
    const slug = await newCategory(app, { allowAnonymous: true });
    const markdown = 'Det hjalp å **gå tur** hver dag.\n\n- morgen\n- kveld';
    for (const anonymous of [false, true]) {
      const thread = await newThread(author, slug, { body: markdown, anonymous });
      const path = `/api/threads/${thread.id}/posts`;
      expect((await author.get(path)).body.items[0].body).toBe(markdown);
      expect((await moderator.get(path)).body.items[0].body).toBe(markdown);
      expect((await other.get(path)).body.items[0].body).toBeUndefined();
      expect((await app.client().get(path)).body.items[0].body).toBeUndefined();
      expect(
        (await author.get('/api/me/posts')).body.items.find((p: { id: string }) => p.id === thread.posts.items[0].id)
          .body,
      ).toBe(markdown);
    }
  });

  it('should be gone from a deleted post', async () => {
    const author = await newUser(app);
    const slug = await newCategory(app);
    const thread = await newThread(author, slug, { body: 'Skal bort' });
    const r = await author.post(`/api/threads/${thread.id}/posts`, { body: 'Også dette' });
    expect((await author.delete(`/api/posts/${r.body.id}`)).status).toBe(204);
    const post = (await author.get(`/api/threads/${thread.id}/posts`)).body.items.find(
      (p: { id: string }) => p.id === r.body.id,
    );
    expect(post.status).toBe('deleted');
    expect(post.body).toBeUndefined();
  });
});
