// Issue 20: crisis help that a person in crisis actually sees. On a phone (360 px) the help is on
// screen and focused the moment it is shown, in the café and in the forum; a moderator's duty is
// what the server says; every control a person in distress needs is at least 44×44 px.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  asAdmin,
  axe,
  contextFor,
  horizontalOverflow,
  launch,
  makeUser,
  screenshot,
  settle,
  unique,
  watchPage,
} from './support.js';
import { expectHelpFocusedOnScreen, inBothLanguages } from './crisis-support.js';
import { populateRoom } from './seed.js';

const CRISIS = 'jeg vil ikke leve lenger';
const admin = await asAdmin();

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

async function open(
  user?: { username: string; password: string },
  width = 360,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await contextFor(browser, user, width);
  contexts.push(context);
  const page = await context.newPage();
  return { context, page, problems: watchPage(page) };
}

async function must(what: string, res: { status(): number; text(): Promise<string>; json(): Promise<unknown> }) {
  if (res.status() >= 300) throw new Error(`${what}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as { id: string };
}

async function openRoom(): Promise<string> {
  const slug = unique('krise').slice(0, 40);
  await must(
    'room',
    await admin.post('/api/cafe/rooms', {
      data: { slug, name: 'Kveldskaféen', description: 'Et rolig sted å prate.', audience: 'everyone' },
    }),
  );
  await must('open room', await admin.post(`/api/cafe/rooms/${slug}/open`, { data: {} }));
  return slug;
}

/** A thread long enough that its reply form is far below the first screen. */
async function longThread(): Promise<string> {
  const thread = await must(
    'thread',
    await admin.post('/api/categories/erfaringer/threads', {
      data: { title: `Hva gjør dere når kvelden blir lang? ${unique('k')}`, body: 'Del gjerne det som hjelper.' },
    }),
  );
  for (let i = 0; i < 14; i++)
    await must(
      'reply',
      await admin.post(`/api/threads/${thread.id}/posts`, {
        data: { body: `Svar ${i + 1}: jeg går en tur, ringer noen, eller setter på musikk.\n\nDet hjelper litt.` },
      }),
    );
  return thread.id;
}

describe('crisis help on a phone', () => {
  it('should put the help on screen and focus it when a guest in the café writes crisis text (360 px)', async () => {
    const slug = await openRoom();
    const { page, problems } = await open(undefined, 360);
    await page.goto(`/kafe/${slug}`);
    await settle(page);
    await page.getByLabel('Kallenavn').fill('Natteravn');
    await page.getByLabel('Jeg godtar kafeens regler').check();
    await page.getByTestId('join-cafe').click();
    await page.getByTestId('chat-log').waitFor({ timeout: 60_000 });
    await page.getByLabel('Skriv en melding').fill(CRISIS);
    await page.keyboard.press('Enter');
    const seen = await expectHelpFocusedOnScreen(page);
    process.stdout.write(`café 360 px: help heading at ${seen.top}–${seen.bottom} px of ${seen.viewport}\n`);
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="live-polite"]')?.textContent ?? '').includes('Numrene du kan ringe'),
      undefined,
      { timeout: 10_000 },
    );
    await screenshot(page, 'krise-kafe-360');
    await inBothLanguages(page, [360, 1280], async (label) => {
      expect(await axe(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, `krise-kafe-${label}`);
    });
    expect(problems).toEqual([]);
  });

  it('should put the help on screen and focus it when a member replies in crisis at the bottom of a long thread (360 px)', async () => {
    await admin.patch('/api/admin/settings', { data: { newMemberReviewCount: 0 } });
    const threadId = await longThread();
    const member = await makeUser('member', 'sliten');
    const { page, problems } = await open(member, 360);
    await page.goto(`/trad/${threadId}`);
    await settle(page);
    const reply = page.getByLabel('Ditt svar');
    await reply.scrollIntoViewIfNeeded();
    await reply.fill(`${CRISIS}. Jeg orker ikke mer.`);
    await page.getByRole('button', { name: 'Send svar' }).click();
    const seen = await expectHelpFocusedOnScreen(page);
    process.stdout.write(`forum reply 360 px: help heading at ${seen.top}–${seen.bottom} px of ${seen.viewport}\n`);
    // Sent: the editor is empty again, and the draft is gone from the tab.
    await expect(reply.inputValue()).resolves.toBe('');
    await screenshot(page, 'krise-svar-360');
    await inBothLanguages(page, [360, 1280], async (label) => {
      expect(await axe(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, `krise-svar-${label}`);
    });
    expect(problems).toEqual([]);
  });

  it('should keep a reply being written through a reload, and clear it once sent', async () => {
    await admin.patch('/api/admin/settings', { data: { newMemberReviewCount: 0 } });
    const threadId = await longThread();
    const member = await makeUser('member', 'skriver');
    const { page } = await open(member, 360);
    await page.goto(`/trad/${threadId}`);
    await settle(page);
    const text = 'Det jeg skriver nå vil jeg ikke miste.';
    await page.getByLabel('Ditt svar').fill(text);
    await page.reload();
    await settle(page);
    await expect(page.getByLabel('Ditt svar').inputValue()).resolves.toBe(text);
    await page.getByTestId('draft-restored').waitFor();
    await page.getByRole('button', { name: 'Send svar' }).click();
    await page.getByTestId('write-outcome').waitFor();
    await page.reload();
    await settle(page);
    await expect(page.getByLabel('Ditt svar').inputValue()).resolves.toBe('');
  });
});

/** Waits for the duty switch to show `on` (loaded from the server, not busy). */
async function dutySwitch(page: Page, on: boolean): Promise<void> {
  const sw = page.getByTestId('duty-switch');
  await page.waitForFunction(
    (want) => {
      const el = document.querySelector<HTMLInputElement>('[data-testid="duty-switch"]');
      return !!el && !el.disabled && el.checked === want;
    },
    on,
    { timeout: 10_000 },
  );
  await expect(sw.isChecked()).resolves.toBe(on);
}

describe('a moderator on duty', () => {
  it('should show the server’s duty after a reload, mark it in the header, and ask before going off', async () => {
    const moderator = await makeUser('moderator', 'vakthavende');
    const { page, problems } = await open(moderator, 1280);
    await page.goto('/moderering');
    await settle(page);
    await dutySwitch(page, false);
    await expect(page.getByTestId('duty-mark').count()).resolves.toBe(0);

    const set = page.waitForResponse((r) => r.url().endsWith('/api/mod/duty') && r.request().method() === 'POST');
    await page.getByTestId('duty-switch').click();
    expect((await set).status()).toBe(200);
    await page.getByTestId('duty-mark').waitFor();

    // After a reload the switch and the header say what the server says.
    await page.reload();
    await settle(page);
    await dutySwitch(page, true);
    await expect(page.getByTestId('duty-mark').innerText()).resolves.toBe('På vakt');
    await page.goto('/');
    await settle(page);
    await expect(page.getByTestId('duty-mark').innerText()).resolves.toBe('På vakt');
    await page.goto('/moderering');
    await settle(page);
    await dutySwitch(page, true);
    await inBothLanguages(page, [360, 1280], async (label) => {
      await expect(page.getByTestId('duty-mark').innerText()).resolves.toBe(
        label.startsWith('en') ? 'On duty' : 'På vakt',
      );
      expect(await axe(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, `pa-vakt-${label}`);
    });

    // Going off asks first; "no" keeps the moderator on duty. The question passes axe in both languages.
    for (const lang of ['nb', 'en'] as const) {
      if ((await page.locator('html').getAttribute('lang')) !== lang) {
        await page.getByTestId('language-switch').click();
        await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      }
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: width < 600 ? 780 : 900 });
        await page.getByTestId('duty-switch').click();
        const dialog = page.getByTestId('confirm-off-duty');
        await dialog.waitFor();
        await expect(dialog.isVisible()).resolves.toBe(true);
        expect(await axe(page)).toEqual([]);
        await screenshot(page, `ga-av-vakt-sporsmal-${lang}-${width}`);
        await dialog.getByRole('button', { name: lang === 'nb' ? 'Nei, bli på vakt' : 'No, stay on duty' }).click();
        await dialog.waitFor({ state: 'hidden' });
        await dutySwitch(page, true);
      }
    }
    await page.getByTestId('language-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'nb');

    await page.getByTestId('duty-switch').click();
    const off = page.waitForResponse((r) => r.url().endsWith('/api/mod/duty') && r.request().method() === 'POST');
    await page.getByTestId('confirm-off-duty').getByRole('button', { name: 'Ja, gå av vakt' }).click();
    expect((await off).status()).toBe(200);
    await dutySwitch(page, false);
    await page.reload();
    await settle(page);
    await dutySwitch(page, false);
    await expect(page.getByTestId('duty-mark').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  });
});

interface Target {
  what: string;
  width: number;
  height: number;
}

/** The rendered size of every element the locators find, named. */
async function sizes(named: [string, ReturnType<Page['locator']>][]): Promise<Target[]> {
  const out: Target[] = [];
  for (const [what, locator] of named) {
    const count = await locator.count();
    expect({ what, count }).toEqual({ what, count: expect.any(Number) });
    if (count === 0) throw new Error(`no ${what} on the page`);
    for (let i = 0; i < count; i++) {
      const box = await locator.nth(i).boundingBox();
      if (!box) throw new Error(`${what} #${i} is not rendered`);
      out.push({
        what: count > 1 ? `${what} #${i + 1}` : what,
        width: Math.round(box.width),
        height: Math.round(box.height),
      });
    }
  }
  return out;
}

const tooSmall = (targets: Target[]) => targets.filter((t) => t.width < 44 || t.height < 44);
const report = (where: string, targets: Target[]) =>
  process.stdout.write(`${where}: ${targets.map((t) => `${t.what} ${t.width}×${t.height}`).join(', ')}\n`);

describe('tap targets for a person in distress', () => {
  it('should make help, send, leave, report, the café menu, log in, join and the footer links at least 44×44 px at 360 px', async () => {
    const slug = await openRoom();
    const company = await populateRoom(slug, [{ nickname: 'Solveig' }], [['Solveig', 'Hei, godt å se deg her.']]);
    try {
      const { page } = await open(undefined, 360);
      await page.goto(`/kafe/${slug}`);
      await settle(page);
      const header = await sizes([
        ['help now (header)', page.getByTestId('help-now')],
        ['Logg inn', page.locator('.account-area').getByRole('link', { name: 'Logg inn' })],
        ['Bli medlem', page.locator('.account-area').getByRole('link', { name: 'Bli medlem' })],
        ['footer link', page.locator('.footer-links a')],
      ]);
      await page.getByLabel('Kallenavn').fill('Skjelvehånd');
      await page.getByLabel('Jeg godtar kafeens regler').check();
      await page.getByTestId('join-cafe').click();
      await page.getByTestId('chat-log').waitFor({ timeout: 60_000 });
      const message = page.getByTestId('chat-message').filter({ hasText: 'godt å se deg' });
      await message.waitFor();
      const valg = message.locator('summary');
      const cafe = await sizes([
        ['send (café)', page.getByTestId('send-message')],
        ['leave the café', page.getByRole('button', { name: 'Gå ut av kafeen' })],
        ['Valg (café menu)', valg],
      ]);
      await valg.click();
      cafe.push(...(await sizes([['Meld fra (café)', message.getByRole('button', { name: 'Meld fra' })]])));
      await page.getByLabel('Skriv en melding').fill(CRISIS);
      await page.keyboard.press('Enter');
      await expectHelpFocusedOnScreen(page);
      const help = await sizes([
        ['helpline (crisis help)', page.getByTestId('crisis-help').locator('a[href^="tel:"]')],
      ]);
      await page.goto('/hjelp');
      await settle(page);
      help.push(...(await sizes([['helpline (/hjelp)', page.locator('main a[href^="tel:"]')]])));

      await admin.patch('/api/admin/settings', { data: { newMemberReviewCount: 0 } });
      const threadId = await longThread();
      const member = await makeUser('member', 'hjelpesoker');
      const m = await open(member, 360);
      await m.page.goto(`/trad/${threadId}`);
      await settle(m.page);
      const forum = await sizes([
        ['Meld fra (post)', m.page.getByTestId('post').first().getByRole('button', { name: 'Meld fra' })],
        ['Send svar', m.page.getByRole('button', { name: 'Send svar' })],
      ]);
      const all = [...header, ...cafe, ...help, ...forum];
      report('tap targets at 360 px', all);
      expect(tooSmall(all)).toEqual([]);
    } finally {
      company.close();
    }
  });
});
