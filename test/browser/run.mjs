// Browser tests: builds what is missing, starts the real server on a free port with a fresh
// database of its own (a new database on DATABASE_URL's server, dropped afterwards; otherwise the
// embedded one in a temporary DATA_DIR), runs Jest on test/browser/*.browser-spec.ts against it
// in Debian's chromium, and stops everything.
//
//   node test/browser/run.mjs [--json <file>] [jest args, e.g. -t "a test name"]
//
// With --json it writes Jest's JSON report ({numPassedTests, numFailedTests,
// numRuntimeErrorTestSuites, ...}); the exit code is non-zero when anything failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, serverEnv, spawnServer, stop, waitHealthy } from './server.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const jsonIndex = args.indexOf('--json');
const jsonFile = jsonIndex >= 0 ? resolve(args[jsonIndex + 1]) : undefined;
const jestArgs = args.filter((_, i) => jsonIndex < 0 || (i !== jsonIndex && i !== jsonIndex + 1));

const ADMIN = { username: 'admin', password: 'browser-admin-password-1' };

const log = (line) => process.stdout.write(`[browser] ${line}\n`);

function failureReport(message) {
  return {
    success: false,
    numTotalTestSuites: 1,
    numPassedTestSuites: 0,
    numFailedTestSuites: 1,
    numRuntimeErrorTestSuites: 1,
    numTotalTests: 0,
    numPassedTests: 0,
    numFailedTests: 0,
    numPendingTests: 0,
    testResults: [{ name: 'test/browser/run.mjs', status: 'failed', message, assertionResults: [] }],
  };
}

function writeReport(report) {
  if (!jsonFile) return;
  mkdirSync(dirname(jsonFile), { recursive: true });
  writeFileSync(jsonFile, JSON.stringify(report, null, 2));
}

async function adminQuery(server, sql) {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function runJest(base) {
  return new Promise((ok) => {
    const jestBin = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
    const argv = [
      '--experimental-vm-modules',
      jestBin,
      '--config',
      join(root, 'test', 'browser', 'jest.config.mjs'),
      '--runInBand',
    ];
    if (jsonFile) {
      mkdirSync(dirname(jsonFile), { recursive: true });
      argv.push('--json', '--outputFile', jsonFile);
    }
    argv.push(...jestArgs);
    const child = spawn(process.execPath, argv, {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        NODE_NO_WARNINGS: '1',
        BROWSER_BASE_URL: base,
        BROWSER_ADMIN_USERNAME: ADMIN.username,
        BROWSER_ADMIN_PASSWORD: ADMIN.password,
      },
    });
    child.on('exit', (code) => ok(code ?? 1));
  });
}

async function main() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) throw new Error(`chromium is not installed at ${chromium}: apt-get install -y chromium`);
  const { build } = await import(join(root, 'scripts', 'build.mjs'));
  build();

  const dataDir = mkdtempSync(join(tmpdir(), 'erf-browser-'));
  const server = process.env.DATABASE_URL || undefined;
  const dbName = `erf_browser_${process.pid}_${Date.now().toString(36)}`;
  let databaseUrl;
  if (server) {
    await adminQuery(server, `CREATE DATABASE ${dbName}`);
    const url = new URL(server);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = serverEnv({ port, dataDir, admin: ADMIN, databaseUrl });

  let child;
  try {
    log(`starting the server on ${base} (${databaseUrl ? `database ${dbName}` : 'embedded database'})`);
    child = spawnServer(env);
    await waitHealthy(base, child);
    const code = await runJest(base);
    if (jsonFile && !existsSync(jsonFile)) writeReport(failureReport(`jest exited with code ${code} without a report`));
    return code;
  } finally {
    await stop(child);
    if (server)
      await adminQuery(server, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch((e) =>
        log(`could not drop ${dbName}: ${e.message}`),
      );
    rmSync(dataDir, { recursive: true, force: true });
  }
}

try {
  const code = await main();
  process.exit(code);
} catch (e) {
  log(`failed: ${e instanceof Error ? e.stack : e}`);
  writeReport(failureReport(String(e instanceof Error ? e.message : e)));
  process.exit(1);
}
