import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

export default async function globalTeardown() {
  const dir = process.env.ERF_TEST_RUN_DIR;
  if (!dir) return;
  const file = join(dir, 'template-server.json');
  if (existsSync(file)) {
    const template = JSON.parse(readFileSync(file, 'utf8'));
    if (template.kind === 'server') {
      const client = new pg.Client({ connectionString: template.server });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${template.name} WITH (FORCE)`).catch(() => undefined);
      await client.end();
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
