// Issue 14 in the browser: the consultations list and page, answering with the keyboard on a phone,
// the receipt code, and a published report acknowledged — axe-clean at 360 and 1280 px, in bokmål
// and English.
import type { Browser, BrowserContext } from 'playwright-core';
import {
  ADMIN,
  apiLogin,
  asAdmin,
  axe,
  contextFor,
  expectPagesClean,
  launch,
  makeUser,
  settle,
  WIDTHS,
} from './support.js';

const admin = await asAdmin();
const hour = 3600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

async function json<T>(res: {
  ok(): boolean;
  status(): number;
  json(): Promise<unknown>;
  text(): Promise<string>;
}): Promise<T> {
  if (!res.ok()) throw new Error(`${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

const standing = (
  await json<{ items: { id: string; title: string }[] }>(await admin.get('/api/consultations'))
).items.find((c) => c.title === 'Hva mangler?')!.id;

// A consultation with its report out: answered by a member, closed, reported.
const respondent = await makeUser('member', 'radslag');
const reported = (
  await json<{ id: string }>(
    await admin.post('/api/consultations', {
      data: {
        title: 'Hvordan var høstseminaret?',
        summary: 'Vi vil lære til neste gang.',
        body: 'Takk for at du var med på **seminaret**.',
        requester: 'Erfaringspanelet',
        audience: 'everyone',
        anonymity: 'anonymous',
        confidentiality: 'Anonymt; sitater uten kjennetegn kan brukes.',
        opensAt: at(-hour),
        closesAt: at(24 * hour),
        reportDueAt: at(30 * 24 * hour),
        questions: [{ kind: 'text', prompt: 'Hva var best?', required: true }],
      },
    }),
  )
).id;
await json(await admin.post(`/api/consultations/${reported}/publish`));
const asRespondent = await apiLogin(respondent.username, respondent.password);
const { questions } = await json<{ questions: { id: string }[] }>(
  await asRespondent.get(`/api/consultations/${reported}`),
);
await json(
  await asRespondent.post(`/api/consultations/${reported}/responses`, {
    data: { answers: [{ questionId: questions[0].id, value: 'Samtalene i pausen.' }] },
  }),
);
await json(await admin.post(`/api/consultations/${reported}/close`));
await json(
  await admin.put(`/api/consultations/${reported}/report`, {
    data: {
      heard: 'At pausene betyr mye.',
      done: 'Lengre pauser er avtalt.',
      planned: 'Neste seminar i mars.',
      notDone: 'Vi flytter det ikke til helg.',
      recommendations: [
        { text: 'Lengre pauser', outcome: 'adopted' },
        { text: 'Seminar i helgen', outcome: 'not_adopted', explanation: 'Mange jobber da.' },
      ],
    },
  }),
);
await json(await admin.post(`/api/consultations/${reported}/report/publish`));

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

describe.each(['nb', 'en'] as const)('consultation pages in %s', (language) => {
  it.each(WIDTHS)('should pass axe with no sideways scrolling at %i px', async (width) => {
    const context = await contextFor(browser, respondent, width, language);
    contexts.push(context);
    await expectPagesClean(
      await context.newPage(),
      [
        ['radslag', '/radslag'],
        ['radslag-apent', `/radslag/${standing}`],
        ['radslag-rapport', `/radslag/${reported}`],
      ],
      `${language}-${width}`,
    );
  });
});

describe('answering a consultation', () => {
  it('should let a member answer on a phone with the keyboard alone and show the receipt code', async () => {
    const member = await makeUser('member', 'svarer');
    const context = await contextFor(browser, member, 360);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/radslag');
    await settle(page);
    await page.getByRole('link', { name: 'Hva mangler?' }).click();
    await settle(page);
    const text = page.getByLabel(/Hva mangler – for deg/);
    await text.focus();
    await page.keyboard.type('Et sted å være på kveldstid.');
    await page.getByTestId('send-answer').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('receipt-code').textContent()).resolves.toMatch(/^[A-Z2-9]{10}$/);
    expect(await axe(page)).toEqual([]);
    await page.reload();
    await settle(page);
    await page.getByText('Du har svart på dette rådslaget.', { exact: false }).waitFor();
  });

  it('should show the published report and take the respondent’s acknowledgement', async () => {
    const context = await contextFor(browser, respondent, 1280);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`/radslag/${reported}`);
    await settle(page);
    await expect(page.getByTestId('report').textContent()).resolves.toContain('Lengre pauser');
    await page.getByLabel('Jeg har et spørsmål').check();
    await page.getByLabel('Kommentar (valgfritt)').fill('Når i mars?');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Takk! Koordinatoren ser svaret ditt.').waitFor();
    const tally = await json<{ question: number }>(
      await admin.get(`/api/consultations/${reported}/report/acknowledgements`),
    );
    expect(tally.question).toBe(1);
  });
});

describe('the coordinator', () => {
  it('should write a consultation as a draft in /admin, publish it, and pass axe', async () => {
    const context = await contextFor(browser, ADMIN, 1280);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/admin#radslag');
    await settle(page);
    const title = `Om våren ${Date.now().toString(36)}`;
    await page.getByLabel('Tittel', { exact: true }).fill(title);
    await page.getByLabel('Kort sammendrag').fill('Hva ønsker dere til våren?');
    await page.getByLabel('Hva spørres det om (Markdown)').fill('Vi planlegger **vårens** aktiviteter.');
    await page.getByLabel('Hvem spør', { exact: true }).fill('Erfaringspanelet');
    await page.getByLabel(/Hva kan deles av svarene/).fill('Anonymt.');
    await page.getByLabel('Spørsmålet').first().fill('Hva vil du gjøre?');
    await page.getByTestId('create-consultation').click();
    const card = page.locator('.admin-list li', { hasText: title });
    await card.waitFor();
    await card.getByRole('button', { name: /Publiser/ }).click();
    await card.getByText(/Åpent til/).waitFor();
    expect(await axe(page)).toEqual([]);
  });
});
