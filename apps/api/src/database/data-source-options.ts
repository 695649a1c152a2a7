import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../../migrations/index.js';
import { ENTITIES } from './entities.js';
import { PreparingClient } from './prepared-statements.js';
import { TransactionGuardLogger } from './transaction-guard.js';

export interface DatabaseTarget {
  url: string;
  /** PGlite serves one connection at a time, so the embedded database gets a pool of one. */
  poolSize: number;
  /**
   * How long any one statement may run (ms) before PostgreSQL cancels it; 0 for none (the
   * migration and move tools). PGlite cannot cancel, and ignores it.
   */
  statementTimeoutMs?: number;
  /** Statements with parameters prepared once per connection (the app, not the migration tools). */
  prepareStatements?: boolean;
}

/** The app's statements are a user's request waiting; none should outlive a few seconds. */
const APP_STATEMENT_TIMEOUT_MS = 10_000;

export function dataSourceOptions(target: DatabaseTarget): DataSourceOptions {
  return {
    type: 'postgres',
    url: target.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    logger: new TransactionGuardLogger(),
    extra: {
      max: target.poolSize,
      // pg waits for ever by default; a deadlock should fail loudly instead.
      connectionTimeoutMillis: 15_000,
      idleTimeoutMillis: 30_000,
      application_name: 'erfaringsforum',
      statement_timeout: target.statementTimeoutMs ?? APP_STATEMENT_TIMEOUT_MS,
      ...(target.prepareStatements ? { Client: PreparingClient } : {}),
    },
  };
}
