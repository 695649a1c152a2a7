import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asAdmin } from '../support/factories.js';
import { must } from '../support/forum.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The newsletter's unsubscribe link (`GET /unsubscribe/:token`) is the server's page, also when the
 * built web app is served beside the API: its fallback to index.html must not answer it.
 */
describe('the unsubscribe link beside the web app', () => {
  const sink = new SmtpSink();
  const webRoot = mkdtempSync(join(tmpdir(), 'erf-web-'));
  const previous = process.env.WEB_ROOT;
  let app: TestApp;

  beforeAll(async () => {
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>the web app</title><div id="root"></div>');
    process.env.WEB_ROOT = webRoot;
    const port = await sink.start();
    app = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, PUBLIC_URL: 'http://forum.example.test' });
  });
  afterAll(async () => {
    await app.stop();
    await sink.stop();
    if (previous === undefined) delete process.env.WEB_ROOT;
    else process.env.WEB_ROOT = previous;
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('should still serve the web app for its own pages', async () => {
    const page = await app.client().get('/panelet');
    expect(page.status).toBe(200);
    expect(page.text).toContain('the web app');
  });

  it('should answer GET /unsubscribe/<token> with the unsubscribe page, not the web app', async () => {
    must(
      await app.client().post('/api/panel/interest', {
        name: 'Kari Nordmann',
        email: 'kari@example.test',
        preferredChannel: 'email',
        perspectives: ['relative'],
        newsletter: true,
      }),
      201,
    );
    const admin = await asAdmin(app);
    must(
      await admin.post('/api/admin/newsletters', { subject: 'Nytt', body: 'Vi møtes snart.', audience: 'interested' }),
      202,
    );
    const [mail] = await sink.received(1);
    const token = mail.data
      .replace(/=\r\n/g, '')
      .match(/http:\/\/forum\.example\.test\/unsubscribe\/([A-Za-z0-9_-]+)/)![1];
    const page = await app.client().get(`/unsubscribe/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('Meldt av');
    expect(page.text).not.toContain('the web app');
    const unknown = await app.client().get('/unsubscribe/not-a-real-token-at-all-0000');
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('Ukjent lenke');
  });
});
