// Shared helpers for the benchmarks: ports, child processes, PostgreSQL, load, statistics.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};

export function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export function databaseUrl(name) {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(sql) {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database for one benchmark run, dropped by the returned function. */
export async function freshDatabase(prefix = 'erf_bench') {
  const name = `${prefix}_${Date.now().toString(36)}_${process.pid}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return { name, url: databaseUrl(name), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export async function waitFor(url, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      /* not up yet */
    }
    await sleep(200);
  }
  throw new Error(`${url} did not come up`);
}

/** Starts a Node process; resolves when `readyUrl` answers. */
export async function startProcess(script, args, env, readyUrl) {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout.on('data', () => undefined);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  if (readyUrl)
    await Promise.race([
      waitFor(readyUrl),
      exited.then((code) => {
        throw new Error(`${script} exited with ${code}`);
      }),
    ]);
  return {
    child,
    pid: child.pid,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, sleep(10_000)]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    },
  };
}

/** The app as `npm start` runs it, on PostgreSQL, with rate limits off (load tests would trip them). */
export async function startApp(databaseUrlForApp, extraEnv = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'erf-bench-app-'));
  const env = {
    PORT: String(port),
    DATABASE_URL: databaseUrlForApp,
    DATA_DIR: dataDir,
    RATE_LIMIT_SCALE: '0',
    LOG_LEVEL: 'warn',
    ADMIN_USERNAME: 'benchadmin',
    ADMIN_PASSWORD: 'bench-admin-password',
    NODE_ENV: 'development',
    SESSION_SECRET: 'bench-session-secret-0123456789abcdef012345',
    ANON_SECRET: 'bench-anon-secret-0123456789abcdef0123456789',
    ...extraEnv,
  };
  const proc = await startProcess(
    join(ROOT, 'dist/apps/api/src/main.js'),
    [],
    env,
    `http://127.0.0.1:${port}/api/health`,
  );
  return { ...proc, port, url: `http://127.0.0.1:${port}` };
}

/** One autocannon run: requests/s, latency p50/p99 (ms), errors and non-2xx. */
export function load({
  url,
  connections = 50,
  duration = 8,
  amount,
  method = 'GET',
  headers,
  body,
  requests,
  onResponse,
}) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: amount ? undefined : duration,
        amount,
        method,
        headers,
        body,
        requests,
        timeout: 10,
      },
      (err, result) => {
        if (err) return reject(err);
        resolve({
          rps: result.requests.average,
          total: result.requests.total,
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
        });
      },
    );
    if (onResponse) instance.on('response', onResponse);
  });
}

/**
 * Runs `a` and `b` alternately `rounds` times (a, b, a, b, …) so drift on a shared machine hits both
 * alike; returns the medians of each.
 */
const medianOf = (rs, k) => median(rs.map((r) => r[k]));
const summary = (rs) => ({
  rps: medianOf(rs, 'rps'),
  p50: medianOf(rs, 'p50'),
  p99: medianOf(rs, 'p99'),
  errors: rs.reduce((s, r) => s + (r.errors ?? 0) + (r.non2xx ?? 0), 0),
  runs: rs,
});

export async function interleaved(rounds, a, b) {
  const ra = [];
  const rb = [];
  for (let i = 0; i < rounds; i++) {
    ra.push(await a(i));
    rb.push(await b(i));
  }
  return { a: summary(ra), b: summary(rb) };
}

export const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
export const ratio = (x, y) => (y ? x / y : NaN);

/** The req/s and p99 rows of one interleaved comparison; `target` true: ≥ 1× req/s and ≤ 2× p99. */
export function pairOfRows(figure, r, { target = false, note } = {}) {
  const rps = ratio(r.b.rps, r.a.rps);
  const p99 = ratio(r.b.p99, r.a.p99);
  return [
    {
      figure: `${figure}: req/s`,
      app: r.b.rps,
      baseline: r.a.rps,
      ratio: rps,
      target: target ? '≥ 1' : 'report',
      ok: r.b.errors === 0 && (!target || rps >= 1),
      note: note ?? `errors ${r.b.errors}`,
    },
    {
      figure: `${figure}: p99 (ms)`,
      app: r.b.p99,
      baseline: r.a.p99,
      ratio: p99,
      target: target ? '≤ 2' : 'report',
      ok: !target || p99 <= 2,
    },
  ];
}
