// Starts the built server (dist/apps/api/src/main.js) on a free loopback port and stops it: used by
// run.mjs for the browser tests' server, and by a spec that needs one of its own (the real rate
// limits, RATE_LIMIT_SCALE=1, with the embedded database in a temporary DATA_DIR).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

export async function waitHealthy(base, child, ms = 120_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the server did not become healthy in time');
}

export function stop(child) {
  return new Promise((ok) => {
    if (!child || child.exitCode !== null) return ok();
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      ok();
    });
    child.kill('SIGTERM');
  });
}

/** The environment every browser-test server runs with (secrets fixed, development mode, no PUBLIC_URL). */
export function serverEnv({ port, dataDir, admin, rateLimitScale = '100', databaseUrl }) {
  const env = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    ADMIN_USERNAME: admin.username,
    ADMIN_PASSWORD: admin.password,
    SESSION_SECRET: 'browser-session-secret-0123456789abcdef-012345',
    ANON_SECRET: 'browser-anon-secret-0123456789abcdef-0123456789',
    RATE_LIMIT_SCALE: rateLimitScale,
    LOG_LEVEL: process.env.BROWSER_LOG_LEVEL ?? 'warn',
    NODE_ENV: 'development',
    // The activity directory's embed: another origin on this machine that directory.browser-spec.ts
    // serves itself (the browser answers it; nothing is listening there).
    DIRECTORY_EMBED_ORIGINS: `http://localhost:${port}`,
  };
  delete env.PUBLIC_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  return env;
}

export function spawnServer(env) {
  return spawn(process.execPath, [join(root, 'dist', 'apps', 'api', 'src', 'main.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/**
 * A server of its own for one spec, on the embedded database in a temporary directory: `{base,
 * close()}`. The build must exist (run.mjs builds before Jest starts).
 */
export async function startOwnServer({ admin, rateLimitScale }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'erf-browser-own-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawnServer(serverEnv({ port, dataDir, admin, rateLimitScale }));
  try {
    await waitHealthy(base, child);
  } catch (e) {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  return {
    base,
    async close() {
      await stop(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
