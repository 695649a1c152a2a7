// Issue 21.8 in the browser: an administrator names who runs the service and how to reach them,
// and a guest then finds that in the privacy notice, in the dated accessibility statement (with
// the way to complain at uustatus.no) and under "forgot password"; axe-clean at 360 and 1280 px
// in bokmål and English.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN, asAdmin, axe, contextFor, horizontalOverflow, launch, screenshot, settle, WIDTHS } from './support.js';

const NAME = 'Erfaringspanelet i DPS Vest';
const EMAIL = 'erfaringspanel@dps-vest.example.no';
const PHONE = '+47 55 00 00 00';

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  const admin = await asAdmin();
  await admin.patch('/api/admin/settings', {
    data: {
      operatorName: '',
      operatorEmail: '',
      operatorPhone: '',
      operatorAddress: '',
      accessibilityStatementDate: '',
    },
  });
});

async function pageFor(user: typeof ADMIN | undefined, width: number, language: 'nb' | 'en' = 'nb'): Promise<Page> {
  const context = await contextFor(browser, user, width);
  if (language !== 'nb') await context.addInitScript((lng) => localStorage.setItem('erf.lang', lng), language);
  contexts.push(context);
  return context.newPage();
}

async function clean(page: Page, name: string) {
  expect(await axe(page)).toEqual([]);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await screenshot(page, name);
}

describe('who runs the service', () => {
  it('should let an administrator set the operator’s name, contact and the statement’s date under Innstillinger', async () => {
    const page = await pageFor(ADMIN, 1280);
    await page.goto('/admin#innstillinger');
    await settle(page);
    const settings = page.locator('#innstillinger');
    await settings.getByRole('group', { name: 'Hvem som driver tjenesten' }).waitFor();
    await settings.getByLabel('Navn på den som driver tjenesten (behandlingsansvarlig)').fill(NAME);
    await settings.getByLabel('E-post for spørsmål og tilbakemeldinger').fill(EMAIL);
    await settings.getByLabel('Telefon').fill(PHONE);
    await settings.getByLabel('Postadresse (kan stå tomt)').fill('Postboks 12\n5020 Bergen');
    await settings.getByLabel('Dato for tilgjengelighetserklæringen').fill('2026-12-01');
    await settings.getByRole('button', { name: 'Lagre' }).click();
    await settings.getByText('Lagret.').waitFor();
    await page.reload();
    await settle(page);
    await expect(settings.getByLabel('Telefon').inputValue()).resolves.toBe(PHONE);
    await clean(page, 'operator-admin-1280');
  });

  describe.each(['nb', 'en'] as const)('a guest in %s', (language) => {
    const words = {
      nb: {
        controller: `${NAME} er behandlingsansvarlig`,
        date: 'Erklæringen ble sist oppdatert 1. desember 2026.',
        uustatus: 'Meld fra til Tilsynet for universell utforming av IKT (uustatus.no)',
        forgot: `Ta kontakt med ${NAME}, så får du en lenke for å lage et nytt passord.`,
        myPage: 'Under «Min side» kan du',
      },
      en: {
        controller: `${NAME} is the data controller (behandlingsansvarlig)`,
        date: 'The statement was last updated on 1 December 2026.',
        uustatus: 'Report to the Authority for Universal Design of ICT (uustatus.no)',
        forgot: `Contact ${NAME}, and you will get a link to make a new password.`,
        myPage: 'Under "My page" you can',
      },
    }[language];

    it.each(WIDTHS)('should find the data controller and its contact in the privacy notice at %i px', async (width) => {
      const page = await pageFor(undefined, width, language);
      await page.goto('/personvern');
      await settle(page);
      await page.getByText(words.controller).waitFor();
      await page.getByRole('link', { name: EMAIL }).waitFor();
      await expect(page.getByRole('link', { name: EMAIL }).getAttribute('href')).resolves.toBe(`mailto:${EMAIL}`);
      await page.getByText(words.myPage).waitFor();
      await clean(page, `operator-personvern-${language}-${width}`);
    });

    it.each(WIDTHS)(
      'should find a dated accessibility statement with a contact and uustatus.no at %i px',
      async (width) => {
        const page = await pageFor(undefined, width, language);
        await page.goto('/tilgjengelighet');
        await settle(page);
        await page.getByText(words.date).waitFor();
        await page.getByRole('link', { name: EMAIL }).waitFor();
        await expect(page.getByRole('link', { name: PHONE }).getAttribute('href')).resolves.toBe('tel:+4755000000');
        await page.getByText('5020 Bergen').waitFor();
        const uustatus = page.getByRole('link', { name: words.uustatus });
        await expect(uustatus.getAttribute('href')).resolves.toBe('https://www.uustatus.no/');
        await clean(page, `operator-tilgjengelighet-${language}-${width}`);
      },
    );

    it.each(WIDTHS)('should tell someone who forgot their password whom to contact at %i px', async (width) => {
      const page = await pageFor(undefined, width, language);
      await page.goto('/logg-inn');
      await settle(page);
      await page.getByText(words.forgot).waitFor();
      await page.getByRole('link', { name: EMAIL }).waitFor();
      await clean(page, `operator-glemt-passord-${language}-${width}`);
    });
  });
});
