// `npm run bench`: every figure of issue 8 as a ratio against a baseline measured in the same run,
// interleaved; prints one table and writes BENCHMARKS.md. Options: --only=thread,scale,posting,cafe,cafe-redis,search-hostile,own-posts,panel,web
// --rounds=3 --seconds=8 --quick (small data, short runs: for checking the harness, not for figures).
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { build } from '../../scripts/build.mjs';
import { ROOT, fmt, SERVER_URL } from './lib.mjs';
import { posting, scaleAndDeep, threadPage } from './http-scenarios.mjs';

const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const quick = process.argv.includes('--quick');
const rounds = Number(arg('rounds', quick ? 1 : 3));
const seconds = Number(arg('seconds', quick ? 2 : 8));
const only = arg('only', '').split(',').filter(Boolean);
const want = (name) => only.length === 0 || only.includes(name);

const optional = async (path) => {
  try {
    return await import(path);
  } catch (e) {
    if (e.code === 'ERR_MODULE_NOT_FOUND') return null;
    throw e;
  }
};

build();
const rows = [];
const started = new Date();
const scenario = async (name, fn) => {
  if (!want(name)) return;
  process.stdout.write(`… ${name}\n`);
  try {
    rows.push(...(await fn()));
  } catch (e) {
    rows.push({
      figure: `${name}: failed`,
      app: NaN,
      baseline: NaN,
      ratio: NaN,
      target: '',
      ok: false,
      note: String(e.message ?? e).slice(0, 200),
    });
  }
};

await scenario('thread', () => threadPage({ rounds, seconds }));
await scenario('scale', () =>
  scaleAndDeep(
    quick
      ? { rounds, seconds, threads: 2_000, postsPerThread: 5, longThread: 100_000, deepPage: 20 }
      : { rounds, seconds },
  ),
);
await scenario('posting', () => posting({ rounds, seconds }));
const cafe = await optional('./cafe-scenarios.mjs');
if (cafe) {
  await scenario('cafe', () => cafe.fanOut({ rounds, quick }));
  await scenario('cafe-redis', () => cafe.fanOutRedis({ rounds, quick }));
}
const hardening = await optional('./hardening-scenarios.mjs');
if (hardening) {
  await scenario('search-hostile', () => hardening.hostileSearch({ quick }));
  await scenario('own-posts', () => hardening.ownPosts({ quick }));
}
const panel = await optional('./panel-scenarios.mjs');
if (panel) await scenario('panel', () => panel.panelPages({ rounds, seconds }));
const web = await optional('./web-scenarios.mjs');
if (web) await scenario('web', () => web.homePage({ rounds }));

const header = ['figure', 'app', 'baseline', 'app/baseline', 'target', 'ok', 'note'];
const table = rows.map((r) => [
  r.figure,
  fmt(r.app, r.app < 10 ? 2 : 0),
  fmt(r.baseline, r.baseline < 10 ? 2 : 0),
  fmt(r.ratio, 2),
  r.target,
  r.ok ? 'yes' : 'NO',
  r.note ?? '',
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => String(r[i]).length)));
const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
process.stdout.write(
  `\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${table.map(line).join('\n')}\n`,
);

const pkg = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')).packages;
const version = (name) => pkg[`node_modules/${name}`]?.version ?? '?';
let pgVersion = '?';
try {
  pgVersion = execSync(`psql "${SERVER_URL}" -Atc "show server_version"`, { encoding: 'utf8' }).trim();
} catch {
  /* psql missing */
}
const md = `# Benchmarks

Measured by \`npm run bench\` on ${started.toISOString().slice(0, 10)} (${quick ? 'QUICK run: small data, short runs — not figures to quote' : `${rounds} interleaved rounds of ${seconds} s per figure, medians`}).
Every figure is the app against a baseline measured in the same run, alternating baseline and app
runs so that noise on this shared machine hits both alike. No timing assertions live in the tests.

Rows "as a guest" are answered by the guest page cache (docs/decisions/0009), rows "as a member"
by the member's own copy of the page once they have read it (0044); rows "caches off" come from a
second process on the same database with \`PAGE_CACHE=off\` and show the work itself (shared rows
off too, 0042). Search is never cached. The panel's pages (figure 8) are kept the same way, and no
longer than the moment they turn by the clock (a consultation closing, an event starting: 0045).

Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}.
Versions: Node ${process.version}, PostgreSQL ${pgVersion} on 127.0.0.1, NestJS ${version('@nestjs/core')}, TypeORM ${version('typeorm')}, pg ${version('pg')}, Socket.IO ${version('socket.io')}, autocannon ${version('autocannon')}.

| ${header.join(' | ')} |
|${header.map(() => '---').join('|')}|
${table.map((r) => `| ${r.join(' | ')} |`).join('\n')}

Baselines: figures 1–4, a bare \`node:http\` server with a \`pg\` pool answering the same JSON from
the same indexed query (test/bench/baseline-http.mjs); figure 3, page 1 of the same listing;
figures 5–6, a bare Socket.IO server relaying the same messages in one room; figure 7, the budget;
figure 8, the same bare server reading the same tables (a consultation with its questions in one
query, the events with their counts, the same events as iCalendar written by hand, a page of the
directory's offers with their organisation, place and opening times in one query).

Re-run: \`npm run bench\` (PostgreSQL on 127.0.0.1:5432 as user postgres; \`BENCH_DATABASE_URL\` to
use another server; \`--only=thread,scale,posting,cafe,cafe-redis,search-hostile,own-posts,panel,web\`, \`--rounds=N\`, \`--seconds=N\`).
`;
if (!quick || process.argv.includes('--write')) writeFileSync(join(ROOT, 'BENCHMARKS.md'), md);
process.exit(rows.every((r) => r.ok) ? 0 : 1);
