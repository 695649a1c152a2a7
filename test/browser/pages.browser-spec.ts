// Every page, as guest, member, moderator and admin, at 1280 px and 360 px, with the seeded content
// on it (seed.ts): zero axe-core violations (WCAG 2.1 A and AA), no sideways scrolling, no CSP
// violation or script error, and a screenshot in test/browser/artifacts/ to look at.
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
  watchPage,
  WIDTHS,
  type TestUser,
} from './support.js';
import { populateRoom, seed } from './seed.js';

const admin = await asAdmin();
const s = await seed();

// A room with company: a host and three participants, live while the pages are walked.
const company = await populateRoom(
  s.rooms.open,
  [
    { nickname: 'Ingrid', as: s.users.ingrid },
    { nickname: 'Solveig' },
    { nickname: 'Tore' },
    { nickname: 'Jonas', as: s.users.jonas },
  ],
  [
    ['Ingrid', 'Velkommen til kveldens kafé! Vi tar en runde: hvordan har uka vært?'],
    ['Solveig', 'Hei! Litt slitsom uke, men godt å være her.'],
    ['Tore', 'Første gang jeg er med. Jeg leser litt først, hvis det er greit.'],
    ['Ingrid', 'Så fint at du kom, Tore. Du bestemmer selv om og når du vil skrive.'],
  ],
);

const someone = await makeUser('member', 'nullstill');
const reset = (await (await admin.post(`/api/admin/users/${someone.id}/reset-password`)).json()) as {
  resetUrl: string;
};
const resetPath = new URL(reset.resetUrl).pathname + new URL(reset.resetUrl).hash;

const PAGES: [name: string, path: string][] = [
  ['forside', '/'],
  ['kategori', `/kategori/${s.categories.erfaringer}`],
  ['kategori-forhand', `/kategori/${s.categories.parorende}`],
  ['kategori-lukket', `/kategori/${s.categories.panelet}`],
  ['trad', `/trad/${s.threads.anonymous}`],
  ['trad-lang', `/trad/${s.threads.long}`],
  ['trad-last', `/trad/${s.threads.locked}`],
  ['trad-venter', `/trad/${s.threads.heldReply}`],
  ['sok', '/sok?q=søvn'],
  ['logg-inn', '/logg-inn'],
  ['registrer', '/registrer'],
  ['profil', '/profil'],
  ['kafe', '/kafe'],
  ['kaferom', `/kafe/${s.rooms.open}`],
  ['kaferom-stengt', `/kafe/${s.rooms.planned}`],
  ['moderering', '/moderering'],
  ['admin', '/admin'],
  ['panelet', '/panelet'],
  ['tilgjengelighet', '/tilgjengelighet'],
  ['personvern', '/personvern'],
  ['retningslinjer', '/retningslinjer'],
  ['kvittering', `/kvittering/${s.guestReceipt}`],
  ['hjelp', '/hjelp'],
  ['nytt-passord', resetPath],
  ['ukjent-side', '/finnes-ikke'],
];

// The member is Sigrid, who has anonymous and held posts of her own.
const users: Record<string, TestUser | undefined> = {
  guest: undefined,
  member: s.users.sigrid,
  moderator: s.users.mette,
  admin: {
    id: '',
    username: process.env.BROWSER_ADMIN_USERNAME ?? 'admin',
    password: process.env.BROWSER_ADMIN_PASSWORD ?? '',
    displayName: 'Admin',
    role: 'admin',
  },
};

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  company.close();
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
