// Measures what the browser must download to show the home page: the entry chunk and every chunk
// it imports statically (transitively), gzipped, from the Vite manifest in dist/web.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function initialJs(webRoot) {
  const manifest = JSON.parse(readFileSync(join(webRoot, '.vite', 'manifest.json'), 'utf8'));
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entryKey) throw new Error('no entry in the Vite manifest');
  const seen = new Set();
  const files = [];
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    files.push(chunk.file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  visit(entryKey);
  const sizes = files.map((file) => {
    const raw = readFileSync(join(webRoot, file));
    return { file, bytes: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  });
  const css = (manifest[entryKey].css ?? []).map((file) => {
    const raw = readFileSync(join(webRoot, file));
    return { file, bytes: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  });
  return { entry: manifest[entryKey].file, files: sizes, totalGzip: sizes.reduce((a, s) => a + s.gzip, 0), css };
}

const log = (line) => process.stdout.write(`${line}\n`);

if (process.argv[1] && process.argv[1].endsWith('bundle.mjs')) {
  const r = initialJs(process.argv[2] ?? 'dist/web');
  for (const f of r.files)
    log(`${(f.gzip / 1024).toFixed(1).padStart(7)} KB gz  ${(f.bytes / 1024).toFixed(1).padStart(7)} KB  ${f.file}`);
  log(`${(r.totalGzip / 1024).toFixed(1).padStart(7)} KB gz  initial JS total`);
  for (const f of r.css)
    log(
      `${(f.gzip / 1024).toFixed(1).padStart(7)} KB gz  ${(f.bytes / 1024).toFixed(1).padStart(7)} KB  ${f.file} (CSS)`,
    );
}
