// Issue 15 in the browser: /kalender in list and month views with the café's sessions, an event's
// page with sign-up and the waitlist place, and the organiser's form — axe-clean at 360 and 1280 px,
// in bokmål and English.
import type { Browser, BrowserContext } from 'playwright-core';
import {
  apiLogin,
  asAdmin,
  axe,
  contextFor,
  expectPagesClean,
  launch,
  makeUser,
  settle,
  unique,
  WIDTHS,
} from './support.js';

const hour = 3600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

async function json<T>(res: {
  ok(): boolean;
  status(): number;
  json(): Promise<unknown>;
  text(): Promise<string>;
}): Promise<T> {
  if (!res.ok()) throw new Error(`${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

const admin = await asAdmin();
const host = await makeUser('host', 'vert');
const asHost = await apiLogin(host.username, host.password);
const seminar = (
  await json<{ id: string }>(
    await asHost.post('/api/events', {
      data: {
        title: 'Halvårsseminaret',
        description: 'Tema: **hva fikk vi til?**',
        kind: 'seminar',
        startsAt: at(48 * hour),
        endsAt: at(51 * hour),
        location: { name: 'Kulturhuset', address: 'Storgata 1' },
        audience: 'everyone',
        capacity: 1,
        registration: 'open',
        onlineUrl: 'https://video.example.no/seminar',
      },
    }),
  )
).id;
// A café session in the same calendar.
const room = unique('kalender');
await json(
  await admin.post('/api/cafe/rooms', {
    data: { slug: room, name: 'Kalenderkafeen', description: 'Kaffe og prat', audience: 'everyone' },
  }),
);
await json(
  await admin.post(`/api/cafe/rooms/${room}/sessions`, { data: { startsAt: at(26 * hour), endsAt: at(28 * hour) } }),
);
const first = await makeUser('member', 'forst');
await json(
  await (
    await apiLogin(first.username, first.password)
  ).put(`/api/events/${seminar}/registration`, {
    data: { status: 'going' },
  }),
);

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

describe.each(['nb', 'en'] as const)('calendar pages in %s', (language) => {
  it.each(WIDTHS)('should pass axe with no sideways scrolling at %i px', async (width) => {
    const context = await contextFor(browser, host, width, language);
    contexts.push(context);
    await expectPagesClean(
      await context.newPage(),
      [
        ['kalender', '/kalender'],
        ['kalender-maned', '/kalender?visning=maned'],
        ['kalender-seminar', `/kalender/${seminar}`],
      ],
      `${language}-${width}`,
    );
  });
});

describe('the calendar', () => {
  it('should list events and café sessions, and filter by kind', async () => {
    const context = await contextFor(browser, undefined, 360);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/kalender');
    await settle(page);
    const list = page.getByTestId('calendar-list');
    await list.getByRole('link', { name: 'Halvårsseminaret' }).waitFor();
    await list.getByRole('link', { name: 'Kalenderkafeen' }).first().waitFor();
    await page.getByLabel('Vis', { exact: true }).selectOption('cafe');
    await settle(page);
    expect(await list.getByRole('link', { name: 'Halvårsseminaret' }).count()).toBe(0);
    await list.getByRole('link', { name: 'Kalenderkafeen' }).first().waitFor();
  });

  it('should put a member on the waitlist with the keyboard and tell them their place; the online link stays hidden', async () => {
    const member = await makeUser('member', 'venter');
    const context = await contextFor(browser, member, 360);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`/kalender/${seminar}`);
    await settle(page);
    expect(await page.getByTestId('online-link').count()).toBe(0);
    await page.getByTestId('sign-up').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('my-status').textContent()).resolves.toContain('ventelisten som nummer 1');
    expect(await page.getByTestId('online-link').count()).toBe(0);
    expect(await axe(page)).toEqual([]);
  });

  it('should let a host create an event with the form and see it on its page', async () => {
    const context = await contextFor(browser, host, 1280);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/kalender');
    await settle(page);
    await page.getByTestId('new-event').click();
    const title = `Kurs i mestring ${Date.now().toString(36)}`;
    await page.getByLabel('Tittel', { exact: true }).fill(title);
    await page.getByLabel('Beskrivelse (Markdown)').fill('Vi lærer **sammen**.');
    await page.getByLabel('Type').selectOption('course');
    await page.getByLabel('Starter').fill('2030-03-05T18:00');
    await page.getByLabel('Slutter').fill('2030-03-05T20:00');
    await page.getByLabel('Antall plasser (valgfritt)').fill('12');
    expect(await axe(page)).toEqual([]);
    await page.getByTestId('save-event').click();
    await settle(page);
    const events = await json<{ items: { id: string; title: string; capacity: number }[] }>(
      await asHost.get(`/api/events?from=2030-03-01T00:00:00Z&to=2030-04-01T00:00:00Z`),
    );
    const created = events.items.find((e) => e.title === title);
    expect(created?.capacity).toBe(12);
    await page.goto(`/kalender/${created!.id}`);
    await settle(page);
    await page.getByRole('heading', { name: 'For arrangøren' }).waitFor();
    expect(await axe(page)).toEqual([]);
  });
});
