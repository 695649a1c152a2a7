import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger as NestLogger } from '@nestjs/common';
import type { Logger, QueryRunner } from 'typeorm';

const open = new AsyncLocalStorage<QueryRunner>();
const logger = new NestLogger('TransactionGuard');

/** Runs `work` as the holder of this transaction's connection (Transactions.run). */
export function holdingTransaction<T>(runner: QueryRunner | undefined, work: () => Promise<T>): Promise<T> {
  return runner ? open.run(runner, work) : work();
}

/**
 * TypeORM's logger, used for one thing: a statement sent through another connection while this
 * flow of work holds a transaction. On PostgreSQL that merely works; on the embedded database's
 * one connection it waits until the pool gives up (a settings read inside an event's update once
 * answered 503 so). With TRANSACTION_GUARD=throw (the tests) the statement fails at once, so the
 * test that walks that path fails on PostgreSQL too; otherwise it is logged.
 */
export class TransactionGuardLogger implements Logger {
  logQuery(query: string, _parameters?: unknown[], runner?: QueryRunner): void {
    const held = open.getStore();
    if (!held || held.isReleased || runner === held) return;
    const message = `a statement outside the transaction this work holds: ${query.replace(/\s+/g, ' ').slice(0, 200)}`;
    if (process.env.TRANSACTION_GUARD === 'throw') throw new Error(message);
    logger.warn(message);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
