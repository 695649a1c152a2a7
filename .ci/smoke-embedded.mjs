// Smoke test of the embedded mode, as a user would run it: no DATABASE_URL, a fresh DATA_DIR;
// /api/health answers, a registered user survives a restart and can log in.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const freePort = () => new Promise((resolve) => { const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
const dataDir = mkdtempSync(join(tmpdir(), 'erf-smoke-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env = { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
delete env.DATABASE_URL;

function start(extraEnv = {}) {
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], { env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'inherit'] });
  child.output = '';
  child.stdout.on('data', (d) => (child.output += d));
  return child;
}
// A first start migrates a new embedded database; on a loaded 2-core machine that can take a minute or more.
async function waitHealthy(ms = 240_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try { const r = await fetch(`${base}/api/health`); if (r.status === 200) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the server did not become healthy');
}
const stop = (child) => new Promise((resolve) => { if (child.exitCode !== null) return resolve(child.exitCode); child.once('exit', resolve); child.kill('SIGTERM'); });
let server;
const json = (body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
let ok = true;
const check = (name, cond) => { console.log(`${cond ? 'ok  ' : 'FAIL'} ${name}`); ok &&= cond; };

function badStart() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], { env: { ...env, PORT: 'abc' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => resolve({ code, err }));
  });
}

try {
  const bad = await badStart();
  check('a bad PORT stops the start with one line that names it', bad.code === 1 && bad.err.trim().split('\n').length === 1 && bad.err.includes('PORT'));
  // The first start as `npm start` runs it (LOG_LEVEL info): a short console, the admin's password last.
  server = start({ LOG_LEVEL: 'info' });
  await waitHealthy();
  check('health 200 on a fresh embedded database', true);
  // The notice is written right after listening; on a loaded machine its pipe chunk can trail the first answer.
  const framed = () => server.output.trimEnd().endsWith('='.repeat(72));
  for (let waited = 0; waited < 5000 && !framed(); waited += 100) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 500));
  const lines = server.output.trim().split('\n');
  check(`the first start prints at most 20 lines (${lines.length})`, lines.length <= 20 && !server.output.includes('Mapped {'));
  const notice = /username: (\S+)\n\s+password: (\S+)/.exec(server.output);
  const told = Boolean(notice) && framed() && server.output.indexOf('is running') < server.output.indexOf('password:');
  check('the first admin\'s password is told, framed, after the server is up', told);
  if (!told) console.log(`  the first start printed:\n${server.output.replace(/password: \S+/, 'password: …').split('\n').map((l) => `  | ${l}`).join('\n')}`);
  if (notice) {
    const adminLogin = await fetch(`${base}/api/auth/login`, json({ username: notice[1], password: notice[2] }));
    check('the printed password logs the administrator in', adminLogin.status === 200);
  }
  const user = { username: 'smoke_user', password: 'smoke-password-1', acceptGuidelines: true, acceptPrivacy: true };
  const reg = await fetch(`${base}/api/auth/register`, json(user));
  check('register 201', reg.status === 201);
  const code = await stop(server);
  check('graceful stop exits 0', code === 0);
  server = start();
  await waitHealthy();
  const login = await fetch(`${base}/api/auth/login`, json({ username: user.username, password: user.password }));
  check('the user survives a restart and logs in', login.status === 200);
  await stop(server);
} catch (e) {
  check(String(e), false);
} finally {
  // Never leave a server behind: it would write into a directory being removed, and into a closed pipe.
  if (server) await stop(server);
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
