// Issue 21.4 in the browser: what someone just did is confirmed on screen, not only to screen
// readers — logging in, flagging a post, claiming a queue item, reporting a café message — and
// still announced; the confirmation closes by its button, and is axe-clean at 360 and 1280 px.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN, asAdmin, axe, contextFor, launch, makeUser, settle, unique, type TestUser } from './support.js';

const admin = await asAdmin();
const json = async <T>(res: { ok(): boolean; status(): number; text(): Promise<string>; json(): Promise<unknown> }) => {
  if (!res.ok()) throw new Error(`${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
};
await json(await admin.patch('/api/admin/settings', { data: { newMemberReviewCount: 0 } }));
const categories = await json<{ slug: string; visibility: string; allowAnonymous: boolean }[]>(
  await admin.get('/api/categories'),
);
const open = categories.find((c) => c.visibility === 'open')!.slug;
const title = unique('Bekreftelse');
const thread = await json<{ id: string }>(
  await admin.post(`/api/categories/${open}/threads`, { data: { title, body: 'Et innlegg å melde fra om.' } }),
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

async function pageFor(user: TestUser | typeof ADMIN | undefined, width: number): Promise<Page> {
  const context = await contextFor(browser, user, width);
  contexts.push(context);
  return context.newPage();
}

const confirmation = (page: Page) => page.getByTestId('confirmation');
const announced = (page: Page, text: string) =>
  page.waitForFunction(
    (t) => (document.querySelector('[data-testid="live-polite"]')?.textContent ?? '').includes(t),
    text,
    { timeout: 10_000 },
  );

describe('confirmations on screen', () => {
  it.each([360, 1280])('should welcome someone who logs in, visibly and aloud, at %i px', async (width) => {
    // One person's name each (decision 0039): a name per width.
    const name = width === 360 ? 'Siri Sol' : 'Solveig Sol';
    const member = await makeUser('member', 'velkommen', name);
    const page = await pageFor(undefined, width);
    await page.goto('/logg-inn');
    await settle(page);
    await page.getByLabel('Brukernavn').fill(member.username);
    await page.getByLabel('Passord', { exact: true }).fill(member.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await confirmation(page).getByText(`Velkommen, ${name}. Du er logget inn.`).waitFor();
    await announced(page, `Velkommen, ${name}.`);
    expect(await axe(page)).toEqual([]);
    await confirmation(page).getByRole('button', { name: 'Lukk' }).click();
    await confirmation(page).waitFor({ state: 'detached' });
  });

  it('should confirm a flag on a post on screen', async () => {
    const member = await makeUser('member', 'melder');
    const page = await pageFor(member, 360);
    await page.goto(`/trad/${thread.id}`);
    await settle(page);
    await page.getByTestId('post').first().getByRole('button', { name: 'Meld fra' }).click();
    await page.getByLabel('Reklame eller spam').check();
    await page.getByRole('button', { name: 'Send melding til moderatorene' }).click();
    await confirmation(page).getByText('Takk. Moderatorene har fått beskjed.').waitFor();
    expect(await axe(page)).toEqual([]);
  });

  it('should confirm claiming a queue item on screen', async () => {
    const page = await pageFor(ADMIN, 1280);
    await page.goto('/moderering');
    await settle(page);
    const item = page.getByTestId('queue-item').filter({ hasText: title }).first();
    await item.getByRole('button', { name: 'Ta saken' }).click();
    await confirmation(page).getByText('Du har tatt saken.').waitFor();
  });

  it('should confirm reporting a café message on screen', async () => {
    const slug = unique('bekreft').toLowerCase();
    await json(
      await admin.post('/api/cafe/rooms', {
        data: { slug, name: 'Bekreftkafeen', description: '', audience: 'everyone' },
      }),
    );
    await json(await admin.post(`/api/cafe/rooms/${slug}/open`, { data: {} }));
    const writer = await pageFor(undefined, 1280);
    const reader = await pageFor(undefined, 360);
    for (const [page, name] of [
      [writer, unique('Skriver').slice(0, 20)],
      [reader, unique('Leser').slice(0, 20)],
    ] as const) {
      await page.goto(`/kafe/${slug}`);
      await settle(page);
      await page.getByLabel('Kallenavn').fill(name);
      await page.getByLabel('Jeg godtar kafeens regler').check();
      await page.getByTestId('join-cafe').click();
      await page.getByTestId('chat-log').waitFor({ timeout: 60_000 });
    }
    const text = `En melding å melde fra om ${unique('m')}`;
    await writer.getByLabel('Skriv en melding').fill(text);
    await writer.keyboard.press('Enter');
    const message = reader.getByTestId('chat-message').filter({ hasText: text });
    await message.waitFor();
    await message.locator('summary').click();
    await message.getByRole('button', { name: 'Meld fra' }).click();
    await message.getByLabel('Trakassering eller hets').check();
    await message.getByRole('button', { name: 'Send', exact: true }).click();
    await confirmation(reader).getByText('Takk. Meldingen er sendt til moderatorene.').waitFor();
    expect(await axe(reader)).toEqual([]);
  });
});
