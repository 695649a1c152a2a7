import type { DataSource } from 'typeorm';

/** Tables whose rows change on a request that changes nothing a user wrote (session expiry, housekeeping). */
const VOLATILE = new Set(['sessions', 'migrations']);

/** The digest query per database: its tables are fixed once migrated, so they are listed once. */
const queries = new WeakMap<DataSource, Promise<string>>();

async function digestQuery(db: DataSource): Promise<string> {
  const tables: { name: string }[] = await db.query(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const parts = tables
    .filter((t) => !VOLATILE.has(t.name))
    .map(
      (t) =>
        `SELECT '${t.name}' || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${t.name}" t`,
    );
  return `SELECT string_agg(h, ',' ORDER BY h) AS digest FROM (${parts.join(' UNION ALL ')}) x`;
}

/**
 * A digest of every row of every table (but the volatile ones), in one round trip (the table list is read once per database): equal digests
 * before and after a request mean the request changed nothing.
 */
export async function databaseFingerprint(db: DataSource): Promise<string> {
  const snapshot = await quietSnapshot(db);
  const last = lastDigests.get(db);
  if (snapshot && last?.snapshot === snapshot) return last.digest;
  let query = queries.get(db);
  if (!query) {
    query = digestQuery(db);
    queries.set(db, query);
  }
  const rows: { digest: string }[] = await db.query(await query);
  if (snapshot) lastDigests.set(db, { snapshot, digest: rows[0].digest });
  else lastDigests.delete(db);
  return rows[0].digest;
}

/**
 * The last digest per database, with the snapshot read just before it. Every write takes a
 * transaction id, so while the snapshot is the same (no new transaction id handed out, none in
 * flight) nothing can have changed since, and the digest is answered again without reading every
 * table: the fuzzing spends most of its time on requests that write nothing.
 */
const lastDigests = new WeakMap<DataSource, { snapshot: string; digest: string }>();

/** The current snapshot when no transaction with an id is in flight; null otherwise. */
async function quietSnapshot(db: DataSource): Promise<string | null> {
  const [row]: { snapshot: string; quiet: boolean }[] = await db.query(
    `SELECT s::text AS snapshot, pg_snapshot_xmin(s) = pg_snapshot_xmax(s) AS quiet FROM pg_current_snapshot() AS s`,
  );
  return row.quiet ? row.snapshot : null;
}
