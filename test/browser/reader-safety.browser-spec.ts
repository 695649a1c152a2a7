// Issue 18 in the browser: help before sending, the warning picker, folded posts and "show anyway",
// gentle reactions, ignoring, the filters in the profile and the hosts' unanswered page — axe-clean
// at 360 and 1280 px, in bokmål and English, with no sideways scrolling.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  apiLogin,
  asAdmin,
  axe,
  contextFor,
  expectPagesClean,
  horizontalOverflow,
  launch,
  makeUser,
  screenshot,
  settle,
  unique,
  watchPage,
  WIDTHS,
} from './support.js';

const CRISIS = 'Jeg vil ikke leve lenger. Jeg orker ikke mer.';

async function json<T>(res: {
  ok(): boolean;
  status(): number;
  json(): Promise<unknown>;
  text(): Promise<string>;
}): Promise<T> {
  if (!res.ok()) throw new Error(`${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

const admin = await asAdmin();
await json(await admin.patch('/api/admin/settings', { data: { newMemberReviewCount: 0, unansweredHours: 0 } }));
const slug = unique('trygg');
await json(
  await admin.post('/api/categories', {
    data: {
      slug,
      name: 'Trygg lesing',
      description: 'Rom for tester av lesertrygghet',
      visibility: 'open',
      moderation: 'post',
      allowAnonymous: true,
      allowGuests: false,
    },
  }),
);

const writer = await makeUser('member', 'skriver');
const reader = await makeUser('member', 'leser');
const host = await makeUser('host', 'vert');
const asWriter = await apiLogin(writer.username, writer.password);
const thread = await json<{ id: string; posts: { items: { id: string }[] } }>(
  await asWriter.post(`/api/categories/${slug}/threads`, {
    data: { title: 'En tung dag', body: 'Det har vært en tung uke.', contentWarning: 'selvskading' },
  }),
);
const warned = await json<{ id: string }>(
  await asWriter.post(`/api/threads/${thread.id}/posts`, {
    data: { body: 'Om det jeg gjorde i går.', contentWarning: 'selvskading' },
  }),
);
await json(await asWriter.post(`/api/threads/${thread.id}/posts`, { data: { body: 'En vanlig oppdatering.' } }));
const anonymous = await json<{ id: string }>(
  await asWriter.post(`/api/threads/${thread.id}/posts`, { data: { body: 'Anonymt svar.', anonymous: true } }),
);
const asReader = await apiLogin(reader.username, reader.password);
await json(
  await asReader.patch('/api/me/preferences', { data: { hideWarnings: ['selvskading'], muteWords: ['kniv'] } }),
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

async function pageFor(
  user: { username: string; password: string },
  width: number,
  language: 'nb' | 'en' = 'nb',
): Promise<Page> {
  const context = await contextFor(browser, user, width, language);
  contexts.push(context);
  return context.newPage();
}

describe.each(['nb', 'en'] as const)('reader safety pages in %s', (language) => {
  it.each(WIDTHS)('should pass axe with no sideways scrolling at %i px', async (width) => {
    for (const [who, pages] of [
      [
        reader,
        [
          ['trad-foldet', `/trad/${thread.id}`],
          ['kategori-advarsel', `/kategori/${slug}`],
          ['profil-filtre', '/profil#filtre'],
        ],
      ],
      [host, [['ubesvarte', '/ubesvarte']]],
    ] as const) {
      const page = await pageFor(who, width, language);
      await expectPagesClean(page, pages, `${language}-${width}`);
      // The thread with a post opened, and the pre-send help showing in the reply editor.
      if (who === reader) {
        await page.goto(`/trad/${thread.id}`);
        await settle(page);
        await page.getByTestId('show-anyway').first().click();
        await page.locator('textarea[name="reply"]').fill(CRISIS);
        await page.getByTestId('pre-send-crisis').waitFor();
        await screenshot(page, `trad-hjelp-${language}-${width}`);
        expect(await axe(page)).toEqual([]);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      }
    }
  });
});

describe('reading with filters', () => {
  it('should fold a post with a hidden warning, open it with the keyboard and say so to screen readers', async () => {
    const page = await pageFor(reader, 360);
    await page.goto(`/trad/${thread.id}`);
    await settle(page);
    const post = page.locator(`[data-post-id="${warned.id}"]`);
    const button = post.getByTestId('show-anyway');
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(post.locator('.post-body').isHidden()).resolves.toBe(true);
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
    await post.locator('.post-body', { hasText: 'Om det jeg gjorde i går.' }).waitFor();
    await page.getByTestId('live-polite').getByText('Innholdet vises.').waitFor();
    // Posts without the warning are not folded.
    await expect(page.getByTestId('folded').count()).resolves.toBe(2);
  });

  it('should show the helplines as the writer pauses, without taking focus, and keep the editor usable offline', async () => {
    const page = await pageFor(reader, 360);
    const problems = watchPage(page);
    await page.goto(`/trad/${thread.id}`);
    await settle(page);
    const editor = page.locator('textarea[name="reply"]');
    await editor.focus();
    await page.keyboard.type(CRISIS);
    await page.getByTestId('pre-send-crisis').waitFor();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe('reply');
    await expect(page.getByTestId('pre-send-crisis').textContent()).resolves.toContain('116 123');

    await page.context().setOffline(true);
    await editor.fill('');
    await page.keyboard.type('Skrevet uten nett, og fortsatt her.');
    await page.waitForTimeout(1500);
    await expect(editor.inputValue()).resolves.toBe('Skrevet uten nett, og fortsatt her.');
    await page.context().setOffline(false);
    expect(problems).toEqual([]);
  });

  it('should let a writer pick a warning, and the thread list show it', async () => {
    const page = await pageFor(writer, 1280);
    await page.goto(`/kategori/${slug}`);
    await settle(page);
    const title = `Om sorg ${Date.now().toString(36)}`;
    await page.getByLabel('Tittel', { exact: true }).fill(title);
    await page.locator('textarea[name="body"]').fill('Det er et år siden.');
    await page.getByTestId('warning-picker').selectOption('sorg');
    await page.getByRole('button', { name: 'Publiser' }).click();
    await page.getByTestId('created-thread-link').waitFor();
    await page.reload();
    await settle(page);
    const item = page.getByTestId('thread-item').filter({ hasText: title });
    await expect(item.getByTestId('warning-tag').textContent()).resolves.toBe('Advarsel: Sorg');
  });
});

describe('reactions and ignoring', () => {
  it('should send support, count it, and never show who', async () => {
    const page = await pageFor(reader, 360);
    await page.goto(`/trad/${thread.id}`);
    await settle(page);
    const opening = page.locator(`[data-post-id="${thread.posts.items[0].id}"]`);
    await opening.getByTestId('show-anyway').click();
    const support = opening.getByTestId('react-support');
    await expect(support.getAttribute('aria-pressed')).resolves.toBe('false');
    await support.click();
    await opening.locator('[data-testid="react-support"][aria-pressed="true"]').waitFor();
    await expect(support.locator('.count').textContent()).resolves.toBe('1');
    await page.getByTestId('live-polite').getByText('Du sendte «Støtte».').waitFor();
    const writerPage = await pageFor(writer, 1280);
    await writerPage.goto(`/trad/${thread.id}`);
    await settle(writerPage);
    await expect(writerPage.locator('main').textContent()).resolves.not.toContain(reader.displayName);
  });

  it('should ignore an anonymous author in the thread, list it in the profile and undo it there', async () => {
    const other = await makeUser('member', 'overser');
    const page = await pageFor(other, 1280);
    await page.goto(`/trad/${thread.id}`);
    await settle(page);
    const post = page.locator(`[data-post-id="${anonymous.id}"]`);
    await post.getByTestId('ignore-author').click();
    await post.getByTestId('confirm-ignore').click();
    await post.getByTestId('show-anyway').waitFor();
    await page.goto('/profil#filtre');
    await settle(page);
    const entry = page.getByTestId('ignored-entry');
    await expect(entry.textContent()).resolves.toContain('En anonym forfatter i');
    await expect(entry.textContent()).resolves.toContain('En tung dag');
    expect(await axe(page)).toEqual([]);
    await entry.getByRole('button', { name: 'Slutt å overse' }).click();
    await page.getByText('Du overser ingen.').waitFor();
  });

  it('should save the filters in the profile', async () => {
    const member = await makeUser('member', 'filtrer');
    const page = await pageFor(member, 360);
    await page.goto('/profil#filtre');
    await settle(page);
    await page.getByLabel('Selvskading').check();
    await page.getByTestId('mute-words').fill('kniv, Blod');
    await page.getByTestId('save-filters').click();
    await page.getByTestId('live-polite').getByText('Filtrene er lagret.').waitFor();
    await expect(page.getByTestId('mute-words').inputValue()).resolves.toBe('kniv, blod');
  });
});

describe('nobody left unanswered', () => {
  // The other threads here have replies under an alias, which count as answers; this one has none.
  // Other specs' threads share the database and the list is oldest first, so it may be pages down.
  it('should show hosts the threads with no answer, with a badge in the menu', async () => {
    const title = unique('Ingen har svart');
    await json(await asWriter.post(`/api/categories/${slug}/threads`, { data: { title, body: 'Er det noen her?' } }));
    const page = await pageFor(host, 1280);
    await page.goto('/');
    await settle(page);
    await page.getByTestId('unanswered-badge').waitFor();
    await page.getByRole('link', { name: /Ubesvarte/ }).click();
    await settle(page);
    const list = page.getByTestId('unanswered-list');
    const mine = list.getByText(title);
    for (let pages = 0; pages < 50 && !(await mine.isVisible()); pages++) {
      await page.getByRole('button', { name: /Vis flere/ }).click();
      await settle(page);
    }
    await mine.waitFor();
  });
});
