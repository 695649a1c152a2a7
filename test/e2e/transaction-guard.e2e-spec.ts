import { DataSource } from 'typeorm';
import { Transactions } from '../../apps/api/src/database/transactions.js';
import { serverUrl } from '../support/database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A statement through another connection while a transaction is held deadlocks the embedded
 * database (one connection). The guard makes it fail at once on PostgreSQL, where it would merely
 * work, so every test that walks such a path fails in CI (apps/api/src/database/transaction-guard.ts).
 */
const onServer = serverUrl() ? describe : describe.skip; // on the embedded database it would wait for the pool

onServer('the transaction guard', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.stop());

  it('should fail a statement sent around the transaction this work holds, and let the transaction’s own run', async () => {
    const tx = app.server.app.get(Transactions);
    const db = app.server.app.get(DataSource);
    await expect(tx.run(() => db.query('SELECT 1'))).rejects.toThrow(/outside the transaction this work holds/);
    await expect(tx.run((m) => m.query('SELECT 1 AS one'))).resolves.toEqual([{ one: 1 }]);
    // Once the transaction is over, work it started may use the pool again.
    let later: Promise<unknown> = Promise.resolve();
    await tx.run(async (m) => {
      later = new Promise((r) => setTimeout(r, 20)).then(() => db.query('SELECT 2 AS two'));
      await m.query('SELECT 1');
    });
    await expect(later).resolves.toEqual([{ two: 2 }]);
  });
});
