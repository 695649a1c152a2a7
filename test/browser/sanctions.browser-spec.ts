// Issue 21.7 in the browser: a muted member sees why and until when; moderators list sanctions in
// /moderering and lift one, confirmed on screen, and the member can write again. Axe-clean at 360
// and 1280 px in bokmål and English.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  asAdmin,
  contextFor,
  expectPageClean,
  launch,
  makeUser,
  settle,
  type TestUser,
  watchPage,
  WIDTHS,
} from './support.js';

const admin = await asAdmin();
const categories = (await (await admin.get('/api/categories')).json()) as { slug: string; visibility: string }[];
const open = categories.find((c) => c.visibility === 'open')!.slug;

async function mute(user: TestUser, reason: string, hours?: number): Promise<string> {
  const res = await admin.post('/api/mod/sanctions', {
    data: {
      target: { userId: user.id },
      kind: 'mute',
      reason,
      ...(hours ? { until: new Date(Date.now() + hours * 3600_000).toISOString() } : {}),
    },
  });
  if (res.status() !== 201) throw new Error(`mute: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

const moderator = await makeUser('moderator', 'moderator');

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

describe.each(['nb', 'en'] as const)('sanctions pages in %s', (language) => {
  it.each(WIDTHS)('should pass axe with no sideways scrolling at %i px', async (width) => {
    const member = await makeUser('member', 'dempet');
    await mute(member, 'Tonen ble for skarp', 2);
    for (const [user, path, testId] of [
      [moderator, '/moderering#reaksjoner', 'sanction'],
      [member, `/kategori/${open}`, 'muted-notice'],
    ] as const) {
      const page = await pageFor(user, width, language);
      const problems = watchPage(page);
      await page.goto(path);
      await settle(page);
      await page.getByTestId(testId).first().waitFor();
      await expectPageClean(page, problems);
    }
  });
});

describe('a mute and its lifting', () => {
  it('should tell a muted member why and until when, and let a moderator lift it so they can write again', async () => {
    const member = await makeUser('member', 'dempes', 'Mari Dempet');
    await mute(member, 'Tonen ble for skarp', 2);
    const memberPage = await pageFor(member, 360);
    await memberPage.goto(`/kategori/${open}`);
    await settle(memberPage);
    const notice = memberPage.getByTestId('muted-notice');
    await notice.getByText('Begrunnelse: Tonen ble for skarp').waitFor();
    await notice.getByText(/Du kan lese, men ikke skrive, til .*kl\. \d\d:\d\d\./).waitFor();

    const page = await pageFor(moderator, 1280);
    await page.goto('/moderering#reaksjoner');
    await settle(page);
    const card = page.getByTestId('sanction').filter({ hasText: 'Mari Dempet' });
    await card.getByText('Begrunnelse: Tonen ble for skarp').waitFor();
    await card.getByRole('button', { name: /Opphev reaksjonen mot Mari Dempet/ }).click();
    await card.getByRole('button', { name: 'Opphev reaksjonen' }).click();
    await card.getByText('Skriv hvorfor reaksjonen oppheves.').waitFor();
    await card.getByLabel('Hvorfor den oppheves').fill('Vi har snakket sammen');
    await card.getByRole('button', { name: 'Opphev reaksjonen' }).click();
    await page.locator('#reaksjoner').getByText('Reaksjonen er opphevet, og personen har fått beskjed.').waitFor();
    await card.waitFor({ state: 'detached' });

    await memberPage.reload();
    await settle(memberPage);
    await memberPage.locator('#new-thread-heading').waitFor();
    await expect(memberPage.getByTestId('muted-notice').count()).resolves.toBe(0);
  });
});
