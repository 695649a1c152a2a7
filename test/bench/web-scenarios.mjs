// The web figure (issue 8, figure 7): the home page on a throttled "slow 3G" link in Debian's
// chromium: first contentful paint and bytes transferred, against a bare static page served on the
// same link (the network's floor), in the same run.
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { freshDatabase, median, ratio, startApp } from './lib.mjs';

// The widely used "slow 3G" profile (WebPageTest, Chrome's original preset): 400 ms round trip,
// 400 kbit/s down and up.
const SLOW_3G = {
  offline: false,
  latency: 400,
  downloadThroughput: (400 * 1024) / 8,
  uploadThroughput: (400 * 1024) / 8,
};
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

async function measure(browser, url) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  const types = new Map();
  let bytes = 0;
  let scriptBytes = 0;
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    if (types.get(e.requestId) === 'Script') scriptBytes += e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  const fcp = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const entry = performance.getEntriesByName('first-contentful-paint')[0];
        if (entry) return resolve(entry.startTime);
        new PerformanceObserver((list) =>
          resolve(list.getEntriesByName('first-contentful-paint')[0]?.startTime),
        ).observe({ type: 'paint', buffered: true });
      }),
  );
  await page.waitForTimeout(500);
  await context.close();
  return { fcp, bytes, scriptBytes };
}

function staticPage() {
  const html =
    '<!doctype html><html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Erfaringsforum</title></head><body><h1>Erfaringsforum</h1><p>Trenger du hjelp nå?</p></body></html>';
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() }),
    ),
  );
}

export async function homePage({ rounds }) {
  const db = await freshDatabase();
  const app = await startApp(db.url);
  const floor = await staticPage();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const appRuns = [];
    const floorRuns = [];
    for (let i = 0; i < rounds; i++) {
      floorRuns.push(await measure(browser, floor.url));
      appRuns.push(await measure(browser, `${app.url}/`));
    }
    const fcp = median(appRuns.map((r) => r.fcp));
    const floorFcp = median(floorRuns.map((r) => r.fcp));
    const js = median(appRuns.map((r) => r.scriptBytes)) / 1024;
    return [
      {
        figure: '7. Home page on slow 3G (400 ms, 400 kbit/s), 360 px: first contentful paint (ms)',
        app: fcp,
        baseline: floorFcp,
        ratio: ratio(fcp, floorFcp),
        target: '≤ 2500 ms',
        ok: fcp <= 2500,
        note: 'baseline = a bare static page on the same link',
      },
      {
        figure: '7. Home page: bytes transferred until load (KB)',
        app: median(appRuns.map((r) => r.bytes)) / 1024,
        baseline: median(floorRuns.map((r) => r.bytes)) / 1024,
        ratio: NaN,
        target: 'report',
        ok: true,
      },
      {
        figure: '7. Home page: JavaScript transferred (KB, compressed as served)',
        app: js,
        baseline: 0,
        ratio: NaN,
        target: '≤ 150 KB',
        ok: js <= 150,
      },
    ];
  } finally {
    await browser.close();
    floor.close();
    await app.stop();
    await db.drop();
  }
}
