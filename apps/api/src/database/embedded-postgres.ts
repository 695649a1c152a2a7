import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * PostgreSQL compiled to WASM (PGlite), kept in `<dataDir>/pgdata` and served on a loopback port
 * so the ordinary `pg` driver, and so TypeORM, reach it exactly as they reach a real server.
 * PGlite runs one connection at a time: whoever connects must use a pool of one
 * (docs/decisions/0002-embedded-postgres-pglite.md).
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
  ) {}

  static async start(dataDir: string): Promise<EmbeddedPostgres> {
    const pgdata = join(dataDir, 'pgdata');
    mkdirSync(pgdata, { recursive: true });
    // pg_trgm: search matches words inside Norwegian compounds through its index (decision 0017).
    const db = await PGlite.create({ dataDir: pgdata, extensions: { pg_trgm } });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
    await server.start();
    const address = server.getServerConn();
    const port = Number(address.split(':').pop());
    return new EmbeddedPostgres(db, server, `postgres://postgres@127.0.0.1:${port}/postgres`);
  }

  private stopped?: Promise<void>;

  stop(): Promise<void> {
    this.stopped ??= (async () => {
      await this.server.stop();
      await this.db.close();
    })();
    return this.stopped;
  }
}
