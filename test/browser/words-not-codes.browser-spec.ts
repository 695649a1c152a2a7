// Issue 21.5 in the browser: the staff screens say everything in words, in the reader's language,
// with times as a clock in Norway shows them — a café message caught by the crisis words in the
// queue, the audit log, the settings form, and a sanction notice to the member. The check
// (support.rawCodes) fails on a snake_case code, a camelCase key, an i18n key, an id fragment or
// an ISO/UTC time in what is rendered.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN, asAdmin, contextFor, launch, makeUser, rawCodes, settle, unique, type TestUser } from './support.js';

const admin = await asAdmin();
const must = async (res: { status(): number; text(): Promise<string> }, status: number) => {
  if (res.status() !== status) throw new Error(`${res.status()} ${await res.text()}`);
  return res;
};

const slug = unique('ordrom').toLowerCase();
await must(
  await admin.post('/api/cafe/rooms', {
    data: { slug, name: 'Ordkafeen', description: 'Et rom for ord', audience: 'everyone' },
  }),
  201,
);
await must(await admin.post(`/api/cafe/rooms/${slug}/open`, { data: {} }), 200);

// A member muted until a time, then lifted, and another given a new role: audit entries of each kind.
const muted = await makeUser('member', 'ordbruker', 'Ola Ord');
const until = new Date(Date.now() + 3 * 3600_000);
const given = (await (
  await must(
    await admin.post('/api/mod/sanctions', {
      data: { target: { userId: muted.id }, kind: 'mute', reason: 'Ta en pause', until: until.toISOString() },
    }),
    201,
  )
).json()) as { id: string };
await must(await admin.post(`/api/mod/sanctions/${given.id}/lift`, { data: { reason: 'Avklart' } }), 200);
const promoted = await makeUser('member', 'forfremmet', 'Per Vert');
await must(await admin.patch(`/api/admin/users/${promoted.id}`, { data: { role: 'host' } }), 200);

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

async function pageFor(user: TestUser | typeof ADMIN | undefined, width = 1280): Promise<Page> {
  const context = await contextFor(browser, user, width);
  contexts.push(context);
  return context.newPage();
}

describe('words instead of codes on the staff screens', () => {
  it('should show a crisis message from the café in the queue in words, with the words that matched', async () => {
    const guest = await pageFor(undefined, 360);
    await guest.goto(`/kafe/${slug}`);
    await settle(guest);
    await guest.getByLabel('Kallenavn').fill(unique('Natt').slice(0, 20));
    await guest.getByLabel('Jeg godtar kafeens regler').check();
    await guest.getByTestId('join-cafe').click();
    await guest.getByTestId('chat-log').waitFor({ timeout: 60_000 });
    await guest.getByLabel('Skriv en melding').fill('Jeg vil ikke leve lenger');
    await guest.keyboard.press('Enter');

    const page = await pageFor(ADMIN);
    await page.goto('/moderering');
    await settle(page);
    const card = page.getByTestId('queue-item').filter({ hasText: 'Ordkafeen' }).first();
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('«vil ikke leve»');
    expect(text).toContain('Noen ser ut til å være i fare');
    expect(rawCodes(text)).toEqual([]);
  });

  it('should name what each audit entry is about, without ids', async () => {
    const page = await pageFor(ADMIN);
    await page.goto('/moderering#logg');
    await settle(page);
    const table = page.locator('#logg table');
    await table.getByText('Per Vert').first().waitFor();
    const text = await table.innerText();
    expect(text).toContain('Bruker: Per Vert');
    expect(rawCodes(text)).toEqual([]);
  });

  it('should label every setting in words', async () => {
    const page = await pageFor(ADMIN);
    await page.goto('/admin#innstillinger');
    await settle(page);
    const form = page.locator('#innstillinger form');
    await form.getByLabel('Vis bilder fra andre nettsteder i innlegg').waitFor();
    expect(rawCodes(await form.innerText())).toEqual([]);
  });

  it('should tell a sanctioned member the end in Norwegian time', async () => {
    const page = await pageFor(muted, 360);
    await page.goto('/profil#varsler');
    await settle(page);
    const list = page.locator('#varsler');
    const oslo = new Intl.DateTimeFormat('nb-NO', {
      timeZone: 'Europe/Oslo',
      hour: '2-digit',
      minute: '2-digit',
    }).format(until);
    await list
      .getByText(/Du kan lese, men ikke skrive/)
      .first()
      .waitFor();
    const text = await list.innerText();
    expect(text).toContain(`kl. ${oslo}`);
    expect(rawCodes(text)).toEqual([]);
  });
});
