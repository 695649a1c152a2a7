import { DataSource } from 'typeorm';
import type { TestApp } from './test-app.js';

const SETTINGS_REFRESH = 'SELECT values FROM settings WHERE id = 1';

/**
 * The SQL statements the app sent while `run` ran (BEGIN and COMMIT included): counted through
 * TypeORM's logger, which sees every query the app's pool sends. Requests made meanwhile by
 * others are counted too, so a test runs one request at a time. Not counted: the settings'
 * background refresh (SettingsService answers from memory and reads them again every 2 s, whatever
 * the request), which would otherwise land in a request now and then.
 */

export async function statementsOf(app: TestApp, run: () => Promise<unknown>): Promise<string[]> {
  const logger = app.server.app.get(DataSource).logger;
  const original = logger.logQuery.bind(logger);
  const seen: string[] = [];
  logger.logQuery = (query, parameters, runner) => {
    const statement = query.replace(/\s+/g, ' ').trim();
    if (statement !== SETTINGS_REFRESH) seen.push(statement);
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
