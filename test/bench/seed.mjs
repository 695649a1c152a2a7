// Seeding at the SQL level (set-based INSERT … SELECT over generate_series), not through the API.
import pg from 'pg';

// ~350 characters of Norwegian, in a few variants, so search has something to find.
const WORDS = (
  'erfaring mestring håp fjelltur samtale pårørende hverdag søvn arbeid venner familie turgruppe ' +
  'kafé panel medvirkning tilbakemelding respekt tid trygghet natur skog musikk bok trening ro pust'
).split(' ');
export function body(i) {
  const out = [];
  let x = (i * 2654435761) >>> 0;
  while (out.join(' ').length < 340) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push(WORDS[x % WORDS.length]);
  }
  return `${out.join(' ')}.`;
}

export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** An author (a named member) and an open category; returns their ids. */
export async function seedBasics(client, slug = 'bench') {
  const {
    rows: [user],
  } = await client.query(
    `INSERT INTO users (username, display_name, password_hash, role, anon_salt, username_skeleton, display_name_skeleton)
     VALUES ($1, 'Bench Author', 'x', 'member', decode(md5(random()::text) || md5(random()::text), 'hex'), $1, 'bench author')
     RETURNING id`,
    [`author_${slug}`],
  );
  const {
    rows: [category],
  } = await client.query(
    `INSERT INTO categories (slug, name, description, visibility, moderation, allow_anonymous, allow_guests)
     VALUES ($1, 'Bench', 'Benchmark data', 'open', 'post', true, false) RETURNING id`,
    [slug],
  );
  return { userId: user.id, categoryId: category.id };
}

/**
 * `threads` threads in the category with `postsPerThread` posts each (the first the opening post),
 * inserted in batches. Timestamps increase with the row number so paging order is stable.
 */
export async function seedThreads(client, { userId, categoryId, threads, postsPerThread, batch = 5_000 }) {
  const bodies = Array.from({ length: 64 }, (_, i) => body(i));
  await client.query('CREATE TEMP TABLE IF NOT EXISTS bench_bodies (n int PRIMARY KEY, body text, html text)');
  await client.query('TRUNCATE bench_bodies');
  await client.query(
    `INSERT INTO bench_bodies SELECT n, b, '<p>' || b || '</p>' FROM unnest($1::text[]) WITH ORDINALITY AS t(b, n)`,
    [bodies],
  );
  const threadIds = [];
  for (let start = 0; start < threads; start += batch) {
    const count = Math.min(batch, threads - start);
    const { rows } = await client.query(
      `INSERT INTO threads (category_id, title, author_kind, author_id, status, reply_count, last_post_at, created_at)
       SELECT $1, 'Tråd ' || (s + $3) || ': ' || (SELECT body FROM bench_bodies WHERE n = 1 + (s + $3) % 64)::varchar(60), 'user', $2, 'published',
              $4 - 1, timestamptz '2026-01-01' + (s + $3) * interval '1 second', timestamptz '2026-01-01' + (s + $3) * interval '1 second'
       FROM generate_series(0, $5 - 1) AS s
       RETURNING id`,
      [categoryId, userId, start, postsPerThread, count],
    );
    const ids = rows.map((r) => r.id);
    threadIds.push(...ids);
    await client.query(
      `INSERT INTO posts (thread_id, author_kind, author_id, is_opening, body, body_html, body_text, search, status, created_at)
       SELECT t.id, 'user', $2, k = 0, b.body, b.html, b.body,
              to_tsvector('norwegian', b.body), 'published',
              timestamptz '2026-01-01' + t.ord * interval '1 second' + k * interval '1 millisecond'
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, ord)
       CROSS JOIN generate_series(0, $3 - 1) AS k
       JOIN bench_bodies b ON b.n = 1 + ((t.ord * 7 + k) % 64)`,
      [ids, userId, postsPerThread],
    );
  }
  return threadIds;
}

/** One thread with `posts` posts (the deep-thread case). */
export async function seedLongThread(client, { userId, categoryId, posts, batch = 20_000 }) {
  const [threadId] = await seedThreads(client, { userId, categoryId, threads: 1, postsPerThread: 1 });
  for (let start = 1; start < posts; start += batch) {
    const count = Math.min(batch, posts - start);
    await client.query(
      `INSERT INTO posts (thread_id, author_kind, author_id, is_opening, body, body_html, body_text, search, status, created_at)
       SELECT $1, 'user', $2, false, b.body, b.html, b.body, to_tsvector('norwegian', b.body), 'published',
              timestamptz '2026-06-01' + (s + $3) * interval '1 millisecond'
       FROM generate_series(0, $4 - 1) AS s JOIN bench_bodies b ON b.n = 1 + (s + $3) % 64`,
      [threadId, userId, start, count],
    );
  }
  await client.query(`UPDATE threads SET reply_count = $2 - 1 WHERE id = $1`, [threadId, posts]);
  return threadId;
}
