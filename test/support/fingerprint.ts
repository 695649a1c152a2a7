import type { DataSource } from 'typeorm';

/** Tables whose rows change on a request that changes nothing a user wrote (session expiry, housekeeping). */
const VOLATILE = new Set(['sessions', 'migrations']);

/**
 * A digest of every row of every table (but the volatile ones), in one round trip: equal digests
 * before and after a request mean the request changed nothing.
 */
export async function databaseFingerprint(db: DataSource): Promise<string> {
  const tables: { name: string }[] = await db.query(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const parts = tables
    .filter((t) => !VOLATILE.has(t.name))
    .map(
      (t) =>
        `SELECT '${t.name}' || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${t.name}" t`,
    );
  const rows: { digest: string }[] = await db.query(
    `SELECT string_agg(h, ',' ORDER BY h) AS digest FROM (${parts.join(' UNION ALL ')}) x`,
  );
  return rows[0].digest;
}
