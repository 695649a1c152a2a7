// `npm start`: builds what is missing or changed (nothing when nothing changed), then runs the server.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';

build();
const main = fileURLToPath(new URL('../dist/apps/api/src/main.js', import.meta.url));
const child = spawn(process.execPath, ['--enable-source-maps', main], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
