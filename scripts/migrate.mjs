// Migrations by hand: `run`, `revert` (the last one) or `generate <Name>` (a new file in migrations/
// from the difference between the entities and the database). Uses DATABASE_URL, or the embedded
// database in DATA_DIR when it is unset. Stop the server first when using the embedded database.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';

build();
const [command, name] = process.argv.slice(2);
const cli = fileURLToPath(new URL('../dist/apps/api/src/database/migration-cli.js', import.meta.url));
const result = spawnSync(process.execPath, [cli, command ?? '', name ?? ''], { stdio: 'inherit' });
process.exit(result.status ?? 1);
