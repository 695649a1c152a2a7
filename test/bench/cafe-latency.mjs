// Café latency, measured against the built server (npm run build first):
//   node test/bench/cafe-latency.mjs                 embedded database
//   BENCH_PG=postgres://postgres@127.0.0.1:5432/test node test/bench/cafe-latency.mjs
//   (add BENCH_REDIS=redis://127.0.0.1:6379 for the Redis state store and adapter)
// One writer sends N messages one after another to a room of P participants. Reported: the
// acknowledgement time of a message (stored, screened, broadcast), the time until every
// participant has it, and as a baseline in the same run the acknowledgement of a throttled
// `typing` event (the same socket path with no database work).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { io } from 'socket.io-client';
import { loadConfig } from '../../dist/apps/api/src/config/app-config.js';
import { startServer } from '../../dist/apps/api/src/server.js';

const N = Number(process.env.BENCH_MESSAGES ?? 300);
const P = Number(process.env.BENCH_PARTICIPANTS ?? 20);
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const fmt = (xs) =>
  `p50 ${pct(xs, 50).toFixed(2)} ms, p95 ${pct(xs, 95).toFixed(2)} ms, max ${Math.max(...xs).toFixed(2)} ms`;
const say = (line) => process.stdout.write(`${line}\n`);
const ack = (s, ev, payload) => new Promise((resolve) => s.emit(ev, payload, resolve));

const dataDir = mkdtempSync(join(tmpdir(), 'erf-bench-'));
let dbName;
let databaseUrl;
if (process.env.BENCH_PG) {
  dbName = `erf_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: process.env.BENCH_PG });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(process.env.BENCH_PG);
  url.pathname = `/${dbName}`;
  databaseUrl = url.toString();
}
const config = loadConfig({
  PORT: '1',
  DATA_DIR: dataDir,
  DATABASE_URL: databaseUrl,
  ADMIN_USERNAME: 'admin',
  ADMIN_PASSWORD: 'bench-password-123',
  RATE_LIMIT_SCALE: '0',
  LOG_LEVEL: 'silent',
  REDIS_URL: process.env.BENCH_REDIS,
  REDIS_KEY_PREFIX: `erf-bench-${process.pid}`,
});
config.port = 0;
const server = await startServer(config, { host: '127.0.0.1' });
const base = server.url;
try {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'bench-password-123' }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const post = (path, body) =>
    fetch(base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
  await post('/api/cafe/rooms', { slug: 'bench', name: 'Bench', audience: 'everyone' });
  await post('/api/cafe/rooms/bench/open', {});

  const sockets = [];
  const joins = [];
  for (let i = 0; i < P; i++) {
    const s = io(`${base}/cafe`, { transports: ['websocket'], forceNew: true, reconnection: false });
    await new Promise((r) => s.once('connect', r));
    const t = performance.now();
    const res = await ack(s, 'join', { room: 'bench', nickname: `Deltaker ${i}`, acceptRules: true });
    joins.push(performance.now() - t);
    if (!res.ok) throw new Error(JSON.stringify(res));
    sockets.push(s);
  }
  const writer = sockets[0];
  const baseline = [];
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    await ack(writer, 'typing', { room: 'bench' });
    baseline.push(performance.now() - t);
  }
  const acks = [];
  const fanout = [];
  for (let i = 0; i < N; i++) {
    const body = `Melding nummer ${i}: ${'hei '.repeat(40)}`.trim();
    const everyone = Promise.all(
      sockets.map(
        (s) =>
          new Promise((r) => {
            const h = (m) => {
              if (m.body === body) {
                s.off('message', h);
                r();
              }
            };
            s.on('message', h);
          }),
      ),
    );
    const t = performance.now();
    const res = await ack(writer, 'message', { room: 'bench', body });
    acks.push(performance.now() - t);
    if (!res.ok) throw new Error(JSON.stringify(res));
    await everyone;
    fanout.push(performance.now() - t);
  }
  say(
    `café latency: ${databaseUrl ? 'PostgreSQL' : 'embedded PGlite'}${process.env.BENCH_REDIS ? ' + Redis' : ''}, ${P} participants, ${N} messages`,
  );
  say(`  join ack              ${fmt(joins)}`);
  say(`  baseline typing ack   ${fmt(baseline)}`);
  say(`  message ack           ${fmt(acks)}  (${(pct(acks, 50) / pct(baseline, 50)).toFixed(1)}× baseline at p50)`);
  say(`  delivered to all ${P}   ${fmt(fanout)}`);
  for (const s of sockets) s.close();
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
  if (dbName) {
    const admin = new pg.Client({ connectionString: process.env.BENCH_PG });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}
