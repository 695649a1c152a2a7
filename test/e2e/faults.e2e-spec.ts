import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { EmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres.js';
import { build } from '../../scripts/build.mjs';
import { freePort, startAppProcess, stopProcess } from '../support/app-process.js';
import { freshDatabase, serverUrl } from '../support/database.js';
import { newUser } from '../support/factories.js';
import { newCategory, newThread, setSettings } from '../support/forum.js';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Faults (issue 9.4): the database's connections cut while requests flow, and the app killed with
 * SIGKILL in the middle of writes. Nothing acknowledged is lost, nothing is half-written, and the
 * app recovers by itself.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

(serverUrl() ? describe : describe.skip)('PostgreSQL connections cut while requests flow', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await setSettings(app, { newMemberReviewCount: 0 });
  });
  afterAll(() => app.stop());

  it('should answer errors, not hang, keep every acknowledged post, and recover by itself', async () => {
    const member = await newUser(app);
    const slug = await newCategory(app);
    const thread = await newThread(member, slug);
    const db = app.server.app.get(DataSource);
    const [{ name }] = await db.query('SELECT current_database() AS name');
    const killer = new pg.Client({ connectionString: serverUrl() });
    await killer.connect();

    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    const flow = { running: true };
    const writer = async (n: number) => {
      for (let i = 0; flow.running; i++) {
        const started = Date.now();
        const res = await member
          .post(`/api/threads/${thread.id}/posts`, { body: `skriver ${n} svar ${i}` })
          .timeout(20_000);
        expect(Date.now() - started).toBeLessThan(20_000);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 201) acknowledged.push(res.body.id);
        else expect([503, 500]).toContain(res.status);
      }
    };
    const writers = [1, 2, 3, 4].map(writer);
    for (let cut = 0; cut < 5; cut++) {
      await sleep(300);
      await killer.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
    }
    await sleep(500);
    flow.running = false;
    await Promise.all(writers);
    await killer.end();

    expect(acknowledged.length).toBeGreaterThan(10);
    const stored: { id: string }[] = await db.query('SELECT id FROM posts WHERE id = ANY($1::uuid[])', [acknowledged]);
    expect(stored.length).toBe(acknowledged.length);
    const [{ replies, counted }] = await db.query(
      `SELECT (SELECT count(*)::int FROM posts WHERE thread_id = $1 AND NOT is_opening AND status = 'published') AS replies,
              (SELECT reply_count FROM threads WHERE id = $1) AS counted`,
      [thread.id],
    );
    expect(counted).toBe(replies);
    expect((await app.client().get('/api/health')).status).toBe(200);
    expect((await member.post(`/api/threads/${thread.id}/posts`, { body: 'etter bruddet' })).status).toBe(201);
  });
});

async function api(port: number, method: string, path: string, body?: unknown, cookie?: string) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const cookies = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return {
    status: res.status,
    body: (await res.json().catch(() => null)) as Record<string, unknown> | null,
    cookie: cookies,
  };
}

describe('the app killed with SIGKILL in the middle of writes', () => {
  beforeAll(() => build());

  it('should leave no thread without its opening post and no orphan row, and keep what it acknowledged', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'erf-kill-'));
    const db = serverUrl() ? await freshDatabase() : undefined;
    const env: Record<string, string> = {
      DATA_DIR: dataDir,
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
      RATE_LIMIT_SCALE: '0',
      LOG_LEVEL: 'silent',
      ...(db?.url ? { DATABASE_URL: db.url } : {}),
    };
    if (!db) env.DATABASE_URL = '';
    const port = await freePort();
    let child = await startAppProcess(env, port);
    try {
      const admin = await api(port, 'POST', '/api/auth/login', ADMIN);
      await api(port, 'PATCH', '/api/admin/settings', { newMemberReviewCount: 0 }, admin.cookie);
      const acknowledged: string[] = [];
      const flow = { running: true };
      const writers = [1, 2, 3].map(async (n) => {
        for (let i = 0; flow.running; i++) {
          try {
            const res = await api(
              port,
              'POST',
              '/api/categories/velkommen/threads',
              { title: `Tråd ${n}-${i}`, body: `Åpningsinnlegg ${n}-${i}` },
              admin.cookie,
            );
            if (res.status === 201) acknowledged.push(String(res.body!.id));
          } catch {
            return; // the process is gone
          }
        }
      });
      await sleep(1500);
      await stopProcess(child, 'SIGKILL');
      flow.running = false;
      await Promise.all(writers);

      // It comes back by itself on the same data, serving every thread it acknowledged.
      child = await startAppProcess(env, port);
      for (const id of acknowledged) expect((await api(port, 'GET', `/api/threads/${id}`)).status).toBe(200);
      await stopProcess(child, 'SIGTERM');

      // Then the rows themselves, straight from the database.
      const embedded = db ? undefined : await EmbeddedPostgres.start(dataDir);
      const client = new pg.Client({ connectionString: db?.url ?? embedded!.url });
      await client.connect();
      try {
        const q = async (sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows;
        expect(
          await q(
            `SELECT t.id FROM threads t WHERE NOT EXISTS (SELECT 1 FROM posts p WHERE p.thread_id = t.id AND p.is_opening)`,
          ),
        ).toEqual([]);
        expect(
          await q(`SELECT p.id FROM posts p LEFT JOIN threads t ON t.id = p.thread_id WHERE t.id IS NULL`),
        ).toEqual([]);
        expect(
          await q(
            `SELECT t.id FROM threads t WHERE t.reply_count <> (SELECT count(*) FROM posts p WHERE p.thread_id = t.id AND NOT p.is_opening AND p.status = 'published')`,
          ),
        ).toEqual([]);
        const stored = await q('SELECT id FROM threads WHERE id = ANY($1::uuid[])', [acknowledged]);
        expect(stored.length).toBe(acknowledged.length);
        expect(acknowledged.length).toBeGreaterThan(0);
      } finally {
        await client.end();
        await embedded?.stop();
      }
    } finally {
      child.kill('SIGKILL');
      await db?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
