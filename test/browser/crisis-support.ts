// What the crisis-help browser tests check again and again: the help's heading is focused and
// on the screen (with a number to call), and a state passes in bokmål and English at each width.
import type { Page } from 'playwright-core';

export interface Seen {
  top: number;
  bottom: number;
  viewport: number;
}

/** Waits for the crisis help, then checks that its heading has focus and it and 116 123 are within the viewport. */
export async function expectHelpFocusedOnScreen(page: Page): Promise<Seen> {
  await page.getByTestId('crisis-help-heading').last().waitFor({ timeout: 20_000 });
  await page.waitForFunction(
    () => document.activeElement?.getAttribute('data-testid') === 'crisis-help-heading',
    undefined,
    { timeout: 10_000 },
  );
  const seen = await page.evaluate(() => {
    const heading = document.activeElement as HTMLElement;
    const box = heading.closest('[data-testid="crisis-help"]')!;
    const line = [...box.querySelectorAll('a[href^="tel:"]')].find((a) => a.textContent?.includes('116 123'));
    const r = heading.getBoundingClientRect();
    const l = line?.getBoundingClientRect();
    return {
      top: Math.round(r.top),
      bottom: Math.round(r.bottom),
      lineBottom: l ? Math.round(l.bottom) : null,
      viewport: window.innerHeight,
    };
  });
  expect(seen.top).toBeGreaterThanOrEqual(0);
  expect(seen.bottom).toBeLessThanOrEqual(seen.viewport);
  expect(seen.lineBottom).not.toBeNull();
  expect(seen.lineBottom!).toBeLessThanOrEqual(seen.viewport);
  return { top: seen.top, bottom: seen.bottom, viewport: seen.viewport };
}

async function switchLanguage(page: Page, to: 'nb' | 'en'): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) === to) return;
  await page.getByTestId('language-switch').click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, to);
}

/** Runs `check` in bokmål and English at each width (the state on screen stays), then goes back to bokmål. */
export async function inBothLanguages(
  page: Page,
  widths: number[],
  check: (label: string) => Promise<void>,
): Promise<void> {
  const original = page.viewportSize();
  for (const lang of ['nb', 'en'] as const) {
    await switchLanguage(page, lang);
    for (const width of widths) {
      await page.setViewportSize({ width, height: width < 600 ? 780 : 900 });
      await check(`${lang}-${width}`);
    }
  }
  await switchLanguage(page, 'nb');
  if (original) await page.setViewportSize(original);
}
