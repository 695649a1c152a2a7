// Issue 20.2: over the guest limit at its real size (three posts per ten minutes per address, so
// this file runs a server of its own with RATE_LIMIT_SCALE=1), a guest writing in crisis gets the
// helplines on screen and focused, and what they wrote stays in the editor, through a reload too.
import { request, type Browser, type BrowserContext } from 'playwright-core';
import { ADMIN, axe, horizontalOverflow, launch, screenshot, settle, watchPage } from './support.js';
import { expectHelpFocusedOnScreen, inBothLanguages } from './crisis-support.js';
import { startOwnServer } from './server.mjs';

const CRISIS = 'Jeg vil ikke leve lenger. Jeg orker ikke mer.';

let server: { base: string; close(): Promise<void> };
let browser: Browser;
let context: BrowserContext | undefined;
beforeAll(async () => {
  [server, browser] = await Promise.all([startOwnServer({ admin: ADMIN, rateLimitScale: '1' }), launch()]);
}, 180_000);
afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

describe('over the guest limit', () => {
  it('should show a guest writing in crisis the help, focused, and keep the text in the editor (360 px)', async () => {
    const admin = await request.newContext({ baseURL: server.base });
    const login = await admin.post('/api/auth/login', { data: ADMIN });
    expect(login.status()).toBe(200);
    const created = await admin.post('/api/categories/erfaringer/threads', {
      data: { title: 'Når natta er lang', body: 'Her kan alle skrive, også gjester.' },
    });
    expect(created.status()).toBe(201);
    const thread = (await created.json()) as { id: string };
    // Three guests on one ward's wifi spend the address's budget.
    const guests = await request.newContext({ baseURL: server.base });
    for (let i = 0; i < 3; i++) {
      const res = await guests.post(`/api/threads/${thread.id}/posts`, { data: { body: `Gjest ${i + 1} her.` } });
      expect(res.status()).toBe(201);
    }
    await Promise.all([admin.dispose(), guests.dispose()]);

    context = await browser.newContext({
      baseURL: server.base,
      viewport: { width: 360, height: 780 },
      locale: 'nb-NO',
      timezoneId: 'Europe/Oslo',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`/trad/${thread.id}`);
    await settle(page);
    const editor = page.getByLabel('Ditt svar');
    await editor.fill(CRISIS);
    const answer = page.waitForResponse((r) => r.url().endsWith(`/api/threads/${thread.id}/posts`));
    await page.getByRole('button', { name: 'Send svar' }).click();
    expect((await answer).status()).toBe(429);

    const seen = await expectHelpFocusedOnScreen(page);
    process.stdout.write(`over the limit, 360 px: help heading at ${seen.top}–${seen.bottom} px of ${seen.viewport}\n`);
    await expect(editor.inputValue()).resolves.toBe(CRISIS);
    const notSent = page.getByTestId('not-sent');
    await expect(notSent.innerText()).resolves.toContain('Teksten din er ikke sendt, men den er tatt vare på her');
    await expect(notSent.innerText()).resolves.toMatch(/Prøv igjen om \d+ minutt/);
    // Nothing was stored, so nobody will read it: the help says so rather than "a moderator will see it".
    await expect(page.getByTestId('crisis-help').innerText()).resolves.toContain('er ikke sendt');
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="live-polite"]')?.textContent ?? '').includes('ikke sendt'),
      undefined,
      { timeout: 10_000 },
    );
    await screenshot(page, 'krise-over-grensen-360');
    await inBothLanguages(page, [360, 1280], async (label) => {
      expect(await axe(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, `krise-over-grensen-${label}`);
    });

    // A reload loses nothing: the text is still there, and the page says it is not sent.
    await page.reload();
    await settle(page);
    await expect(page.getByLabel('Ditt svar').inputValue()).resolves.toBe(CRISIS);
    await expect(page.getByTestId('draft-restored').innerText()).resolves.toContain('ikke sendt');
    expect(problems).toEqual([]);
  });
});
