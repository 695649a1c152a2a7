import { moveEmbeddedToPostgres } from '../../apps/api/src/database/move-to-postgres.js';
import { adminQuery, databaseUrl, freshDatabase, serverUrl } from '../support/database.js';
import { newUser } from '../support/factories.js';
import { startTestApp } from '../support/test-app.js';

const server = serverUrl();

// Moving data needs both kinds of database: the embedded one as the source, a server as the target.
(server ? describe : describe.skip)('moving the embedded data to PostgreSQL', () => {
  it('should copy every account into an empty database, where they can log in, and refuse a non-empty one', async () => {
    const saved = process.env.DATABASE_URL;
    const savedTest = process.env.TEST_DATABASE_URL;
    delete process.env.DATABASE_URL;
    delete process.env.TEST_DATABASE_URL;
    const embeddedDb = await freshDatabase();
    process.env.DATABASE_URL = saved;
    if (savedTest) process.env.TEST_DATABASE_URL = savedTest;

    const source = await startTestApp({ DATABASE_URL: undefined }, embeddedDb);
    const kari = await newUser(source, 'panel');
    await source.stop();

    const name = `erf_move_${process.pid}_${Date.now().toString(36)}`;
    await adminQuery(server!, `CREATE DATABASE ${name}`);
    try {
      await moveEmbeddedToPostgres(embeddedDb.dataDir, databaseUrl(server!, name));
      const target = await startTestApp(
        { DATABASE_URL: databaseUrl(server!, name) },
        { url: databaseUrl(server!, name), dataDir: embeddedDb.dataDir, drop: async () => undefined },
      );
      const res = await target
        .client()
        .post('/api/auth/login', { username: kari.user!.username, password: kari.password });
      expect(res.status).toBe(200);
      expect(res.body.role).toBe('panel');
      await target.stop();
      await expect(moveEmbeddedToPostgres(embeddedDb.dataDir, databaseUrl(server!, name))).rejects.toThrow(
        /empty database/,
      );
    } finally {
      await adminQuery(server!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await embeddedDb.drop();
    }
  }, 240_000); // builds an embedded template, boots two apps and copies: slow on a loaded machine
});
