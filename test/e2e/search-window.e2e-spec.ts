import { parseSearchQuery } from '#libs/content';
import { SearchRepository } from '../../apps/api/src/forum/search.repository.js';
import { newUser } from '../support/factories.js';
import { must, newCategory, newThread, setSettings, sql } from '../support/forum.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Decision 0043: a search looks in the newest posts first and through all of them only when those
 * hold too few matches. Looking first must never change an answer a reader gets: the same hits, in
 * the same order, on every page, as the search through all posts would give.
 */
describe('search in the newest posts first', () => {
  let app: TestApp;
  let search: SearchRepository;
  let threadId: string;
  /** Where the newest posts begin in these tests: the older posts are a day before it. */
  const windowStart = new Date('2026-06-01T00:00:00Z');

  beforeAll(async () => {
    app = await startTestApp();
    await setSettings(app, { newMemberReviewCount: 0 });
    const writer = await newUser(app);
    threadId = (await newThread(writer, await newCategory(app), { body: 'Turer i fjellet' })).id;
    search = app.server.app.get(SearchRepository);
    // Older posts that rank best, newer ones that rank less well, and some in a compound only.
    await sql(
      app,
      `INSERT INTO posts (thread_id, author_kind, author_id, body, body_html, body_text, search, status, created_at)
       SELECT $1, 'user', $2, b, '<p>' || b || '</p>', b, to_tsvector('norwegian', b), 'published', at
       FROM (SELECT CASE WHEN i <= 150 THEN 'fjelltur fjelltur fjelltur og mer fjelltur ' || i
                         WHEN i <= 1350 THEN 'en fjelltur i dag, nummer ' || i
                         ELSE 'en søndagsfjelltur ' || i END AS b,
                    CASE WHEN i <= 150 THEN $3::timestamptz - interval '1 day' + i * interval '1 second'
                         ELSE $3::timestamptz + i * interval '1 second' END AS at
             FROM generate_series(1, 1400) AS i) AS seeded`,
      [threadId, writer.user!.id, windowStart.toISOString()],
    );
  });
  afterAll(() => app?.stop());

  const pages = async (q: string, start: Date | null, count: number) => {
    const query = parseSearchQuery(q)!;
    const seen: string[][] = [];
    let after: [number, string] | null = null;
    for (let i = 0; i < count; i++) {
      const rows = await search.search(['open'], query, after, 20, start);
      seen.push(rows.map((r) => r.post_id));
      const last = rows.at(-1);
      if (!last) break;
      after = [last.rank, last.post_id];
    }
    return seen;
  };

  it('should give the same hits in the same order on every page, looking first or not', async () => {
    const first = await pages('fjelltur', windowStart, 3);
    expect(first.flat()).toHaveLength(60);
    expect(first).toEqual(await pages('fjelltur', null, 3));
  });

  it('should rank the newest thousand matches, not older ones that would rank higher', async () => {
    const [page] = await pages('fjelltur', windowStart, 1);
    const [oldest] = await sql(app, `SELECT min(created_at) AS at FROM posts WHERE id = ANY($1::uuid[])`, [page]);
    expect(new Date(oldest.at as string).getTime()).toBeGreaterThanOrEqual(windowStart.getTime());
  });

  it('should look through all posts, compounds included, when the newest hold too few matches', async () => {
    // "søndagsfjell" is no word of its own: only inside "søndagsfjelltur", in the 50 newest posts.
    const [compound] = await pages('søndagsfjell', windowStart, 1);
    expect(compound).toHaveLength(20);
    const empty = new Date(Date.now() + 86_400_000);
    expect(await pages('fjelltur', empty, 2)).toEqual(await pages('fjelltur', null, 2));
  });

  it('should answer the same through the API as a reader would see it', async () => {
    const res = must(await app.client().get('/api/search?q=fjelltur&limit=20'), 200);
    expect(res.body.items).toHaveLength(20);
  });
});
