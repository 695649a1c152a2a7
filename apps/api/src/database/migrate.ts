import type { DataSource } from 'typeorm';

const MIGRATION_LOCK = 7_305_441_118;

/**
 * Runs pending migrations. Several app processes may start at once against one PostgreSQL, so the
 * run is serialised by an advisory lock; the embedded database has a single process and a single
 * connection, where taking the lock on a second connection would deadlock.
 */
export async function runMigrations(dataSource: DataSource, { exclusive }: { exclusive: boolean }): Promise<void> {
  if (!exclusive) {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
