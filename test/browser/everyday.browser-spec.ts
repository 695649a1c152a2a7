// Issue 21, items 3 and 8, walked as the people would: a guest who keeps their receipt and gets a
// rejected text back, and a member's everyday account (Min side, the café rules, a welcome).
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
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

let browser: Browser;
let admin: APIRequestContext;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launch();
  admin = await asAdmin();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

async function open(
  user?: { username: string; password: string },
  width = 1280,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await contextFor(browser, user, width);
  contexts.push(context);
  const page = await context.newPage();
  return { context, page, problems: watchPage(page) };
}

async function sound(page: Page, problems: string[]): Promise<void> {
  expect(await axe(page)).toEqual([]);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  expect(problems).toEqual([]);
}

async function guestCategory(): Promise<string> {
  const slug = unique('gjest').toLowerCase().slice(0, 40);
  const res = await admin.post('/api/categories', {
    data: {
      slug,
      name: 'Gjester velkommen',
      description: 'Her kan alle skrive',
      visibility: 'open',
      moderation: 'post',
      allowAnonymous: true,
      allowGuests: true,
    },
  });
  if (res.status() !== 201) throw new Error(`category: ${res.status()} ${await res.text()}`);
  return slug;
}

async function reject(postId: string, reason: string): Promise<void> {
  const queue = (await (await admin.get('/api/mod/queue?limit=100')).json()) as {
    items: { id: string; content: { postId: string } }[];
  };
  const item = queue.items.find((i) => i.content.postId === postId);
  if (!item) throw new Error(`no queue item for ${postId}`);
  const res = await admin.post(`/api/mod/queue/${item.id}/reject`, { data: { reason } });
  if (res.status() !== 200) throw new Error(`reject: ${res.status()} ${await res.text()}`);
}

describe('a guest’s receipt', () => {
  it('should give a code to write down, keep the receipt in “Mine kvitteringer”, and give a rejected text back', async () => {
    const slug = await guestCategory();
    const { context, page, problems } = await open(undefined, 360);
    await page.goto(`/kategori/${slug}`);
    await settle(page);
    const text = 'Jeg har ventet på time i tre måneder.\n\n- ringt to ganger\n- fått brev';
    await page.getByLabel('Tittel').fill('Lang ventetid på poliklinikken');
    await page.getByLabel('Innlegg', { exact: true }).fill(text);
    await page.getByRole('button', { name: 'Publiser' }).click();
    await page.getByTestId('held').waitFor();
    const code = (await page.getByTestId('receipt-code').innerText()).trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await screenshot(page, 'kvittering-kode-360');
    await sound(page, problems);

    // The receipt says which post it is for, and the code to write down is there too.
    await page.getByTestId('receipt-link').click();
    await settle(page);
    await expect(page.getByTestId('receipt-title').innerText()).resolves.toBe('Lang ventetid på poliklinikken');
    await expect(page.getByTestId('receipt-body').inputValue()).resolves.toBe(text);
    await expect(page.getByTestId('receipt-code').innerText()).resolves.toContain(code);
    await sound(page, problems);

    // Later, from the footer: the receipt is listed in this browser.
    await page.goto('/');
    await settle(page);
    await page.getByRole('link', { name: 'Mine kvitteringer' }).click();
    await settle(page);
    const mine = page.getByTestId('my-receipts');
    await expect(mine.getByRole('link', { name: 'Lang ventetid på poliklinikken' }).isVisible()).resolves.toBe(true);
    await expect(mine.innerText()).resolves.toContain(code);
    await screenshot(page, 'mine-kvitteringer-360');
    await sound(page, problems);

    // A moderator rejects it; on another device the guest types the code they wrote down.
    const receipt = (await (await context.request.get(`/api/receipts/${encodeURIComponent(code)}`)).json()) as {
      status: string;
    };
    expect(receipt.status).toBe('pending');
    const queue = (await (await admin.get('/api/mod/queue?limit=100')).json()) as {
      items: { id: string; content: { postId: string; title?: string } }[];
    };
    const item = queue.items.find((i) => i.content.title === 'Lang ventetid på poliklinikken')!;
    await reject(item.content.postId, 'Skriv gjerne om ventetiden uten å nevne klinikken ved navn.');

    const other = await open(undefined, 1280);
    await other.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await other.page.goto('/kvittering');
    await settle(other.page);
    await expect(other.page.getByTestId('my-receipts').innerText()).resolves.toContain('Ingen kvitteringer');
    await other.page.getByLabel('Kode fra kvitteringen').fill(code.toLowerCase().replace(/-/g, ' '));
    await other.page.getByRole('button', { name: 'Vis kvitteringen' }).click();
    await settle(other.page);
    await expect(other.page.getByTestId('receipt-status').innerText()).resolves.toContain(
      'Skriv gjerne om ventetiden uten å nevne klinikken ved navn.',
    );
    await expect(other.page.getByTestId('receipt-body').inputValue()).resolves.toBe(text);
    await other.page.getByRole('button', { name: 'Kopier teksten' }).click();
    await other.page.getByTestId('copied').waitFor();
    await expect(other.page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(text);
    await screenshot(other.page, 'kvittering-avvist-1280');
    await sound(other.page, other.problems);
  });
});

describe('a member’s everyday account', () => {
  it('should let a member change display name and email in “Min side”, shown at once in the header', async () => {
    const member = await makeUser('member', 'navn', 'Navn Før');
    const { page, problems } = await open(member, 360);
    await page.goto('/profil');
    await settle(page);
    const form = page.getByTestId('edit-profile');
    await expect(form.getByLabel('Visningsnavn').inputValue()).resolves.toBe('Navn Før');
    await form.getByLabel('Visningsnavn').fill('Navn Etter');
    await form.getByLabel('E-postadresse (valgfri)').fill('ikke-en-adresse');
    await form.getByRole('button', { name: 'Lagre navn og e-post' }).click();
    await expect(form.getByText('Skriv en gyldig e-postadresse').isVisible()).resolves.toBe(true);
    await form.getByLabel('E-postadresse (valgfri)').fill('navn@example.no');
    await form.getByRole('button', { name: 'Lagre navn og e-post' }).click();
    await form.getByText('Endringene er lagret.').waitFor();
    await expect(page.locator('header').innerText()).resolves.toContain('Navn Etter');
    await screenshot(page, 'min-side-navn-360');
    await sound(page, problems);
    // It was saved, not only shown: after a reload the fields hold the new values.
    await page.reload();
    await settle(page);
    await expect(form.getByLabel('Visningsnavn').inputValue()).resolves.toBe('Navn Etter');
    await expect(form.getByLabel('E-postadresse (valgfri)').inputValue()).resolves.toBe('navn@example.no');
  });

  it('should load guest pages without a single 401 (who is asking answers 200 with no user)', async () => {
    const { page, problems } = await open(undefined, 1280);
    const refused: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 401) refused.push(r.url());
    });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    for (const path of ['/', '/kafe', '/sok?q=søvn', '/personvern', '/kvittering']) {
      await page.goto(path);
      await settle(page);
    }
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
    await expect(page.getByRole('link', { name: 'Logg inn' }).isVisible()).resolves.toBe(true);
    expect(problems).toEqual([]);
  });
});

describe('the café rules', () => {
  it('should ask a member to accept the café rules once, not at the next visit', async () => {
    const slug = unique('regler').toLowerCase();
    const created = await admin.post('/api/cafe/rooms', {
      data: { slug, name: 'Regelkafeen', description: 'Et rom for én gangs regler', audience: 'everyone' },
    });
    expect(created.status()).toBe(201);
    expect((await admin.post(`/api/cafe/rooms/${slug}/open`, { data: {} })).status()).toBe(200);
    const member = await makeUser('member', 'kafe', 'Kafe Gjest');
    const { page, problems } = await open(member, 360);
    await page.goto(`/kafe/${slug}`);
    await settle(page);
    await page.getByTestId('join-cafe').click();
    await expect(page.getByText('Du må godta kafeens regler').first().isVisible()).resolves.toBe(true);
    await page.getByLabel('Jeg godtar kafeens regler').check();
    await page.getByTestId('join-cafe').click();
    await page.getByTestId('chat-log').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Gå ut av kafeen' }).click();

    // Another day, another browser: no tick box, the rules a click away, straight in.
    const later = await open(member, 1280);
    await later.page.goto(`/kafe/${slug}`);
    await settle(later.page);
    await expect(later.page.getByLabel('Jeg godtar kafeens regler').count()).resolves.toBe(0);
    await expect(later.page.getByTestId('rules-remembered').isVisible()).resolves.toBe(true);
    await screenshot(later.page, 'kafe-regler-husket-1280');
    await sound(later.page, later.problems);
    await later.page.getByTestId('join-cafe').click();
    await later.page.getByTestId('chat-log').waitFor({ timeout: 60_000 });
    expect(problems).toEqual([]);
  });
});

describe('a first day', () => {
  it('should welcome a new member visibly, and show their held thread as waiting instead of an empty category', async () => {
    const { page, problems } = await open(undefined, 360);
    const username = unique('ny_medlem').replace(/-/g, '_');
    await page.goto('/registrer');
    await settle(page);
    await page.getByLabel('Brukernavn', { exact: true }).fill(username);
    await page.getByLabel('Visningsnavn (valgfritt)').fill('Siri Ny');
    await page.getByLabel('Passord', { exact: true }).fill('et langt nok passord');
    await page.getByLabel('Gjenta passordet').fill('et langt nok passord');
    await page.getByLabel('Jeg har lest og godtar retningslinjene').check();
    await page.getByLabel(/Jeg har lest personvernerklæringen/).check();
    await page.getByRole('button', { name: 'Opprett konto' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    const welcome = page.getByTestId('welcome');
    await welcome.waitFor();
    await expect(welcome.innerText()).resolves.toContain('Velkommen, Siri Ny!');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('welcome');
    await screenshot(page, 'velkommen-360');
    await sound(page, problems);
    await welcome.getByRole('button', { name: 'Lukk velkomsten' }).click();
    await welcome.waitFor({ state: 'detached' });
    await expect(page.getByTestId('welcome').count()).resolves.toBe(0);

    // A new category where every thread waits for a moderator.
    const slug = unique('venter').toLowerCase().slice(0, 40);
    const made = await admin.post('/api/categories', {
      data: {
        slug,
        name: 'Forhåndsmoderert',
        description: 'Alt leses først',
        visibility: 'open',
        moderation: 'pre',
        allowAnonymous: false,
        allowGuests: false,
      },
    });
    expect(made.status()).toBe(201);
    await page.goto(`/kategori/${slug}`);
    await settle(page);
    await expect(page.getByText('Ingen har startet en tråd her ennå').isVisible()).resolves.toBe(true);
    await page.getByLabel('Tittel').fill('Mitt første innlegg');
    await page.getByLabel('Innlegg', { exact: true }).fill('Hei, jeg er ny her og vil gjerne fortelle litt.');
    await page.getByRole('button', { name: 'Publiser' }).click();
    await page.getByTestId('held').waitFor();
    await page.getByTestId('waiting-threads').waitFor();
    // The next visit: the thread is there, waiting, and the list does not say nobody has written.
    await page.reload();
    await settle(page);
    const waiting = page.getByTestId('waiting-threads');
    await expect(waiting.innerText()).resolves.toContain('Mitt første innlegg');
    await expect(waiting.innerText()).resolves.toContain('venter på en moderator');
    await expect(page.getByText('Ingen har startet en tråd her ennå').count()).resolves.toBe(0);
    await expect(page.getByText('Ingen tråder er publisert her ennå').isVisible()).resolves.toBe(true);
    await screenshot(page, 'venter-paa-moderator-360');
    await sound(page, problems);
  });
});
