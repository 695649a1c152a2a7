import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';
import { EmbeddedPostgres } from './embedded-postgres.js';

const BATCH = 2_000;

/** Tables in foreign-key order: a table comes after every table it references. */
const TABLES_IN_ORDER = `
  WITH RECURSIVE deps AS (
    SELECT c.oid, c.relname, 0 AS depth FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r'
    UNION ALL
    SELECT d.oid, d.relname, deps.depth + 1 FROM deps
    JOIN pg_constraint fk ON fk.conrelid = deps.oid AND fk.contype = 'f' AND fk.confrelid <> deps.oid
    JOIN pg_class d ON d.oid = fk.confrelid
    WHERE deps.depth < 20
  )
  SELECT relname AS name FROM deps WHERE relname <> 'migrations' GROUP BY relname ORDER BY max(depth) DESC, relname`;

/**
 * Copies the embedded database in `dataDir` into an empty PostgreSQL database: the same
 * migrations first, then every table's rows in foreign-key order, as JSON (row_to_json →
 * json_populate_recordset), so every type round-trips and ids stay the same. One transaction on the
 * target: all or nothing. (pg_dump would have to be at least as new as PGlite's PostgreSQL, 18.)
 */
export async function moveEmbeddedToPostgres(
  dataDir: string,
  target: string,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  const embedded = await EmbeddedPostgres.start(dataDir);
  const source = new pg.Client({ connectionString: embedded.url });
  const destination = new pg.Client({ connectionString: target });
  try {
    await source.connect();
    await destination.connect();
    const migrator = await new DataSource(
      dataSourceOptions({ url: target, poolSize: 1, statementTimeoutMs: 0 }),
    ).initialize();
    await migrator.runMigrations({ transaction: 'each' });
    await migrator.destroy();
    const { rows: users } = await destination.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    if (users[0].n > 0) throw new Error('the target database already has users: move into an empty database');
    await destination.query('BEGIN');
    try {
      const { rows: tables } = await source.query<{ name: string }>(TABLES_IN_ORDER);
      for (const { name } of tables) log(`${name}: ${await copyTable(source, destination, name)} rows`);
      await destination.query('COMMIT');
    } catch (e) {
      await destination.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  } finally {
    await source.end().catch(() => undefined);
    await destination.end().catch(() => undefined);
    await embedded.stop();
  }
}

async function copyTable(source: pg.Client, destination: pg.Client, name: string): Promise<number> {
  // Only rows the migrations themselves create (the settings row, starter content) can be here.
  const { rows: existing } = await destination.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`);
  if (existing[0].n > 0) await destination.query(`DELETE FROM "${name}"`);
  const { rows: cols } = await source.query<{ attname: string }>(
    `SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
    [name],
  );
  const list = cols.map((c) => `"${c.attname}"`).join(', ');
  let moved = 0;
  // Keyset over the physical row position: each batch starts after the last row of the one before.
  let after = '(0,0)';
  for (;;) {
    const { rows } = await source.query<{ batch: string | null; last: string | null }>(
      `SELECT json_agg(t)::text AS batch, max(t.row_position)::text AS last
       FROM (SELECT ctid AS row_position, ${list} FROM "${name}" WHERE ctid > $1::tid ORDER BY ctid LIMIT ${BATCH}) t`,
      [after],
    );
    const { batch, last } = rows[0] ?? {};
    if (!batch || !last) return moved;
    const result = await destination.query(
      `INSERT INTO "${name}" (${list}) SELECT ${list} FROM json_populate_recordset(null::"${name}", $1::json)`,
      [batch],
    );
    moved += result.rowCount ?? 0;
    after = last;
  }
}
