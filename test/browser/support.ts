// Shared helpers for the browser tests: Debian's chromium through playwright-core, users made
// through the real API, axe-core checks, overflow checks and screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import {
  chromium,
  request,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from 'playwright-core';

export const BASE = process.env.BROWSER_BASE_URL ?? 'http://127.0.0.1:3000';
export const ADMIN = {
  username: process.env.BROWSER_ADMIN_USERNAME ?? 'admin',
  password: process.env.BROWSER_ADMIN_PASSWORD ?? '',
};
export const ARTIFACTS = fileURLToPath(new URL('./artifacts', import.meta.url));
export const WIDTHS = [1280, 360] as const;
export type Role = 'member' | 'panel' | 'host' | 'moderator' | 'admin';

mkdirSync(ARTIFACTS, { recursive: true });

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/** A JSON API client with its own cookie jar (the Origin header is left out, as a server-side client would). */
export async function apiClient(): Promise<APIRequestContext> {
  return request.newContext({ baseURL: BASE });
}

export async function apiLogin(username: string, password: string): Promise<APIRequestContext> {
  const client = await apiClient();
  const res = await client.post('/api/auth/login', { data: { username, password } });
  if (res.status() !== 200) throw new Error(`login as ${username}: ${res.status()} ${await res.text()}`);
  return client;
}

let adminClient: Promise<APIRequestContext> | undefined;
export function asAdmin(): Promise<APIRequestContext> {
  adminClient ??= apiLogin(ADMIN.username, ADMIN.password);
  return adminClient;
}

let counter = 0;
export interface TestUser {
  id: string;
  username: string;
  displayName: string;
  password: string;
  role: Role;
}

/** Registers a user through the API (display name `name`, or one made from `prefix`) and gives them `role` as the admin. */
// Display names are one person's each and "Gjest 1", "Vert 2" are kept for the forum (decision
// 0039); the spec files share one database and each counts from 1, so every file adds its own tag.
const FILE_TAG = Math.random().toString(36).slice(2, 4);
const RESERVED_PREFIXES = new Set(['gjest', 'vert', 'moderator', 'admin', 'anonym']);
function defaultDisplayName(prefix: string): string {
  const word = `${prefix[0].toUpperCase()}${prefix.slice(1)}${RESERVED_PREFIXES.has(prefix) ? 'sen' : ''}`;
  return `${word} ${counter}${FILE_TAG}`;
}

export async function makeUser(role: Role = 'member', prefix = 'bruker', name?: string): Promise<TestUser> {
  counter += 1;
  const username = `${prefix}_${Date.now().toString(36)}_${counter}`;
  const displayName = name ?? defaultDisplayName(prefix);
  const password = 'browser-test-password-1';
  const client = await apiClient();
  const res = await client.post('/api/auth/register', {
    data: { username, password, displayName, acceptGuidelines: true, acceptPrivacy: true },
  });
  if (res.status() !== 201) throw new Error(`register ${username}: ${res.status()} ${await res.text()}`);
  const user = (await res.json()) as { id: string };
  await client.dispose();
  if (role !== 'member') {
    const admin = await asAdmin();
    const patch = await admin.patch(`/api/admin/users/${user.id}`, { data: { role } });
    if (patch.status() !== 200)
      throw new Error(`role ${role} for ${username}: ${patch.status()} ${await patch.text()}`);
  }
  return { id: user.id, username, displayName, password, role };
}

/** A browser context logged in as `user` (or a guest's when no user is given). */
export async function contextFor(
  browser: Browser,
  user?: { username: string; password: string },
  width = 1280,
  language: 'nb' | 'en' = 'nb',
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: BASE,
    viewport: { width, height: width < 600 ? 780 : 900 },
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    reducedMotion: 'reduce',
  });
  if (language !== 'nb') await context.addInitScript((lng) => localStorage.setItem('erf.lang', lng), language);
  if (user) {
    const res = await context.request.post('/api/auth/login', {
      data: { username: user.username, password: user.password },
    });
    if (res.status() !== 200) throw new Error(`login as ${user.username}: ${res.status()}`);
  }
  return context;
}

/** Collects what must never happen on a page: CSP violations, uncaught errors. */
export function watchPage(page: Page): string[] {
  trackRequests(page);
  const problems: string[] = [];
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content Security Policy|Refused to (load|apply|execute)/i.test(text)) problems.push(`CSP: ${text}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return problems;
}

const inFlight = new WeakMap<Page, { count: number; since: number }>();

/** Counts the page's requests in flight, so settle() can wait for a quiet moment. */
function trackRequests(page: Page): { count: number; since: number } {
  const known = inFlight.get(page);
  if (known) return known;
  const s = { count: 0, since: Date.now() };
  const done = () => {
    s.count = Math.max(0, s.count - 1);
    if (s.count === 0) s.since = Date.now();
  };
  page.on('request', (r) => {
    // A long-poll or an event stream stays open by design: it is not "loading".
    if (r.resourceType() === 'websocket' || r.resourceType() === 'eventsource' || r.url().includes('/socket.io/'))
      return;
    s.count += 1;
  });
  page.on('requestfinished', (r) => !r.url().includes('/socket.io/') && done());
  page.on('requestfailed', (r) => !r.url().includes('/socket.io/') && done());
  inFlight.set(page, s);
  return s;
}

/**
 * Waits until the page has its heading, no loading spinner, and no request in flight for a short
 * while (Playwright's "networkidle" waits half a second; 150 ms is enough here and saves minutes
 * over the whole page matrix).
 */
export async function settle(page: Page): Promise<void> {
  const requests = trackRequests(page);
  await page.locator('main h1').first().waitFor({ state: 'visible', timeout: 30_000 });
  await page
    .waitForFunction(
      () => document.querySelectorAll('main .ds-spinner, main [aria-busy="true"]').length === 0,
      undefined,
      { timeout: 30_000 },
    )
    .catch(() => undefined);
  const until = Date.now() + 10_000;
  while (Date.now() < until && (requests.count > 0 || Date.now() - requests.since < 150)) await page.waitForTimeout(50);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

export interface AxeResult {
  violations: {
    id: string;
    impact?: string | null;
    help: string;
    nodes: { target: unknown; failureSummary?: string }[];
  }[];
}

/** axe-core with the WCAG 2.0/2.1 A and AA rules; returns readable violations. */
export async function axe(page: Page): Promise<string[]> {
  const result = (await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()) as AxeResult;
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => JSON.stringify(n.target))
        .slice(0, 5)
        .join(', ')}`,
  );
}

/** Content wider than the viewport means sideways scrolling. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** What the backend in this build offers, so tests of features not yet merged are skipped, not failed. */
export async function backendFeatures(): Promise<{
  forum: boolean;
  moderation: boolean;
  cafe: boolean;
  status: boolean;
}> {
  const client = await apiClient();
  try {
    const [categories, cafe, status] = await Promise.all([
      client.get('/api/categories'),
      client.get('/api/cafe/rooms'),
      client.get('/api/status'),
    ]);
    const admin = await asAdmin();
    const queue = await admin.get('/api/mod/queue');
    return {
      forum: categories.status() === 200,
      moderation: queue.status() === 200,
      cafe: cafe.status() === 200,
      status: status.status() === 200,
    };
  } finally {
    await client.dispose();
  }
}

export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

/**
 * What in a rendered text looks like a code rather than words (issue 21.5): snake_case tokens
 * (`off_topic`, `queue_item`), camelCase keys (`allowRemoteImages`), an untranslated i18n key,
 * a shortened id (`bce0bf93`), an ISO or UTC time. Usernames (`@name`, and the tests' own
 * `prefix_time_n` names) are left out: they are what people called themselves.
 */
export function rawCodes(text: string): string[] {
  const words = text.replace(/@[\w-]+/g, ' ').replace(/\b[a-z]+_[0-9a-z]{6,}_\d+\b/g, ' ');
  const patterns = [
    /\b[a-z]{2,}(?:_[a-z]{2,})+\b/g,
    /\b[a-z]{2,}(?:[A-Z][a-z]+)+\b/g,
    /\b[a-z]+\.[a-z]+\.[a-z][\w.]*\b/gi,
    /\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{8}\b/g,
    /\d{4}-\d\d-\d\d[T ]\d\d:\d\d/g,
    /\(UTC\)|Watched words/g,
  ];
  return patterns.flatMap((p) => words.match(p) ?? []);
}

/**
 * What every page must be, as the page is now: axe-clean, no sideways scrolling, nothing wrong in
 * the console since `problems` was last emptied (it is emptied again for the next page).
 */
export async function expectPageClean(page: Page, problems: string[]): Promise<void> {
  const { pathname, search } = new URL(page.url());
  const path = pathname + search;
  expect({ path, violations: await axe(page) }).toEqual({ path, violations: [] });
  expect({ path, overflow: Math.max(0, await horizontalOverflow(page)) }).toEqual({ path, overflow: 0 });
  expect({ path, problems }).toEqual({ path, problems: [] });
  problems.length = 0;
}

/** Opens each `[name, path]` in turn, saves a screenshot `<name>-<suffix>` and expects the page clean. */
export async function expectPagesClean(
  page: Page,
  pages: readonly (readonly [name: string, path: string])[],
  suffix: string,
): Promise<void> {
  const problems = watchPage(page);
  for (const [name, path] of pages) {
    await page.goto(path);
    await settle(page);
    await screenshot(page, `${name}-${suffix}`);
    await expectPageClean(page, problems);
  }
}
