import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The home page's initial JavaScript (entry chunk + its static imports, gzipped) stays within
// the budget in issue 7, so the first page is usable on a slow phone connection.
const BUDGET_BYTES = 150 * 1024;
const root = fileURLToPath(new URL('../..', import.meta.url));

describe('web bundle', () => {
  it('should keep the home page initial JavaScript at most 150 KB gzipped', async () => {
    const { build } = (await import(join(root, 'scripts', 'build.mjs'))) as { build(): void };
    build();
    const { initialJs } = (await import(join(root, 'test', 'web', 'bundle.mjs'))) as {
      initialJs(dir: string): { entry: string; totalGzip: number; files: { file: string; gzip: number }[] };
    };
    const result = initialJs(join(root, 'dist', 'web'));
    expect(result.files.length).toBeGreaterThan(0);
    expect(result.totalGzip).toBeLessThanOrEqual(BUDGET_BYTES);
  }, 300_000);

  it('should not load socket.io-client or Markdown with the first page', async () => {
    const { readFileSync } = await import('node:fs');
    const { initialJs } = (await import(join(root, 'test', 'web', 'bundle.mjs'))) as {
      initialJs(dir: string): { files: { file: string }[] };
    };
    const text = initialJs(join(root, 'dist', 'web'))
      .files.map((f) => readFileSync(join(root, 'dist', 'web', f.file), 'utf8'))
      .join('\n');
    expect(text).not.toMatch(/engine\.io|socket\.io-parser/);
    expect(text).not.toMatch(/markdown-it/);
  }, 300_000);
});
