import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 19: index.html's static shell paints with its few rules inline (apps/web/shell-style.ts),
 * one round trip sooner on a slow phone. The CSP allows exactly those styles, by hash — no
 * 'unsafe-inline', so an injected style still does not apply.
 */
describe('the web app shell’s inline style under the CSP', () => {
  const webRoot = mkdtempSync(join(tmpdir(), 'erf-web-'));
  const previous = process.env.WEB_ROOT;
  const shell = 'body{margin:0;background:#f6f8f7}';
  let app: TestApp;

  beforeAll(async () => {
    writeFileSync(join(webRoot, 'index.html'), `<!doctype html><style>${shell}</style><div id="root"></div>`);
    process.env.WEB_ROOT = webRoot;
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.stop();
    if (previous === undefined) delete process.env.WEB_ROOT;
    else process.env.WEB_ROOT = previous;
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('should allow the shell’s own inline style by its hash, and no other inline style', async () => {
    const page = await app.client().get('/');
    expect(page.status).toBe(200);
    const styleSrc = String(page.headers['content-security-policy'])
      .split(';')
      .find((d) => d.startsWith('style-src '));
    const hash = createHash('sha256').update(shell).digest('base64');
    expect(styleSrc).toBe(`style-src 'self' 'sha256-${hash}'`);
  });
});
