import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../apps/api/src/database/data-source-options.js';
import { EmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres.js';

/** The PostgreSQL server the tests use, or undefined for the embedded one. */
export function serverUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export function databaseUrl(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(server: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function migrate(url: string): Promise<void> {
  const ds = await new DataSource(dataSourceOptions({ url, poolSize: 1 })).initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

type Template = { kind: 'server'; server: string; name: string } | { kind: 'embedded'; dir: string };

async function buildTemplate(runDir: string): Promise<Template> {
  const server = serverUrl();
  if (server) {
    const name = `erf_tpl_${process.pid}_${Date.now().toString(36)}`;
    await adminQuery(server, `CREATE DATABASE ${name}`);
    await migrate(databaseUrl(server, name));
    return { kind: 'server', server, name };
  }
  const dir = join(runDir, 'template-embedded');
  const embedded = await EmbeddedPostgres.start(dir);
  try {
    await migrate(embedded.url);
  } finally {
    await embedded.stop();
  }
  return { kind: 'embedded', dir };
}

const templates = new Map<string, Promise<Template>>();

/**
 * One migrated template per test run, made by whichever test file asks first (a mkdir lock keeps
 * parallel workers from making two); every test file then copies it.
 */
function ensureTemplate(): Promise<Template> {
  const kind = serverUrl() ? 'server' : 'embedded';
  let template = templates.get(kind);
  if (template) return template;
  template = (async () => {
    const runDir = process.env.ERF_TEST_RUN_DIR ?? mkdtempSync(join(tmpdir(), 'erf-run-'));
    const file = join(runDir, `template-${kind}.json`);
    try {
      mkdirSync(join(runDir, `template-${kind}.lock`));
    } catch {
      const deadline = Date.now() + 120_000;
      while (!existsSync(file)) {
        if (Date.now() > deadline) throw new Error('timed out waiting for the migrated template database');
        await new Promise((r) => setTimeout(r, 100));
      }
      return JSON.parse(readFileSync(file, 'utf8')) as Template;
    }
    const built = await buildTemplate(runDir);
    writeFileSync(file + '.tmp', JSON.stringify(built));
    renameSync(file + '.tmp', file);
    return built;
  })();
  templates.set(kind, template);
  return template;
}

export interface TestDatabase {
  /** DATABASE_URL for the app, or undefined with `dataDir` for the embedded database. */
  url?: string;
  dataDir: string;
  drop(): Promise<void>;
}

/** A fresh database for one test file, copied from the migrated template. */
export async function freshDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'erf-test-'));
  const server = serverUrl();
  if (server) {
    const { name: templateName } = (await ensureTemplate()) as { name: string };
    const name = `erf_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await adminQuery(server, `CREATE DATABASE ${name} TEMPLATE ${templateName}`);
    return {
      url: databaseUrl(server, name),
      dataDir,
      async drop() {
        await adminQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  cpSync(((await ensureTemplate()) as { dir: string }).dir, dataDir, { recursive: true });
  return {
    dataDir,
    async drop() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
