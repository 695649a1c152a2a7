// Builds what is missing or out of date: the API (tsc) and the web app (vite), each only when its
// sources changed since the last build (a content hash kept in dist/). `--force` rebuilds both.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib, { brotliCompressSync, gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);

const TARGETS = {
  api: {
    inputs: ['apps/api', 'libs', 'migrations', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
    output: 'dist/apps/api/src/main.js',
    command: [bin('tsc'), ['-p', 'tsconfig.build.json']],
  },
  web: {
    inputs: ['apps/web', 'libs', 'package-lock.json'],
    output: 'dist/web/index.html',
    command: [bin('vite'), ['build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn']],
    after: () => precompress(join(root, 'dist/web')),
  },
};

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;

/**
 * Brotli and gzip copies of the web app's text files, made once at build time, so the server sends
 * a slow phone the small version without compressing on every request (express-static-gzip).
 */
function precompress(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const file = join(entry.parentPath ?? entry.path, entry.name);
    const data = readFileSync(file);
    if (data.length < 1024) continue;
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(data, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
      }),
    );
    writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
  }
}

function files(path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [full];
  return readdirSync(full, { withFileTypes: true })
    .filter((e) => e.name !== 'node_modules' && e.name !== 'dist' && !e.name.startsWith('.'))
    .flatMap((e) => files(join(path, e.name)));
}

function hashOf(inputs) {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap(files).sort()) {
    hash.update(relative(root, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

export function build({ force = false, only = Object.keys(TARGETS) } = {}) {
  mkdirSync(join(root, 'dist'), { recursive: true });
  for (const [name, target] of Object.entries(TARGETS)) {
    if (!only.includes(name)) continue;
    const stamp = join(root, 'dist', `.${name}.build-hash`);
    const hash = hashOf(target.inputs);
    const fresh = existsSync(join(root, target.output)) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash;
    if (fresh && !force) continue;
    process.stdout.write(`Building ${name}…\n`);
    const [cmd, args] = target.command;
    // A build is always a production build, even when started from a test run (NODE_ENV=test
    // would make Vite bundle React's development build).
    const result = spawnSync(cmd, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (result.status !== 0) {
      process.stderr.write(`Build of ${name} failed.\n`);
      process.exit(result.status ?? 1);
    }
    target.after?.();
    writeFileSync(stamp, hash);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) build({ force: process.argv.includes('--force') });
