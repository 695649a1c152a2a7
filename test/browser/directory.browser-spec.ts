// Issue 17 in the browser: the activity directory's list, filters, an offer's page and the
// suggest form, axe-clean at 360 and 1280 px in bokmål and English; a suggestion sent on a phone
// and published by a moderator; and the embed framed by a page on another origin — shown where
// DIRECTORY_EMBED_ORIGINS allows it, refused where it does not.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  ADMIN,
  asAdmin,
  axe,
  BASE,
  contextFor,
  expectPagesClean,
  horizontalOverflow,
  launch,
  screenshot,
  settle,
  watchPage,
  WIDTHS,
} from './support.js';

const admin = await asAdmin();

async function ok<T>(res: { ok(): boolean; status(): number; json(): Promise<unknown>; text(): Promise<string> }) {
  if (!res.ok()) throw new Error(`${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

const guestApi = await (await import('./support.js')).apiClient();

/** A suggestion from a guest, approved by the admin in the queue; the offer's id. */
async function published(fields: Record<string, unknown>): Promise<string> {
  const { receiptCode } = await ok<{ receiptCode: string }>(
    await guestApi.post('/api/directory/suggestions', {
      data: {
        organizationName: 'Askøy frivilligsentral',
        description: 'Vi går en rolig tur sammen hver uke, for alle som vil. Ingen påmelding.',
        municipality: '4627',
        address: 'Kleppevegen 5, 5300 Kleppestø',
        schedule: 'Tirsdager kl. 18–20',
        phone: '+47 56 15 00 00',
        cost: 'Gratis',
        taxonomyTerms: ['turgruppe'],
        ...fields,
      },
    }),
  );
  const queue = await ok<{ items: { id: string; type: string; content: { name?: string } }[] }>(
    await admin.get('/api/mod/queue?limit=100'),
  );
  const item = queue.items.find((i) => i.type === 'directory_suggestion' && i.content.name === fields.name)!;
  await ok(await admin.post(`/api/mod/queue/${item.id}/approve`, { data: {} }));
  const receipt = await ok<{ link: string }>(await guestApi.get(`/api/receipts/${receiptCode}`));
  return receipt.link.split('/').pop()!;
}

const walk = await published({ name: 'Turgruppe på Kleppestø' });
await published({
  name: 'Kafé på Straume',
  municipality: '4626',
  address: 'Straume senter, 5353 Straume',
  schedule: 'Første torsdag i måneden kl. 11–13',
  taxonomyTerms: ['kafe-og-moteplass'],
});

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

describe.each(['nb', 'en'] as const)('directory pages in %s', (language) => {
  it.each(WIDTHS)('should pass axe with no sideways scrolling at %i px', async (width) => {
    const context = await contextFor(browser, undefined, width, language);
    contexts.push(context);
    await expectPagesClean(
      await context.newPage(),
      [
        ['aktiviteter', '/aktiviteter'],
        ['aktiviteter-filter', '/aktiviteter?kommune=4626&type=kafe-og-moteplass'],
        ['aktivitet', `/aktiviteter/${walk}`],
        ['aktivitet-foresla', '/aktiviteter/foreslaa'],
        ['aktivitet-rett', `/aktiviteter/foreslaa?rett=${walk}`],
      ],
      `${language}-${width}`,
    );
  });
});

describe('the directory', () => {
  it('should filter by municipality and type, and show an offer with when, where, cost and last checked', async () => {
    const context = await contextFor(browser, undefined, 360);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/aktiviteter');
    await settle(page);
    await page.getByLabel('Kommune').selectOption('4626');
    await page.getByTestId('directory-count').getByText('1 tilbud').waitFor();
    await expect(page.getByTestId('directory-list').textContent()).resolves.toContain('Kafé på Straume');
    await page.getByLabel('Kommune').selectOption('');
    await page.getByLabel('Søk', { exact: true }).fill('kleppestø');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.getByRole('link', { name: 'Turgruppe på Kleppestø' }).click();
    await settle(page);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Tirsdager kl. 18–20');
    expect(text).toContain('Kleppevegen 5, 5300 Kleppestø');
    expect(text).toContain('Gratis');
    await expect(page.getByTestId('directory-checked').textContent()).resolves.toMatch(/^\d{1,2}\. \S+ \d{4}$/);
    expect(await axe(page)).toEqual([]);
  });

  it('should take a suggestion from a guest on a phone, and publish it when a moderator approves it', async () => {
    const guest = await contextFor(browser, undefined, 360);
    contexts.push(guest);
    const page = await guest.newPage();
    await page.goto('/aktiviteter/foreslaa');
    await settle(page);
    await page.getByLabel(/Hvem arrangerer det/).fill('Mental Helse Askøy');
    await page.getByLabel('Navn på tilbudet').fill('Samtalegruppe på biblioteket');
    await page.getByLabel(/Hva er det/).fill('En liten gruppe som snakker om hverdagen, med kaffe.');
    await page.getByLabel(/Kommunenummer/).fill('4627');
    await page.getByLabel(/Når\?/).fill('Onsdager kl. 17–19');
    await page.getByLabel('Samtalegruppe').check();
    await page.getByRole('button', { name: 'Send forslaget' }).click();
    await page.getByTestId('suggestion-sent').waitFor();
    expect(await axe(page)).toEqual([]);
    const receiptLink = page.getByRole('link', { name: 'Se kvitteringen' });
    const receiptPath = (await receiptLink.getAttribute('href'))!;

    const mod = await contextFor(browser, ADMIN, 1280);
    contexts.push(mod);
    const modPage = await mod.newPage();
    await modPage.goto('/moderering');
    await settle(modPage);
    const card = modPage
      .locator('[data-testid="queue-item"][data-type="directory_suggestion"]')
      .filter({ hasText: 'Samtalegruppe på biblioteket' });
    await card.getByText('Forslag til aktivitetstilbud').first().waitFor();
    expect(await axe(modPage)).toEqual([]);
    await card.getByTestId('approve').click();
    await card.waitFor({ state: 'detached' });

    await page.goto(receiptPath);
    await settle(page);
    await page
      .getByTestId('receipt-status')
      .getByText(/publisert/i)
      .waitFor();
  });
});

describe('moderators', () => {
  it.each(WIDTHS)('should check and edit an offer and find the re-check list, axe-clean at %i px', async (width) => {
    const stale = await published({ name: `Ettervernsgruppe ${width}`, taxonomyTerms: ['ettervern'] });
    // A notice for the moderator to change on the page.
    await ok(await admin.patch(`/api/directory/services/${stale}`, { data: { alert: 'Sommerstengt i juli' } }));
    const context = await contextFor(browser, ADMIN, width);
    contexts.push(context);
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto('/aktiviteter');
    await settle(page);
    await page.getByTestId('directory-recheck-link').click();
    await settle(page);
    expect(await axe(page)).toEqual([]);
    await page.goto(`/aktiviteter/${stale}`);
    await settle(page);
    await page.getByText('Sommerstengt i juli').waitFor();
    await page.getByTestId('directory-verify').click();
    await page.getByText('For moderatorer').waitFor();
    await page.getByRole('button', { name: 'Rediger' }).click();
    await page.getByLabel(/Beskjed øverst/).fill('Åpent hele sommeren');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Åpent hele sommeren').waitFor();
    expect(await axe(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, `aktivitet-moderator-${width}`);
    await page.getByRole('button', { name: 'Avslutt tilbudet' }).click();
    await page.getByRole('button', { name: 'Avslutt tilbudet' }).last().click();
    await page.waitForURL(/\/aktiviteter$/);
    expect((await guestApi.get(`/api/hsds/services/${stale}`)).status()).toBe(404);
    expect(problems).toEqual([]);
  });
});

const port = new URL(BASE).port;
/** In DIRECTORY_EMBED_ORIGINS (test/browser/server.mjs): the same machine by another name is another origin. */
const ALLOWED = `http://localhost:${port}`;
/** Not in it. */
const REFUSED = `http://127.0.0.2:${port}`;

/**
 * A municipality's page on another origin that embeds the directory. The browser answers it
 * itself (route), so nothing is asked of that origin; both are on this machine, as a public
 * page may not load from a private address (Private Network Access).
 */
async function hostPage(context: BrowserContext, origin: string, consoleLines: string[] = []): Promise<Page> {
  await context.route(`${origin}/kommune/**`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="nb"><head><title>Kommunen</title></head><body><main><h1>Aktiviteter i kommunen</h1>
<script src="${BASE}/embed/directory.js" data-municipality="4627" async></script></main></body></html>`,
    }),
  );
  const page = await context.newPage();
  page.on('console', (m) => consoleLines.push(m.text()));
  await page.goto(`${origin}/kommune/aktiviteter.html`);
  return page;
}

describe('the embed on a municipality’s site', () => {
  // On the web a municipality's public page loads our public server. Here both are on this
  // machine and the host page is answered by the browser itself, so Chromium's checks for a
  // public page reaching a local address (Local/Private Network Access) would stop the script
  // before framing is even tried: they are off for this browser only.
  let embedBrowser: Browser;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    embedBrowser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-dev-shm-usage',
        '--disable-features=LocalNetworkAccessChecks,PrivateNetworkAccessSendPreflights,PrivateNetworkAccessRespectPreflightResults,BlockInsecurePrivateNetworkRequests',
      ],
    });
  });
  afterAll(() => embedBrowser?.close());
  it('should show the offers in an iframe sized to its content where DIRECTORY_EMBED_ORIGINS allows it', async () => {
    const context = await contextFor(embedBrowser, undefined, 360);
    const page = await hostPage(context, ALLOWED);
    const frame = page.frameLocator('iframe');
    await frame.getByRole('link', { name: 'Turgruppe på Kleppestø' }).waitFor();
    expect(await frame.locator('body').textContent()).not.toContain('Kafé på Straume');
    // Sized by the page's own report of its height, not the default 400 px.
    await page.waitForFunction(() => document.querySelector('iframe')!.style.height !== '400px');
    const height = await page.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().height);
    expect(height).toBeGreaterThan(100);
    expect(await context.cookies(BASE)).toEqual([]);
    await screenshot(page, 'embed-allowed-360');
  });

  it('should be refused inside a page on an origin not in DIRECTORY_EMBED_ORIGINS', async () => {
    const context = await contextFor(embedBrowser, undefined, 1280);
    const refused: string[] = [];
    const page = await hostPage(context, REFUSED, refused);
    await page.locator('iframe').waitFor({ state: 'attached' });
    await page.waitForFunction(() => true);
    for (let i = 0; i < 50 && !refused.some((l) => l.includes('frame-ancestors')); i++) await page.waitForTimeout(100);
    const frame = page.frames().find((f) => f.url().includes('/embed/directory'));
    const text = frame ? await frame.evaluate(() => document.body?.textContent ?? '').catch(() => '') : '';
    expect(text).not.toContain('Turgruppe på Kleppestø');
    expect(refused.join('\n')).toMatch(/frame-ancestors/);
  });
});
