import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * No web source file over 400 lines: a page is split into its features' components and hooks
 * (apps/web/src/features/<feature>/). The generated contract (schema.gen.ts) is exempt; so are
 * the locale files and the style sheet, which are data rather than code.
 */
const MAX_LINES = 400;
const root = fileURLToPath(new URL('../../apps/web/src', import.meta.url));
const EXEMPT = /\.gen\.ts$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|mjs)$/.test(name) && !EXEMPT.test(name) ? [full] : [];
  });
}

describe('web source files', () => {
  it(`should each be at most ${MAX_LINES} lines when the app is split by feature`, () => {
    const files = sourceFiles(root);
    expect(files.length).toBeGreaterThan(20);
    const tooLong = files
      .map((file) => ({ file: relative(root, file), lines: readFileSync(file, 'utf8').split('\n').length }))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${f.file}: ${f.lines} lines`);
    expect(tooLong).toEqual([]);
  });

  it('should count the generated contract as exempt, and nothing else', () => {
    const exempt = readdirSync(join(root, 'api')).filter((name) => EXEMPT.test(name));
    expect(exempt).toEqual(['schema.gen.ts']);
  });
});
