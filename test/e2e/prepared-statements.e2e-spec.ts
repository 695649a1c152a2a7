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

    it(`should keep at most ${MOST_PER_CONNECTION} statements on a connection, and answer the rest unprepared`, async () => {
      for (let i = 0; i < MOST_PER_CONNECTION + 20; i++)
        expect(await runner.query(`SELECT $1::int + ${i} AS n /* one-off */`, [1])).toEqual([{ n: i + 1 }]);
      expect(await preparedOnThisConnection('%one-off%')).toBeLessThanOrEqual(MOST_PER_CONNECTION);
      expect((await runner.query('SELECT count(*)::int AS n FROM pg_prepared_statements'))[0].n).toBeLessThanOrEqual(
        MOST_PER_CONNECTION,
      );
    });
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
