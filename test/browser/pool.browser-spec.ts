// Issue 16 in the browser: /panelet (about and the interest form, no account), a panel member's
// /panelet/mine (profile, offers, assignments, check-ins) and the coordinator's /admin/panelet —
// walked through end to end, axe-clean at 360 and 1280 px in bokmål and English.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  ADMIN,
  axe,
  contextFor,
  expectPagesClean,
  horizontalOverflow,
  launch,
  makeUser,
  rawCodes,
  settle,
  watchPage,
  WIDTHS,
} from './support.js';

const day = 24 * 3600_000;
const dayFromNow = (n: number) => new Date(Date.now() + n * day).toISOString().slice(0, 10);
const primary = await makeUser('panel', 'hoved', 'Hanne Hoved');
const backup = await makeUser('panel', 'reserve', 'Rune Reserve');
const title = `Brukerrådet ved DPS Nord, runde ${Date.now() % 100_000}`;

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

async function open(user: { username: string; password: string } | undefined, width = 1280): Promise<Page> {
  const context = await contextFor(browser, user, width);
  contexts.push(context);
  return context.newPage();
}

const guestName = `Kari Interessert ${Date.now().toString(36)}`;
let guestCode = '';

describe('the panel in the browser', () => {
  it('should let a guest express interest and show the receipt code', async () => {
    const page = await open(undefined, 360);
    const problems = watchPage(page);
    await page.goto('/panelet');
    await settle(page);
    await page.getByRole('heading', { level: 1, name: 'Erfaringspanelet' }).waitFor();
    await page.getByRole('heading', { name: 'Hva er erfaringspanelet?' }).waitFor();
    await page.getByTestId('pool-cta').click();
    await page.getByTestId('send-interest').click();
    // Nothing filled in: told beside the field, focus on the first.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('interest-name');
    await page.getByLabel('Navn').fill(guestName);
    await page.getByLabel('E-postadresse').fill('kari@example.test');
    await page.getByLabel('Pårørende').check();
    await page.getByLabel('Melding (valgfritt)').fill('Jeg vil gjerne bidra.');
    await page.getByLabel('Jeg vil ha nyhetsbrevet fra panelet på e-post').check();
    await page.getByTestId('send-interest').click();
    const code = page.getByTestId('receipt-code');
    await code.waitFor();
    guestCode = (await code.textContent())!.trim();
    expect(guestCode).toMatch(/^[A-Z2-9]{8}$/);
    expect(await axe(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  });

  it('should show the helplines when the message suggests a crisis', async () => {
    const page = await open(undefined, 1280);
    await page.goto('/panelet');
    await settle(page);
    await page.getByLabel('Navn').fill('Ola');
    await page.getByLabel('Telefonnummer').fill('+47 900 00 000');
    await page.getByLabel('SMS').check();
    await page.getByLabel('Egen erfaring som bruker').check();
    await page.getByLabel('Melding (valgfritt)').fill('Jeg orker ikke mer og vil ta livet mitt.');
    await page.getByTestId('send-interest').click();
    await page.getByTestId('receipt-code').waitFor();
    await page.getByTestId('crisis-help').waitFor();
    expect(await axe(page)).toEqual([]);
  });
});

describe('the coordinator and two panel members', () => {
  let assignmentId = '';

  it('should let the admin find the guest in the recruitment list and set a status', async () => {
    const page = await open(ADMIN, 1280);
    const problems = watchPage(page);
    await page.goto('/admin/panelet');
    await settle(page);
    const item = page.getByTestId('interest-item').filter({ hasText: guestName });
    await item.getByText(guestCode).waitFor();
    await item.getByText('kari@example.test').waitFor();
    await item.getByLabel('Status').selectOption('contacted');
    await item.getByLabel('Notat (bare for administratorene)').fill('Ringte 4. desember.');
    await item.getByRole('button', { name: `Lagre ${guestName}` }).click();
    await page.getByTestId('confirmation').getByText(`${guestName}: Kontaktet. Lagret.`).waitFor();
    await item.getByTestId('interest-status').getByText('Kontaktet').waitFor();
    await page.reload();
    await settle(page);
    await page
      .getByTestId('interest-item')
      .filter({ hasText: guestName })
      .getByTestId('interest-status')
      .getByText('Kontaktet')
      .waitFor();
    expect(problems).toEqual([]);
  });

  it('should let the admin create an assignment, with the end-date rule in words', async () => {
    const page = await open(ADMIN, 360);
    await page.goto('/admin/panelet');
    await settle(page);
    await page.getByTestId('new-assignment').click();
    const form = page.getByTestId('assignment-form');
    await form.getByLabel('Tittel').fill(title);
    await form.getByLabel('Mandat').fill('Fire møter i brukerrådet om ventetider.');
    await form.getByLabel('Hvem spør').fill('DPS Nord');
    await form.getByLabel('Taushet og deling').fill('Sakspapirer er interne.');
    await form.getByLabel('Startdato').fill(dayFromNow(1));
    await form.getByText('seks måneder etter starten').waitFor();
    await form.getByLabel('Sluttdato').fill(dayFromNow(220));
    await form.getByLabel('Anslått antall timer').fill('12');
    await form.getByTestId('create-assignment').click();
    await form.getByText('Et oppdrag kan vare høyst seks måneder').waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('assignment-endsAt');
    await form.getByLabel('Sluttdato').fill(dayFromNow(90));
    expect(await axe(page)).toEqual([]);
    await form.getByTestId('create-assignment').click();
    await page.getByTestId('confirmation').getByText(`Oppdraget «${title}» er lagret som utkast.`).waitFor();
    const card = page.getByTestId('board-assignment').filter({ hasText: title });
    await card.getByRole('link', { name: title }).click();
    await settle(page);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    assignmentId = new URL(page.url()).pathname.split('/').pop()!;
  });

  it('should let the admin offer it to a primary and a backup from the suggestions, and say why it cannot start yet', async () => {
    const page = await open(ADMIN, 1280);
    const problems = watchPage(page);
    await page.goto(`/admin/panelet/oppdrag/${assignmentId}`);
    await settle(page);
    await page.getByRole('button', { name: `Tilby som hovedperson ${primary.displayName}` }).click();
    await page
      .getByTestId('confirmation')
      .getByText(`${primary.displayName} har fått tilbud som Hovedperson.`)
      .waitFor();
    await page.getByRole('button', { name: `Tilby som reserve ${backup.displayName}` }).click();
    await page.getByTestId('confirmation').getByText(`${backup.displayName} har fått tilbud som Reserve.`).waitFor();
    await page.getByTestId('start-assignment').click();
    await page.getByText('Oppdraget kan ikke starte ennå: både en hovedperson og en reserve må ha sagt ja.').waitFor();
    expect(problems).toEqual([]);
  });

  it('should let both accept in their own browsers', async () => {
    for (const who of [primary, backup]) {
      const page = await open(who, who === primary ? 360 : 1280);
      await page.goto('/panelet/mine');
      await settle(page);
      const offer = page.getByTestId('pool-offer').filter({ hasText: title });
      await offer.waitFor();
      await offer.getByRole('button', { name: `Si ja ${title}` }).click();
      await page.getByTestId('confirmation').getByText(`Du sa ja til «${title}».`).waitFor();
      await page.getByTestId('pool-assignment').filter({ hasText: title }).waitFor();
    }
  });

  it('should let the admin start it once both have said yes', async () => {
    const page = await open(ADMIN, 360);
    await page.goto(`/admin/panelet/oppdrag/${assignmentId}`);
    await settle(page);
    await page.getByTestId('start-assignment').click();
    await page.getByTestId('confirmation').getByText(`«${title}» er startet.`).waitFor();
    await page.getByTestId('assignment-status').getByText('Pågår').waitFor();
  });

  it('should let the primary check in with a pause, and the backup then sees they are primary', async () => {
    const page = await open(primary, 360);
    const problems = watchPage(page);
    await page.goto('/panelet/mine');
    await settle(page);
    const card = page.getByTestId('pool-assignment').filter({ hasText: title });
    await card.getByTestId('pool-my-role').getByText('Du er hovedperson').waitFor();
    await card.getByTestId('send-checkin').click();
    await card.getByText('Velg hvor tungt det er.').waitFor();
    await card.getByLabel('4 – tungt').check();
    await card.getByLabel('Noe du vil si til koordinatoren? (valgfritt)').fill('Det ble mye denne måneden.');
    await card.getByTestId('want-pause').check();
    expect(await axe(page)).toEqual([]);
    await card.getByTestId('send-checkin').click();
    await page.getByTestId('confirmation').getByText('Takk! Du har pause nå, og koordinatoren er varslet.').waitFor();
    await card.getByTestId('pool-my-role').getByText('Du har pause fra dette oppdraget').waitFor();
    expect(await page.getByLabel('Jeg har pause').isChecked()).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);

    const other = await open(backup, 1280);
    await other.goto('/panelet/mine');
    await settle(other);
    const theirs = other.getByTestId('pool-assignment').filter({ hasText: title });
    await theirs.getByTestId('pool-my-role').getByText('Du er hovedperson').waitFor();
    await theirs.getByTestId('pool-needs-backup').waitFor();
  });

  it('should show the coordinator the hand-over, the note, the load, and say plainly that no newsletter went out without SMTP', async () => {
    const page = await open(ADMIN, 1280);
    await page.goto(`/admin/panelet/oppdrag/${assignmentId}`);
    await settle(page);
    await page.getByText('Oppdraget trenger en ny reserve.').waitFor();
    await page.getByText('Det ble mye denne måneden.').waitFor();
    await page.goto('/admin/panelet');
    await settle(page);
    const row = page.getByTestId('load-overview').getByRole('row').filter({ hasText: primary.displayName });
    await row.getByText('Har pause').waitFor();
    await row.getByText('4 – tungt').waitFor();
    const news = page.getByTestId('newsletter-form');
    await news.getByLabel('Emne').fill('Nytt fra panelet');
    await news.getByLabel('Tekst').fill('Vi møtes 12. januar.');
    await news.getByTestId('send-newsletter').click();
    await news.getByTestId('newsletter-not-sent').getByText('Ingenting ble sendt').waitFor();
  });
});

describe.each(['nb', 'en'] as const)('the panel pages in %s', (language) => {
  it.each(WIDTHS)('should pass axe with no sideways scrolling at %i px', async (width) => {
    const guest = await contextFor(browser, undefined, width, language);
    const member = await contextFor(browser, backup, width, language);
    const admin = await contextFor(browser, ADMIN, width, language);
    contexts.push(guest, member, admin);
    const suffix = `${language}-${width}`;
    await expectPagesClean(await guest.newPage(), [['panelet', '/panelet']], suffix);
    const mine = await member.newPage();
    await expectPagesClean(mine, [['panelet-mine', '/panelet/mine']], suffix);
    expect(rawCodes(await mine.locator('main').innerText())).toEqual([]);
    const board = await admin.newPage();
    await expectPagesClean(board, [['admin-panelet', '/admin/panelet']], suffix);
    expect(rawCodes(await board.locator('main').innerText())).toEqual([]);
    const first = await board.getByTestId('board-assignment').first().getByRole('link').getAttribute('href');
    await expectPagesClean(board, [['admin-oppdrag', first!]], suffix);
    expect(rawCodes(await board.locator('main').innerText())).toEqual([]);
  });
});
