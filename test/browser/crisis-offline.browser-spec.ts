// Issue 20.4: the help page without JavaScript and without a network. The server sends /hjelp
// with the helplines in its HTML (tel: links, before any script); React takes over without moving
// them; the service worker keeps the shell and the help page, so /hjelp opens with the network cut.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { HELPLINES } from '../../libs/contracts/src/helplines.js';
import { BASE, apiClient, axe, launch, screenshot, settle, watchPage } from './support.js';

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

async function open(width: number, javaScriptEnabled = true): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: BASE,
    viewport: { width, height: width < 600 ? 780 : 900 },
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    reducedMotion: 'reduce',
    javaScriptEnabled,
  });
  contexts.push(context);
  return { context, page: await context.newPage() };
}

/** Where the page's heading and each number to call are on the screen. */
async function positions(page: Page): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate(() => {
    // Runs in the page: everything it uses must be inside it.
    // oxlint-disable-next-line unicorn/consistent-function-scoping
    const at = (el: Element | null) => {
      const r = el!.getBoundingClientRect();
      return { x: Math.round(r.left), y: Math.round(r.top) };
    };
    const out: Record<string, { x: number; y: number }> = { h1: at(document.querySelector('main h1')) };
    for (const a of document.querySelectorAll('main a[href^="tel:"]')) out[a.textContent ?? ''] = at(a);
    return out;
  });
}

describe('the help page without JavaScript', () => {
  it('should send the helplines as tel: links in the HTML of /hjelp', async () => {
    const client = await apiClient();
    const res = await client.get('/hjelp');
    expect(res.status()).toBe(200);
    expect(res.headers()['cache-control']).toBe('no-cache');
    const html = await res.text();
    await client.dispose();
    process.stdout.write(`/hjelp HTML: ${Buffer.byteLength(html)} bytes\n`);
    for (const h of HELPLINES) {
      expect(html).toContain(`href="tel:${h.phone.replace(/\D/g, '')}"`);
      expect(html).toContain(`>${h.phone}</a>`);
    }
    expect(html).not.toContain('Laster Erfaringsforum');
  });

  it.each([360, 1280])(
    'should show the numbers with JavaScript off, pass axe, and not move them when React takes over (%i px)',
    async (width) => {
      const off = await open(width, false);
      await off.page.goto('/hjelp');
      await off.page.locator('main h1').waitFor();
      await off.page.evaluate(() => document.fonts.ready.then(() => undefined));
      const links = off.page.locator('main a[href^="tel:"]');
      await expect(links.count()).resolves.toBe(HELPLINES.length);
      await expect(off.page.locator('main').innerText()).resolves.toContain('116 123');
      await screenshot(off.page, `hjelp-uten-javascript-${width}`);
      const before = await positions(off.page);

      const on = await open(width);
      const problems = watchPage(on.page);
      await on.page.goto('/hjelp');
      await settle(on.page);
      // React's own page: the language switch works there.
      await on.page.getByTestId('language-switch').waitFor();
      const after = await positions(on.page);
      await screenshot(on.page, `hjelp-med-javascript-${width}`);
      const moved = Object.keys(before).map((k) => ({
        what: k,
        dx: Math.abs(after[k].x - before[k].x),
        dy: Math.abs(after[k].y - before[k].y),
      }));
      process.stdout.write(
        `/hjelp at ${width} px, static → React: ${moved.map((m) => `${m.what} ${m.dx}/${m.dy}`).join(', ')} px\n`,
      );
      expect(moved.filter((m) => m.dx > 2 || m.dy > 2)).toEqual([]);
      expect(await axe(on.page)).toEqual([]);
      expect(problems).toEqual([]);
    },
  );
});

describe('the help page on slow 3G', () => {
  it('should show the numbers before the app has started', async () => {
    const { context, page } = await open(360);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // Chrome DevTools' "Slow 3G": 400 ms round trip, about 400 kbit/s each way.
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 400,
      downloadThroughput: (400 * 1024) / 8,
      uploadThroughput: (400 * 1024) / 8,
    });
    const started = Date.now();
    await page.goto('/hjelp', { waitUntil: 'commit', timeout: 120_000 });
    await page.locator('main a[href="tel:116123"]').waitFor({ state: 'visible', timeout: 120_000 });
    const numbersMs = Date.now() - started;
    const reactYet = await page.getByTestId('language-switch').count();
    await page.getByTestId('language-switch').waitFor({ timeout: 120_000 });
    const reactMs = Date.now() - started;
    process.stdout.write(
      `slow 3G /hjelp: 116 123 on screen after ${numbersMs} ms (React ${reactYet ? 'already' : 'not yet'} in), React after ${reactMs} ms\n`,
    );
  });
});

describe('the help page offline', () => {
  it('should open /hjelp from the service worker with the network cut, and name the manifest', async () => {
    const { context, page } = await open(360);
    const problems = watchPage(page);
    await page.goto('/');
    await settle(page);
    const manifest = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(manifest).toBe('/manifest.webmanifest');
    const sw = await context.request.get('/sw.js');
    expect(sw.status()).toBe(200);
    expect(sw.headers()['cache-control']).toBe('no-cache');
    const m = await context.request.get(manifest!);
    expect(((await m.json()) as { start_url: string }).start_url).toBe('/');
    // Installed and in control once it has everything it keeps.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 30_000 });

    await context.setOffline(true);
    await page.goto('/hjelp');
    await page.locator('main h1').waitFor();
    await expect(page.locator('main h1').innerText()).resolves.toBe('Trenger du hjelp nå?');
    for (const h of HELPLINES)
      await expect(page.locator(`main a[href="tel:${h.phone.replace(/\D/g, '')}"]`).innerText()).resolves.toBe(h.phone);
    // React takes over from the cached code and says plainly that there is no network.
    await page.getByTestId('offline-help').waitFor();
    await screenshot(page, 'hjelp-uten-nett-360');
    expect(await axe(page)).toEqual([]);
    await context.setOffline(false);
    expect(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(p))).toEqual([]);
  });
});
