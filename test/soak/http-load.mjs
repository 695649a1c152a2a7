// HTTP side of the soak test: setting the app up through its API (admin settings, café rooms,
// members, a few threads) and the open-loop traffic, readers and posters at fixed rates, with
// per-window counts and latencies.
import { body } from '../bench/seed.mjs';
import { sleep } from '../bench/lib.mjs';

const WORDS = [
  'fjelltur',
  'samtale',
  'mestring',
  'håp',
  'pårørende',
  'søvn',
  'arbeid',
  'trygghet',
  'natur',
  'musikk',
  'erfaring',
  'hverdag',
];
const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];
/** Calls one of `table`'s [weight, fn] entries, chosen by weight. */
function weighted(table) {
  const total = table.reduce((s, [w]) => s + w, 0);
  let r = Math.random() * total;
  for (const [w, f] of table) {
    r -= w;
    if (r < 0) return f();
  }
  return table[0][1]();
}
const cookieOf = (res) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

/** A tiny JSON client for the app; throws on an unexpected status. */
export function api(baseUrl) {
  const call = async (method, path, { cookie, body: payload, expect } = {}) => {
    const headers = {};
    if (cookie) headers.cookie = cookie;
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const text = await res.text();
    if (expect && !expect.includes(res.status))
      throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return { status: res.status, body: text ? JSON.parse(text) : null, res };
  };
  return {
    call,
    get: (path, opts) => call('GET', path, opts),
    post: (path, payload, opts) => call('POST', path, { ...opts, body: payload }),
    patch: (path, payload, opts) => call('PATCH', path, { ...opts, body: payload }),
    async login(username, password) {
      const r = await call('POST', '/api/auth/login', { body: { username, password }, expect: [200] });
      return cookieOf(r.res);
    },
  };
}

/** Runs `fn` over `items` with at most `limit` at a time (registrations hash passwords: keep it small). */
async function pool(items, limit, fn) {
  const out = Array.from({ length: items.length });
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

/** Registers and logs in `count` members; returns [{username, cookie, id}]. */
export async function members(client, prefix, count, displayName) {
  return pool(
    Array.from({ length: count }, (_, i) => i),
    3,
    async (i) => {
      const username = `${prefix}${i}`;
      const password = `soak-password-${i}-xyz`;
      const reg = await client.post(
        '/api/auth/register',
        { username, password, displayName: displayName(i), acceptGuidelines: true, acceptPrivacy: true },
        { expect: [201] },
      );
      return { username, id: reg.body.id, cookie: await client.login(username, password) };
    },
  );
}

/** Admin set-up: members publish at once, and the café rooms exist and are open past the run. */
export async function setUpApp(client, adminCookie, { rooms, openForMs }) {
  await client.patch('/api/admin/settings', { newMemberReviewCount: 0 }, { cookie: adminCookie, expect: [200] });
  for (const room of rooms) {
    await client.post(
      '/api/cafe/rooms',
      { slug: room.slug, name: room.name, description: 'Soak-test', audience: room.audience },
      { cookie: adminCookie, expect: [201] },
    );
    await client.post(
      `/api/cafe/rooms/${room.slug}/open`,
      { until: new Date(Date.now() + openForMs).toISOString() },
      { cookie: adminCookie, expect: [200] },
    );
  }
}

/** Per-window counters of one kind of request. */
class Series {
  constructor() {
    this.reset();
    this.total = 0;
    this.totalErrors = 0;
  }
  reset() {
    this.count = 0;
    this.errors = 0;
    this.latencies = [];
  }
  take() {
    const w = { count: this.count, errors: this.errors, latencies: this.latencies };
    this.reset();
    return w;
  }
}

/**
 * Open-loop traffic: reads at `readRate`/s (half as guests, half as members) and posts at
 * `postRate`/s (replies, some anonymous, and new threads), each request fired on schedule whether
 * or not earlier ones have answered (so a slow app is measured, not politely waited for). Requests
 * beyond `maxInFlight` are counted as errors instead of piling up.
 */
export function httpTraffic({
  baseUrl,
  forumMembers,
  categories,
  threadPool,
  liveThreads,
  readRate,
  postRate,
  maxInFlight = 200,
  timeoutMs = 10_000,
}) {
  const reads = new Series();
  const posts = new Series();
  const acknowledged = { posts: [], threads: [], pending: 0, anonymous: 0 };
  const errorSamples = new Map();
  let inFlight = 0;
  const state = { running: true };
  const pendingRequests = new Set();

  const noteError = (what) => {
    errorSamples.set(what, (errorSamples.get(what) ?? 0) + 1);
  };

  async function request(series, label, method, path, { cookie, payload, onOk } = {}) {
    if (inFlight >= maxInFlight) {
      series.count++;
      series.errors++;
      series.total++;
      series.totalErrors++;
      noteError(`${label}: over ${maxInFlight} in flight`);
      return;
    }
    inFlight++;
    const headers = {};
    if (cookie) headers.cookie = cookie;
    if (payload) headers['content-type'] = 'application/json';
    const t = performance.now();
    try {
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: payload ? JSON.stringify(payload) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'manual',
      });
      const text = await res.text();
      const ms = performance.now() - t;
      series.count++;
      series.total++;
      series.latencies.push(ms);
      if (res.status >= 400) {
        series.errors++;
        series.totalErrors++;
        noteError(`${label}: HTTP ${res.status} ${text.slice(0, 120)}`);
        return;
      }
      if (onOk) onOk(res.status, text ? JSON.parse(text) : null);
    } catch (e) {
      series.count++;
      series.total++;
      series.errors++;
      series.totalErrors++;
      noteError(`${label}: ${e.name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : e.message}`);
    } finally {
      inFlight--;
    }
  }

  const anyThread = () => (Math.random() < 0.5 ? pick(liveThreads).id : pick(threadPool));
  const READS = [
    [10, () => ['categories', '/api/categories']],
    [20, () => ['category listing', `/api/categories/${pick(categories)}/threads?limit=${pick([20, 50])}`]],
    [30, () => ['thread', `/api/threads/${anyThread()}`]],
    [15, () => ['thread posts', `/api/threads/${anyThread()}/posts?limit=50`]],
    [10, () => ['search', `/api/search?q=${encodeURIComponent(`${pick(WORDS)} ${pick(WORDS)}`)}&limit=20`]],
    [5, () => ['café rooms', '/api/cafe/rooms']],
  ];
  const MEMBER_ONLY = [
    [5, () => ['me', '/api/auth/me']],
    [5, () => ['notifications', '/api/me/notifications?limit=20']],
  ];

  function oneRead() {
    const member = Math.random() < 0.5 ? pick(forumMembers) : null;
    const [label, path] = weighted(member ? [...READS, ...MEMBER_ONLY] : READS);
    return request(reads, `GET ${label} (${member ? 'member' : 'guest'})`, 'GET', path, { cookie: member?.cookie });
  }

  let postSeq = 0;
  function onePost() {
    const member = pick(forumMembers);
    const n = postSeq++;
    const text = `Soak ${n}: ${body(n).slice(0, 80 + (n % 200))}`;
    if (Math.random() < 0.15) {
      const slug = pick(['velkommen', 'erfaringer']);
      return request(posts, 'POST thread', 'POST', `/api/categories/${slug}/threads`, {
        cookie: member.cookie,
        payload: { title: `Soak-tråd ${n}`, body: text },
        onOk: (status, t) => {
          if (status !== 201) return;
          acknowledged.threads.push(t.id);
          const opening = t.posts?.items?.[0]?.id;
          if (opening) acknowledged.posts.push(opening);
          if (t.status === 'pending') acknowledged.pending++;
          liveThreads.push({ id: t.id, slug });
        },
      });
    }
    const thread = pick(liveThreads);
    const anonymous = thread.slug === 'erfaringer' && Math.random() < 0.3;
    return request(posts, 'POST reply', 'POST', `/api/threads/${thread.id}/posts`, {
      cookie: member.cookie,
      payload: { body: text, anonymous },
      onOk: (status, p) => {
        if (status !== 201) return;
        acknowledged.posts.push(p.id);
        if (p.status === 'pending') acknowledged.pending++;
        if (anonymous) acknowledged.anonymous++;
      },
    });
  }

  async function schedule(rate, fire) {
    if (!(rate > 0)) return;
    const t0 = performance.now();
    for (let i = 0; state.running; i++) {
      const wait = t0 + (i * 1000) / rate - performance.now();
      if (wait > 0) await sleep(wait);
      if (!state.running) break;
      const p = fire();
      pendingRequests.add(p);
      p.finally(() => pendingRequests.delete(p));
    }
  }

  const loops = [schedule(readRate, oneRead), schedule(postRate, onePost)];
  return {
    window: () => ({ reads: reads.take(), posts: posts.take(), inFlight }),
    totals: () => ({
      reads: reads.total,
      readErrors: reads.totalErrors,
      posts: posts.total,
      postErrors: posts.totalErrors,
    }),
    acknowledged,
    errorSamples,
    /** Stops scheduling and waits for the requests still out. */
    async stop() {
      state.running = false;
      await Promise.all(loops);
      await Promise.allSettled(pendingRequests);
    },
  };
}
