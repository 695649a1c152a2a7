// Café fan-out (issue 8, figures 5–6): one room, N clients in a separate process, one sender at
// 20 messages/s; the app's /cafe against a bare Socket.IO relay, in the same run.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, freePort, freshDatabase, median, ratio, sleep, startApp, startProcess } from './lib.mjs';

const rssKiB = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);

async function admin(app) {
  const res = await fetch(`${app.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'benchadmin', password: 'bench-admin-password' }),
  });
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function openRoom(app, room) {
  const cookie = await admin(app);
  const post = (path, body) =>
    fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
  const created = await post('/api/cafe/rooms', {
    slug: room,
    name: 'Benchkafé',
    description: 'Lasttest',
    audience: 'everyone',
  });
  if (created.status !== 201) throw new Error(`create room: ${created.status} ${await created.text()}`);
  const opened = await post(`/api/cafe/rooms/${room}/open`, { until: new Date(Date.now() + 3 * 3600e3).toISOString() });
  if (opened.status !== 200) throw new Error(`open room: ${opened.status} ${await opened.text()}`);
}

/** Runs the client process against `urls`; measures server RSS (the `pids`) before and after joining. */
function runClients({ urls, pids, room, clients, rate, seconds }) {
  return new Promise((resolve, reject) => {
    const before = pids.reduce((s, pid) => s + rssKiB(pid), 0);
    const child = spawn(
      process.execPath,
      [join(ROOT, 'test/bench/cafe-clients.mjs'), JSON.stringify({ urls, room, clients, rate, seconds })],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let buffer = '';
    let memory;
    child.stdout.on('data', async (d) => {
      buffer += d;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const msg = JSON.parse(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
        if (msg.phase === 'joined') {
          await sleep(3000);
          memory = (pids.reduce((s, pid) => s + rssKiB(pid), 0) - before) / clients;
          child.stdin.write('go\n');
        } else if (msg.phase === 'done') {
          resolve({ ...msg, kibPerClient: memory });
        }
      }
    });
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`clients against ${urls.join(' ')} exited with ${code}`));
    });
  });
}

async function startBaselineIo(env = {}) {
  const port = await freePort();
  const proc = await startProcess(
    join(ROOT, 'test/bench/baseline-io.mjs'),
    [],
    { PORT: String(port), ...env },
    `http://127.0.0.1:${port}/health`,
  );
  return { ...proc, url: `http://127.0.0.1:${port}` };
}

function rows(label, app, base, clients) {
  const delivered = app.received / app.expected;
  return [
    {
      figure: `${label}: end-to-end latency p50 (ms)`,
      app: app.p50,
      baseline: base.p50,
      ratio: ratio(app.p50, base.p50),
      target: 'report',
      ok: true,
    },
    {
      figure: `${label}: end-to-end latency p99 (ms)`,
      app: app.p99,
      baseline: base.p99,
      ratio: ratio(app.p99, base.p99),
      target: '≤ 2',
      ok: ratio(app.p99, base.p99) <= 2,
    },
    {
      figure: `${label}: delivered / expected`,
      app: delivered,
      baseline: base.received / base.expected,
      ratio: NaN,
      target: '1.00',
      ok: app.received === app.expected && app.duplicates === 0,
      note: `${app.received} of ${app.expected}, ${app.duplicates} duplicates`,
    },
    ...(app.kibPerClient !== undefined
      ? [
          {
            figure: `${label}: server memory per client (KiB RSS)`,
            app: app.kibPerClient,
            baseline: base.kibPerClient,
            ratio: ratio(app.kibPerClient, base.kibPerClient),
            target: '≤ 2',
            ok: ratio(app.kibPerClient, base.kibPerClient) <= 2,
            note: `${clients} clients`,
          },
        ]
      : []),
  ];
}

const summarize = (runs) => ({
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  kibPerClient: median(runs.map((r) => r.kibPerClient)),
  received: runs.reduce((s, r) => s + r.received, 0),
  expected: runs.reduce((s, r) => s + r.expected, 0),
  duplicates: runs.reduce((s, r) => s + r.duplicates, 0),
});

export async function fanOut({ rounds, quick }) {
  const clients = quick ? 100 : 1000;
  const seconds = quick ? 5 : 30;
  const appRuns = [];
  const baseRuns = [];
  for (let i = 0; i < rounds; i++) {
    const base = await startBaselineIo();
    try {
      baseRuns.push(
        await runClients({ urls: [base.url], pids: [base.pid], room: 'bench', clients, rate: 20, seconds }),
      );
    } finally {
      await base.stop();
    }
    const db = await freshDatabase();
    const app = await startApp(db.url);
    try {
      await openRoom(app, 'bench');
      appRuns.push(await runClients({ urls: [app.url], pids: [app.pid], room: 'bench', clients, rate: 20, seconds }));
    } finally {
      await app.stop();
      await db.drop();
    }
  }
  return rows(
    `5. Café fan-out, ${clients} clients, 20 msg/s for ${seconds} s`,
    summarize(appRuns),
    summarize(baseRuns),
    clients,
  );
}

export async function fanOutRedis({ rounds, quick }) {
  const clients = quick ? 100 : 1000;
  const seconds = quick ? 5 : 30;
  const redis = 'redis://127.0.0.1:6379';
  const appRuns = [];
  const baseRuns = [];
  for (let i = 0; i < rounds; i++) {
    const stream = `bench-${Date.now()}`;
    const b1 = await startBaselineIo({ REDIS_URL: redis, STREAM: stream });
    const b2 = await startBaselineIo({ REDIS_URL: redis, STREAM: stream });
    try {
      baseRuns.push(
        await runClients({ urls: [b1.url, b2.url], pids: [b1.pid, b2.pid], room: 'bench', clients, rate: 20, seconds }),
      );
    } finally {
      await b1.stop();
      await b2.stop();
    }
    const db = await freshDatabase();
    const a1 = await startApp(db.url, { REDIS_URL: redis });
    const a2 = await startApp(db.url, { REDIS_URL: redis });
    try {
      await openRoom(a1, `bench-${i}`);
      appRuns.push(
        await runClients({
          urls: [a1.url, a2.url],
          pids: [a1.pid, a2.pid],
          room: `bench-${i}`,
          clients,
          rate: 20,
          seconds,
        }),
      );
    } finally {
      await a1.stop();
      await a2.stop();
      await db.drop();
    }
  }
  const label = `6. Café fan-out over 2 processes + Redis, ${clients / 2}/${clients / 2}`;
  // The target holds in every round, not only in the median.
  const eachRound = appRuns.map((run, i) => ({
    figure: `${label}: p99, round ${i + 1} (ms)`,
    app: run.p99,
    baseline: baseRuns[i].p99,
    ratio: ratio(run.p99, baseRuns[i].p99),
    target: '≤ 2',
    ok: ratio(run.p99, baseRuns[i].p99) <= 2,
  }));
  return [...rows(label, summarize(appRuns), summarize(baseRuns), clients), ...eachRound];
}
