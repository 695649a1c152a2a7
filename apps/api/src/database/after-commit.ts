import { Logger } from '@nestjs/common';
import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

type Task = () => Promise<void> | void;
const KEY = 'erf:afterCommit';
const logger = new Logger('AfterCommit');

function run(tasks: Task[]): void {
  // Never awaited by the commit: on the embedded database the transaction's connection is the only
  // one, and a task that queries must wait until the transaction has given it back.
  setImmediate(() => {
    for (const task of tasks) {
      Promise.resolve()
        .then(task)
        .catch((e: unknown) => logger.error(`after-commit task failed: ${e instanceof Error ? e.stack : String(e)}`));
    }
  });
}

function pending(queryRunner: QueryRunner): Task[] {
  const data = queryRunner.data as Record<string, unknown>;
  return (data[KEY] ??= []) as Task[];
}

/**
 * Runs `task` once the transaction `manager` belongs to has committed (never if it rolls back);
 * with a manager outside any transaction, or none (the write was one statement), right away. Used for what must not happen before the
 * data is there for others to read: live events, emails.
 */
export function afterCommit(manager: EntityManager | undefined, task: Task): void {
  const queryRunner = manager?.queryRunner;
  if (!queryRunner?.isTransactionActive) return run([task]);
  pending(queryRunner).push(task);
}

/** Hands the tasks of a committed transaction to `run`, and drops those of a rolled-back one. */
class AfterCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A savepoint's release also "commits"; only the outermost commit makes the data visible.
    if (event.queryRunner.isTransactionActive) return;
    const tasks = pending(event.queryRunner).splice(0);
    if (tasks.length > 0) run(tasks);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (event.queryRunner.isTransactionActive) return;
    pending(event.queryRunner).splice(0);
  }
}

export function installAfterCommit(dataSource: DataSource): void {
  if (!dataSource.subscribers.some((s) => s instanceof AfterCommitSubscriber))
    dataSource.subscribers.push(new AfterCommitSubscriber());
}
