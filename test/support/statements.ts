import { DataSource } from 'typeorm';
import type { TestApp } from './test-app.js';

/**
 * The SQL statements the app sent while `run` ran (BEGIN and COMMIT included): counted through
 * TypeORM's logger, which sees every query the app's pool sends. Requests made meanwhile by
 * others are counted too, so a test runs one request at a time.
 */
export async function statementsOf(app: TestApp, run: () => Promise<unknown>): Promise<string[]> {
  const logger = app.server.app.get(DataSource).logger;
  const original = logger.logQuery.bind(logger);
  const seen: string[] = [];
  logger.logQuery = (query, parameters, runner) => {
    seen.push(query.replace(/\s+/g, ' ').trim());
    return original(query, parameters, runner);
  };
  try {
    await run();
    // Work a response leaves behind (a session touch, a queued notification) lands within a tick.
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    logger.logQuery = original;
  }
  return seen;
}
