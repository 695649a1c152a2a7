// Issue 12's costs, as benchmarks (never as timed tests): hostile searches answered within a
// second, and a member's own posts at 40,000 anonymous threads costing what their own posts cost.
import { freshDatabase, fmt, percentile, startApp } from './lib.mjs';
import { seedBasics, seedThreads, withClient } from './seed.mjs';

async function registered(app, username) {
  const password = `${username}-password-1`;
  const register = await fetch(`${app.url}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, acceptGuidelines: true, acceptPrivacy: true }),
  });
  if (register.status !== 201) throw new Error(`register ${username}: ${register.status}`);
  const login = await fetch(`${app.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function post(app, cookie, path, body) {
  const res = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** `count` sequential GETs: the slowest, p99 and p50 in milliseconds. */
async function timings(url, count, headers = {}) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (res.status !== 200 && res.status !== 503) throw new Error(`${url}: ${res.status}`);
    times.push(performance.now() - started);
  }
  return { max: Math.max(...times), p99: percentile(times, 99), p50: percentile(times, 50) };
}

const HOSTILE = {
  '16-word phrase over a post repeating it': `"${'hei '.repeat(16).trim()}"`,
  '_a × 100 (a 100-term phrase before)': '_a'.repeat(100),
  '40 different words': Array.from({ length: 40 }, (_, i) => `ord${i}`)
    .join(' ')
    .slice(0, 200),
};

export async function hostileSearch({ quick }) {
  const db = await freshDatabase('erf_bench_search');
  const app = await startApp(db.url, { RATE_LIMIT_SCALE: '0' });
  try {
    await withClient(db.url, async (client) => {
      const { userId, categoryId } = await seedBasics(client, 'sok');
      await seedThreads(client, { userId, categoryId, threads: quick ? 200 : 2_000, postsPerThread: 5 });
    });
    const cookie = await registered(app, 'bench_sok');
    await post(app, cookie, '/api/categories/sok/threads', { title: 'Gjentakelse', body: 'hei '.repeat(4_999) });
    await post(app, cookie, '/api/categories/sok/threads', {
      title: 'Bindestreker',
      body: `sjøorm${'-a'.repeat(9_990)}`,
    });
    const search = (q) => `${app.url}/api/search?q=${encodeURIComponent(q)}`;
    const count = quick ? 5 : 30;
    const benign = await timings(search('fjelltur'), count);
    const rows = [];
    for (const [name, q] of Object.entries(HOSTILE)) {
      const t = await timings(search(q), count);
      rows.push({
        figure: `search: ${name}, slowest of ${count} (ms)`,
        app: t.max,
        baseline: benign.max,
        ratio: t.max / benign.max,
        target: '< 1000 ms',
        ok: t.max < 1000,
        note: `p50 ${fmt(t.p50, 1)} ms; baseline: "fjelltur" over ${quick ? 200 : 2_000} threads`,
      });
    }
    return rows;
  } finally {
    await app.stop();
    await db.drop();
  }
}

export async function ownPosts({ quick }) {
  const threads = quick ? 2_000 : 40_000;
  const db = await freshDatabase('erf_bench_own');
  const app = await startApp(db.url, { RATE_LIMIT_SCALE: '0' });
  try {
    await withClient(db.url, async (client) => {
      const { userId, categoryId } = await seedBasics(client, 'egne');
      const ids = await seedThreads(client, { userId, categoryId, threads, postsPerThread: 2 });
      // Someone else's anonymous threads: what the old lookup computed a key for, every time.
      await client.query(
        `UPDATE threads SET author_kind = 'anonymous', author_id = NULL, author_alias = 'Anonym 1', anonymous_aliases = 1,
                author_hash = decode(md5(id::text) || md5(id::text || 'x'), 'hex')
         WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      await client.query(
        `UPDATE posts SET author_kind = 'anonymous', author_id = NULL, alias = 'Anonym 1',
                anon_hash = decode(md5(thread_id::text) || md5(thread_id::text || 'x'), 'hex')
         WHERE thread_id = ANY($1::uuid[])`,
        [ids],
      );
    });
    const cookie = await registered(app, 'bench_egne');
    for (let i = 0; i < 3; i++)
      await post(app, cookie, '/api/categories/egne/threads', {
        title: `Min tråd ${i}`,
        body: 'anonymt',
        anonymous: true,
      });
    const count = quick ? 20 : 200;
    const me = await timings(`${app.url}/api/auth/me`, count, { cookie });
    const mine = await timings(`${app.url}/api/me/posts`, count, { cookie });
    return [
      {
        figure: `/api/me/posts at ${threads.toLocaleString('en')} anonymous threads, p50 (ms)`,
        app: mine.p50,
        baseline: me.p50,
        ratio: mine.p50 / me.p50,
        target: '≤ 3× /api/auth/me',
        ok: mine.p50 <= 3 * me.p50,
        note: `p99 ${fmt(mine.p99, 1)} ms (auth/me ${fmt(me.p99, 1)} ms); was 757 ms at 40,000 before the sealed index`,
      },
    ];
  } finally {
    await app.stop();
    await db.drop();
  }
}
