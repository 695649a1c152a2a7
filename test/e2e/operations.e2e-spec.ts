import { DataSource } from 'typeorm';
import { SessionCleanup } from '../../apps/api/src/maintenance/maintenance.module.js';
import { adminQuery, serverUrl } from '../support/database.js';
import { newUser } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('operations', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it('should delete expired sessions, which then no longer log anyone in', async () => {
    const user = await newUser(app);
    const db = app.server.app.get(DataSource);
    await db.query(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [user.user!.id]);
    expect((await user.get('/api/auth/me')).status).toBe(401);
    await app.server.app.get(SessionCleanup).removeExpired();
    const left = await db.query('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [user.user!.id]);
    expect(left[0].n).toBe(0);
  });

  it('should keep a request id on every response, and take a sane one from the caller', async () => {
    const res = await app.client().get('/api/health').set('X-Request-Id', 'trace-me-123');
    expect(res.headers['x-request-id']).toBe('trace-me-123');
    const generated = await app.client().get('/api/health').set('X-Request-Id', 'bad id with spaces');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should send a strict Content-Security-Policy and no X-Powered-By', async () => {
    const res = await app.client().get('/api/health');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('should keep the audit log append-only at the database', async () => {
    const db = app.server.app.get(DataSource);
    await db.query(`INSERT INTO audit_log (action) VALUES ('settings')`);
    await expect(db.query(`UPDATE audit_log SET reason = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });

  it('should answer 503 from /api/health while the database is away, not hang', async () => {
    const db = app.server.app.get(DataSource);
    if (app.server.embedded) {
      // The last test of the file: the embedded database is stopped for good.
      await app.server.embedded.stop();
      const res = await app.client().get('/api/health');
      expect(res.status).toBe(503);
      return;
    }
    const name = (await db.query('SELECT current_database() AS name'))[0].name;
    await adminQuery(serverUrl()!, `ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    try {
      await db.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      await db.query('SELECT pg_terminate_backend(pg_backend_pid())').catch(() => undefined);
      const res = await app.client().get('/api/health');
      expect(res.status).toBe(503);
    } finally {
      await adminQuery(serverUrl()!, `ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    }
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await app.client().get('/api/health')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  });
});
