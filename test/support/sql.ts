import { DataSource } from 'typeorm';
import type { TestApp } from './test-app.js';

/** Runs SQL on the app's own database connection (PGlite has one; nothing else may open another). */
// oxlint-disable-next-line typescript/no-explicit-any
export function sql<T = any>(app: TestApp, query: string, params: unknown[] = []): Promise<T> {
  return app.server.app.get(DataSource).query(query, params);
}

/** Runs SQL on the app's own database connection; the rows. */
export function rows<T = Record<string, unknown>>(app: TestApp, query: string, params: unknown[] = []): Promise<T[]> {
  return sql<T[]>(app, query, params);
}

/** Every table's rows: what someone holding a database dump (but not ANON_SECRET) has. */
export async function dump(app: TestApp): Promise<Record<string, Record<string, unknown>[]>> {
  const tables = await rows<{ table_name: string }>(
    app,
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const { table_name } of tables) out[table_name] = await rows(app, `SELECT * FROM "${table_name}"`);
  return out;
}

/** A dumped value as text, byte columns in hex. */
export const asText = (v: unknown) =>
  JSON.stringify(v, (_, x) =>
    x && typeof x === 'object' && x.type === 'Buffer' ? Buffer.from(x.data).toString('hex') : x,
  );
