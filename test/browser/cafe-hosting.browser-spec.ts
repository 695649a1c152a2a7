// Issue 21.2 in the browser: a host hosts from the room page — opens now, plans opening hours,
// sees and cancels them, closes — each change confirmed on screen, and the heading follows what
// the room is now, also when the host closes it from inside the chat. Axe-clean at 360 and
// 1280 px in bokmål and English.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  asAdmin,
  axe,
  contextFor,
  expectPageClean,
  launch,
  makeUser,
  screenshot,
  settle,
  type TestUser,
  unique,
  watchPage,
  WIDTHS,
} from './support.js';

const admin = await asAdmin();

async function newRoom(): Promise<string> {
  const slug = unique('vertsrom').toLowerCase();
  const res = await admin.post('/api/cafe/rooms', {
    data: { slug, name: 'Kveldskafeen', description: 'Et rom for vertskap', audience: 'everyone' },
  });
  if (res.status() !== 201) throw new Error(`create room: ${res.status()} ${await res.text()}`);
  return slug;
}

const host = await makeUser('host', 'kveld', 'Kari Kveld');
const member = await makeUser('member', 'gjest');

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

async function pageFor(user: TestUser, width: number, language: 'nb' | 'en' = 'nb'): Promise<Page> {
  const context = await contextFor(browser, user, width, language);
  contexts.push(context);
  return context.newPage();
}

/** A time as a datetime-local field takes it, in the browser's (Europe/Oslo) time. */
const local = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}T${String(d.getHours()).padStart(2, '0')}:00`;

const heading = (page: Page) => page.locator('main .page-header').first();

describe.each(['nb', 'en'] as const)('the room page for hosts in %s', (language) => {
  it.each(WIDTHS)('should pass axe with no sideways scrolling at %i px', async (width) => {
    const slug = await newRoom();
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    await admin.post(`/api/cafe/rooms/${slug}/sessions`, {
      data: { startsAt: tomorrow.toISOString(), endsAt: new Date(tomorrow.getTime() + 3600_000).toISOString() },
    });
    const page = await pageFor(host, width, language);
    const problems = watchPage(page);
    await page.goto(`/kafe/${slug}`);
    await settle(page);
    await page.getByTestId('planned-session').first().waitFor();
    await screenshot(page, `kafe-vert-${language}-${width}`);
    await expectPageClean(page, problems);
  });
});

describe('hosting a room', () => {
  it('should let a host open now, plan and cancel opening hours, and close, each confirmed on screen', async () => {
    const slug = await newRoom();
    const page = await pageFor(host, 360);
    await page.goto(`/kafe/${slug}`);
    await settle(page);
    const controls = page.getByTestId('room-controls');
    await controls.getByText('Ingen åpningstider er planlagt.').waitFor();

    await controls.getByRole('button', { name: /Åpne nå/ }).click();
    await controls.getByText(/Rommet er åpnet\. Det stenger/).waitFor();
    await heading(page).getByText('Åpen nå').waitFor();
    await page.getByLabel('Kallenavn').waitFor();

    const start = new Date(Date.now() + 2 * 24 * 3600_000);
    start.setHours(18, 0, 0, 0);
    await controls.getByLabel('Åpner').fill(local(start));
    await controls.getByLabel('Stenger').fill(local(new Date(start.getTime() + 2 * 3600_000)));
    await controls.getByRole('button', { name: 'Legg til åpningstid' }).click();
    await controls.getByText(/Åpningstiden er lagt til: .*18:00 til 20:00/).waitFor();
    const planned = controls.getByTestId('planned-session').filter({ hasText: '18:00 til 20:00' });
    await planned.waitFor();
    expect(await axe(page)).toEqual([]);

    await planned.getByRole('button', { name: /Avlys åpningstiden/ }).click();
    await planned.getByRole('button', { name: 'Avlys', exact: true }).click();
    await controls.getByText(/er avlyst\./).waitFor();
    await planned.waitFor({ state: 'detached' });

    await controls.getByRole('button', { name: /Steng nå/ }).click();
    await controls.getByText('Rommet er stengt.').waitFor();
    await heading(page).getByText('Stengt', { exact: true }).waitFor();
    await expect(heading(page).getByText('Åpen nå').count()).resolves.toBe(0);
    await page.getByTestId('cafe-closed').waitFor();
  });

  it('should update the heading when a host closes the room from inside the chat', async () => {
    const slug = await newRoom();
    const opened = await admin.post(`/api/cafe/rooms/${slug}/open`, { data: {} });
    expect(opened.status()).toBe(200);
    const page = await pageFor(host, 1280);
    await page.goto(`/kafe/${slug}`);
    await settle(page);
    // A member enters under their display name, filled in already.
    await page.getByLabel('Jeg godtar kafeens regler').check();
    await page.getByTestId('join-cafe').click();
    await page.getByTestId('chat-log').waitFor({ timeout: 60_000 });
    await heading(page).getByText('Åpen nå').waitFor();
    await page.locator('.host-tools').getByRole('button', { name: 'Steng kafeen' }).click();
    await page.locator('.host-tools').getByRole('button', { name: 'Steng kafeen' }).click();
    await page.getByTestId('cafe-closed').waitFor();
    await heading(page).getByText('Stengt', { exact: true }).waitFor();
  });

  it('should show a member no hosting controls', async () => {
    const slug = await newRoom();
    const page = await pageFor(member, 1280);
    await page.goto(`/kafe/${slug}`);
    await settle(page);
    await page.getByTestId('cafe-closed').waitFor();
    await expect(page.getByTestId('room-controls').count()).resolves.toBe(0);
  });
});
