// Issue 21.6 in the browser: "edit and approve" edits the Markdown the member wrote, so bold text
// and a list survive publishing; the undo of a rejection is still there after a reload within its
// ten minutes.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN, apiLogin, asAdmin, axe, contextFor, launch, makeUser, settle, unique } from './support.js';

const admin = await asAdmin();
const json = async <T>(res: { ok(): boolean; status(): number; text(): Promise<string>; json(): Promise<unknown> }) => {
  if (!res.ok()) throw new Error(`${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
};
const slug = unique('forhand').toLowerCase();
await json(
  await admin.post('/api/categories', {
    data: {
      slug,
      name: 'Forhåndslest',
      description: 'Alt leses før det vises',
      visibility: 'open',
      moderation: 'pre',
      allowAnonymous: false,
      allowGuests: false,
    },
  }),
);
const writer = await makeUser('member', 'formatert');
const asWriter = await apiLogin(writer.username, writer.password);
const held = async (title: string, body: string) =>
  json<{ id: string }>(await asWriter.post(`/api/categories/${slug}/threads`, { data: { title, body } }));

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

async function moderatorPage(): Promise<Page> {
  const context = await contextFor(browser, ADMIN, 1280);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto('/moderering');
  await settle(page);
  return page;
}

describe('editing in the queue', () => {
  it('should edit the Markdown source, so formatting survives "edit and approve"', async () => {
    const title = unique('Ny her');
    const thread = await held(title, '**ny her** og glad\n\n- punkt en\n- punkt to');
    const page = await moderatorPage();
    const card = page.getByTestId('queue-item').filter({ hasText: title }).first();
    await card.getByRole('button', { name: 'Rediger og godkjenn' }).click();
    const box = card.getByLabel('Rediger før publisering');
    await expect(box.inputValue()).resolves.toBe('**ny her** og glad\n\n- punkt en\n- punkt to');
    await box.fill('**ny her** og glad\n\n- punkt en\n- punkt to\n- punkt tre');
    await card.getByRole('button', { name: 'Godkjenn redigert versjon' }).click();
    await card.waitFor({ state: 'detached' });
    expect(await axe(page)).toEqual([]);

    await page.goto(`/trad/${thread.id}`);
    await settle(page);
    const post = page.getByTestId('post').first();
    await expect(post.locator('strong').first().textContent()).resolves.toBe('ny her');
    await expect(post.locator('li').count()).resolves.toBe(3);
  });

  it('should keep the undo of a rejection after a reload within ten minutes', async () => {
    const title = unique('Avvises');
    await held(title, 'Noe som avvises.');
    const page = await moderatorPage();
    const card = page.getByTestId('queue-item').filter({ hasText: title }).first();
    await card.getByRole('button', { name: 'Avvis', exact: true }).click();
    await card.getByLabel('Skriv egen begrunnelse').check();
    await card.getByLabel('Egen begrunnelse', { exact: true }).fill('Passer ikke her.');
    await card.getByRole('button', { name: 'Avvis', exact: true }).click();
    await card.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /Angre avvisningen fra/ }).waitFor();

    await page.reload();
    await settle(page);
    await page.getByRole('button', { name: /Angre avvisningen fra/ }).click();
    await page.getByTestId('confirmation').getByText('Avvisningen er angret.').waitFor();
    await page.getByTestId('queue-item').filter({ hasText: title }).first().waitFor();
  });
});
