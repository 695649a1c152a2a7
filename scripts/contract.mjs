// `npm run contract:generate`: the web app's types from the server's own OpenAPI document.
// Builds the API (when its sources changed), starts it on a throwaway embedded database, fetches
// /api/docs-json and writes apps/web/src/api/schema.gen.ts with openapi-typescript.
// `--check` writes nothing and exits 1 when the committed file is not what the server describes.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contractTypes } from '@erfaringsforum/openapi-typescript';
import { build } from './build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const SCHEMA_FILE = join(root, 'apps/web/src/api/schema.gen.ts');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** The OpenAPI document of the built app, served by a process on an embedded database of its own. */
async function fetchDocument() {
  build({ only: ['api'] });
  const dataDir = mkdtempSync(join(tmpdir(), 'erf-contract-'));
  const port = await freePort();
  // Never the developer's PostgreSQL or Redis: a throwaway embedded database, nothing shared.
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'silent', NODE_ENV: 'development' };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'ADMIN_USERNAME', 'ADMIN_PASSWORD', 'PUBLIC_URL'])
    delete env[name];
  const child = spawn(process.execPath, [join(root, 'dist/apps/api/src/main.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (let i = 0; i < 240 && child.exitCode === null; i++) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/docs-json`);
        if (res.ok) return await res.json();
      } catch {
        /* not up yet */
      }
      await sleep(250);
    }
    throw new Error('the app did not start, so there is no OpenAPI document to read');
  } finally {
    await new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const check = process.argv.includes('--check');
  const types = await contractTypes(await fetchDocument());
  if (check) {
    let committed = '';
    try {
      committed = readFileSync(SCHEMA_FILE, 'utf8');
    } catch {
      /* missing counts as stale */
    }
    if (committed !== types) {
      process.stderr.write(
        'apps/web/src/api/schema.gen.ts is not what the server describes: run npm run contract:generate\n',
      );
      process.exit(1);
    }
    process.stdout.write('apps/web/src/api/schema.gen.ts is current.\n');
    return;
  }
  writeFileSync(SCHEMA_FILE, types);
  process.stdout.write('Wrote apps/web/src/api/schema.gen.ts\n');
}

await main();
