import type { Pool, PoolClient } from 'pg';
import { DataSource, type QueryRunner } from 'typeorm';
import { MOST_PER_CONNECTION } from '../../apps/api/src/database/prepared-statements.js';
import { asAdmin, newUser } from '../support/factories.js';
import { newCategory, newThread, reply, setSettings } from '../support/forum.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 19: the app's statements with parameters are prepared once per connection (decision
 * 0047). What a user would notice if it went wrong: a wrong answer from a statement mistaken for
 * another, a connection that stays broken after one failed statement, or a server that keeps
 * every one-off statement for ever.
 */
describe('prepared statements', () => {
  let app: TestApp;
  let runner: QueryRunner;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.stop());

  const preparedOnThisConnection = async (like: string): Promise<number> =>
    (await runner.query(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE '${like}'`))[0].n;

  // One connection held by the test (the embedded database has only the one: given back before the app is asked).
  describe('on one connection', () => {
    beforeAll(async () => {
      runner = app.server.app.get(DataSource).createQueryRunner();
      await runner.connect();
    });
    afterAll(() => runner?.release());

    it('should prepare a statement once on a connection and answer each run with its own parameters', async () => {
      const text = 'SELECT $1::int * 2 AS doubled /* prepared-once */';
      for (const n of [1, 2, 3, 40]) expect(await runner.query(text, [n])).toEqual([{ doubled: n * 2 }]);
      expect(await preparedOnThisConnection('%prepared-once%')).toBe(1);
      // Without parameters a statement is sent as it is.
      await runner.query('SELECT 1 AS one /* not-prepared */');
      expect(await preparedOnThisConnection('%not-prepared%')).toBe(0);
    });

    it('should go on answering on a connection after a prepared statement failed', async () => {
      const text = 'SELECT 10 / $1::int AS q /* fails-once */';
      await expect(runner.query(text, [0])).rejects.toThrow(/division by zero/);
      expect(await runner.query(text, [5])).toEqual([{ q: 2 }]);
      await expect(runner.query('SELEC $1 /* broken */', [1])).rejects.toThrow(/syntax/);
      await expect(runner.query('SELEC $1 /* broken */', [1])).rejects.toThrow(/syntax/);
      expect(await runner.query('SELECT $1::text AS t', ['fortsatt her'])).toEqual([{ t: 'fortsatt her' }]);
    });

    it('should answer when a table changed under a prepared statement (a migration run by another process)', async () => {
      await runner.query('CREATE TEMP TABLE prepared_probe (id int, a text)');
      await runner.query("INSERT INTO prepared_probe VALUES (1, 'en')");
      const text = 'SELECT * FROM prepared_probe WHERE id = $1';
      expect(await runner.query(text, [1])).toEqual([{ id: 1, a: 'en' }]);
      await runner.query("ALTER TABLE prepared_probe ADD COLUMN b text DEFAULT 'to'");
      expect(await runner.query(text, [1])).toEqual([{ id: 1, a: 'en', b: 'to' }]);
      expect(await runner.query(text, [1])).toEqual([{ id: 1, a: 'en', b: 'to' }]);
    });

    it(`should keep at most ${MOST_PER_CONNECTION} statements on a connection, and answer the rest unprepared`, async () => {
      for (let i = 0; i < MOST_PER_CONNECTION + 20; i++)
        expect(await runner.query(`SELECT $1::int + ${i} AS n /* one-off */`, [1])).toEqual([{ n: i + 1 }]);
      expect(await preparedOnThisConnection('%one-off%')).toBeLessThanOrEqual(MOST_PER_CONNECTION);
      expect((await runner.query('SELECT count(*)::int AS n FROM pg_prepared_statements'))[0].n).toBeLessThanOrEqual(
        MOST_PER_CONNECTION,
      );
    });
  });

  // The embedded database serves every connection from one session: what one prepared outlives it.
  it('should prepare a statement again on a new connection after the old one closed', async () => {
    const pool = (app.server.app.get(DataSource).driver as unknown as { master: Pool }).master;
    const text = 'SELECT $1::int AS n /* across-connections */';
    const first = await pool.connect();
    expect((await first.query(text, [1])).rows).toEqual([{ n: 1 }]);
    first.release(true);
    // The embedded database takes a moment to let the closed connection go before it serves a new one.
    let second: PoolClient | undefined;
    for (let attempt = 0; !second; attempt++)
      second = await pool.connect().catch(async (e: unknown) => {
        if (attempt >= 20) throw e;
        await new Promise((r) => setTimeout(r, 100));
        return undefined;
      });
    try {
      expect((await second.query(text, [2])).rows).toEqual([{ n: 2 }]);
    } finally {
      second.release();
    }
  });

  it('should give every member their own page and counts when the same statements serve them all', async () => {
    await asAdmin(app);
    await setSettings(app, { newMemberReviewCount: 0 });
    const slug = await newCategory(app);
    const members = await Promise.all([newUser(app), newUser(app), newUser(app)]);
    const threads = await Promise.all(members.map((m, i) => newThread(m, slug, { title: `Tråd nummer ${i}` })));
    for (let round = 0; round < 7; round++)
      await Promise.all(members.map((m, i) => reply(m, threads[i].id, `Svar ${round} fra ${i}`)));
    const pages = await Promise.all(members.map((m, i) => m.get(`/api/threads/${threads[i].id}`)));
    expect(pages.map((p) => [p.body.title, p.body.replyCount])).toEqual(members.map((_, i) => [`Tråd nummer ${i}`, 7]));
    const me = await Promise.all(members.map((m) => m.get('/api/auth/me')));
    expect(me.map((r) => r.body.id)).toEqual(members.map((m) => m.user!.id));
  });
});
