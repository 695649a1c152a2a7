// `npm run db:move -- postgres://…`: the embedded database (DATA_DIR) into an empty PostgreSQL database.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';

build();
const cli = fileURLToPath(new URL('../dist/apps/api/src/database/move-to-postgres.cli.js', import.meta.url));
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
