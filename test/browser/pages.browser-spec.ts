// Every page, as guest, member, moderator and admin, at 1280 px and 360 px: zero axe-core
// violations (WCAG 2.1 A and AA), no sideways scrolling, no CSP violation or script error, and a
// screenshot in test/browser/artifacts/ to look at.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { asAdmin, axe, backendFeatures, contextFor, horizontalOverflow, launch, makeUser, screenshot, settle, watchPage, WIDTHS, type TestUser } from './support.js';

const features = await backendFeatures();
const admin = await asAdmin();

// Real content where the backend has it, so the pages are checked with data on them.
async function fixtures() {
  let categorySlug = 'velkommen';
  let threadId = '00000000-0000-4000-8000-000000000000';
  let roomSlug = 'erfaringskafeen';
  if (features.forum) {
    const categories = (await (await admin.get('/api/categories')).json()) as { slug: string; canPost: boolean; visibility: string }[];
    const open = categories.find((c) => c.visibility === 'open' && c.canPost) ?? categories[0];
    if (open) {
      categorySlug = open.slug;
      const res = await admin.post(`/api/categories/${open.slug}/threads`, { data: { title: 'Hvordan har dere det i dag?', body: 'Jeg tenkte vi kunne **dele** litt om hvordan uka har vært.\n\n- Hva har hjulpet?\n- Hva har vært tungt?' } });
      if (res.status() === 201) {
        threadId = ((await res.json()) as { id: string }).id;
        await admin.post(`/api/threads/${threadId}/posts`, { data: { body: 'Takk for at du spør. Det har vært en grei uke, med litt bedre søvn.' } });
      }
    }
  }
  if (features.cafe) {
    const rooms = (await (await admin.get('/api/cafe/rooms')).json()) as { slug: string }[];
    if (rooms[0]) roomSlug = rooms[0].slug;
  }
  const someone = await makeUser('member', 'nullstill');
  const reset = (await (await admin.post(`/api/admin/users/${someone.id}/reset-password`)).json()) as { resetUrl: string };
  const resetPath = new URL(reset.resetUrl).pathname + new URL(reset.resetUrl).hash;
  return { categorySlug, threadId, roomSlug, resetPath };
}

const f = await fixtures();

const PAGES: [name: string, path: string][] = [
  ['forside', '/'],
  ['kategori', `/kategori/${f.categorySlug}`],
  ['trad', `/trad/${f.threadId}`],
  ['sok', '/sok?q=uke'],
  ['logg-inn', '/logg-inn'],
  ['registrer', '/registrer'],
  ['profil', '/profil'],
  ['kafe', '/kafe'],
  ['kaferom', `/kafe/${f.roomSlug}`],
  ['moderering', '/moderering'],
  ['admin', '/admin'],
  ['tilgjengelighet', '/tilgjengelighet'],
  ['personvern', '/personvern'],
  ['retningslinjer', '/retningslinjer'],
  ['kvittering', '/kvittering/ukjent-kvittering-0123456789'],
  ['hjelp', '/hjelp'],
  ['nytt-passord', f.resetPath],
  ['ukjent-side', '/finnes-ikke'],
];

const users: Record<string, TestUser | undefined> = {
  guest: undefined,
  member: await makeUser('member', 'medlem'),
  moderator: await makeUser('moderator', 'moderator'),
  admin: { id: '', username: process.env.BROWSER_ADMIN_USERNAME ?? 'admin', password: process.env.BROWSER_ADMIN_PASSWORD ?? '', displayName: 'Admin', role: 'admin' },
};

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(Object.keys(users))('as %s', (who) => {
  describe.each(WIDTHS)('at %i px', (width) => {
    let context: BrowserContext;
    let page: Page;
    let problems: string[];
    beforeAll(async () => {
      context = await contextFor(browser, users[who], width);
      page = await context.newPage();
      problems = watchPage(page);
    });
    afterAll(async () => {
      await context?.close();
    });

    it.each(PAGES)('should pass axe with no sideways scrolling on %s', async (name, path) => {
      problems.length = 0;
      await page.goto(path);
      await settle(page);
      expect(await page.locator('html').getAttribute('lang')).toBe('nb');
      await expect(page.locator('a[href="/hjelp"]').first().isVisible()).resolves.toBe(true);
      await screenshot(page, `${name}-${who}-${width}`);
      expect(await axe(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
    });
  });
});
