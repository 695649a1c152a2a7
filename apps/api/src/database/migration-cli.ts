import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';
import { EmbeddedPostgres } from './embedded-postgres.js';

/** `npm run migration:run | migration:revert | migration:generate -- Name` (scripts/migrate.mjs). */
const [command, name] = process.argv.slice(2);
const asCode = (list: { query: string }[]) =>
  list.map((x) => `    await db.query(${JSON.stringify(x.query)});`).join('\n');
const config = loadConfig(process.env);
const embedded = config.databaseUrl ? undefined : await EmbeddedPostgres.start(config.dataDir);
const dataSource = await new DataSource(
  dataSourceOptions({ url: config.databaseUrl ?? embedded!.url, poolSize: 1, statementTimeoutMs: 0 }),
).initialize();
try {
  if (command === 'run') {
    const done = await dataSource.runMigrations({ transaction: 'each' });
    process.stdout.write(done.length ? `Ran ${done.map((m) => m.name).join(', ')}\n` : 'No pending migrations.\n');
  } else if (command === 'revert') {
    await dataSource.undoLastMigration({ transaction: 'each' });
    process.stdout.write('Reverted the last migration.\n');
  } else if (command === 'generate' && name && /^[A-Za-z][\w-]*$/.test(name)) {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      process.stdout.write('The entities match the database: nothing to generate.\n');
    } else {
      const stamp = Date.now();
      const className = `${name.replace(/[^A-Za-z0-9]/g, '')}${stamp}`;
      const file = join(process.cwd(), 'migrations', `${stamp}-${name}.ts`);
      writeFileSync(
        file,
        `import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Generated from the entities; read it, name things well and add it to migrations/index.ts. */
export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(db: QueryRunner): Promise<void> {
${asCode(sql.upQueries)}
  }

  async down(db: QueryRunner): Promise<void> {
${asCode(sql.downQueries.toReversed())}
  }
}
`,
      );
      process.stdout.write(`Wrote ${file}\n`);
    }
  } else {
    process.stderr.write('usage: migrate.mjs run | revert | generate <Name>\n');
    process.exitCode = 2;
  }
} finally {
  await dataSource.destroy();
  await embedded?.stop();
}
