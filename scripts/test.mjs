// `npm test`: unit and end-to-end tests. With DATABASE_URL (or TEST_DATABASE_URL) the e2e tests run
// against that PostgreSQL server, each file on its own fresh database; without, on the embedded one.
import { spawnSync } from 'node:child_process';

const args = ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', ...process.argv.slice(2)];
const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
process.exit(result.status ?? 1);
