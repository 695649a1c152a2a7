import { DataSource } from 'typeorm';
import type { TestApp } from './test-app.js';

/** Runs SQL on the app's own database connection (PGlite has one; nothing else may open another). */
// oxlint-disable-next-line typescript/no-explicit-any
export function sql<T = any>(app: TestApp, query: string, params: unknown[] = []): Promise<T> {
  return app.server.app.get(DataSource).query(query, params);
}
