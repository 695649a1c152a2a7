import 'reflect-metadata';
import { loadConfig } from '../config/app-config.js';
import { moveEmbeddedToPostgres } from './move-to-postgres.js';

/** `npm run db:move -- postgres://…` (scripts/move-to-postgres.mjs). Stop the server first. */
const target = process.argv[2];
if (!target || !/^postgres(ql)?:\/\//.test(target)) {
  process.stderr.write('usage: npm run db:move -- postgres://user@host:5432/database\n');
  process.exit(2);
}
const config = loadConfig({ ...process.env, DATABASE_URL: undefined });
try {
  await moveEmbeddedToPostgres(config.dataDir, target, (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(
    'Done. Start the app with this DATABASE_URL and the same ANON_SECRET and SESSION_SECRET (DATA_DIR/secrets.json).\n',
  );
} catch (e) {
  process.stderr.write(`Nothing was moved: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
