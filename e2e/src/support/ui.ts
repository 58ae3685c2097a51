import type { Browser, Locator, Page } from 'playwright-core';
import { screenshot } from './browser.js';
import { TRELLIS_ADMIN_EMAIL, TRELLIS_ADMIN_PASSWORD } from './trellis-server.js';

/** How long a step may take to show its result on screen (a publish runs DDL, a list runs a query). */
export const STEP_TIMEOUT = 15_000;

export interface Credentials {
  email: string;
  password: string;
}

/** The administrator the e2e server is started with. */
export const ADMIN: Credentials = { email: TRELLIS_ADMIN_EMAIL, password: TRELLIS_ADMIN_PASSWORD };

/**
 * A fresh browser context (empty localStorage, so no studio draft) at `hash` of the studio, sized like a
 * laptop screen, signed in as `as` (the administrator by default; null = signed out, on the sign-in page).
 * Console errors and failed requests are kept for the failure message.
 */
export async function openStudio(
  browser: Browser,
  baseUrl: string,
  hash = '/',
  options: { as?: Credentials | null } = {},
): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
  const as = options.as === undefined ? ADMIN : options.as;
  if (as) {
    // Through the API rather than the form: the context's request client shares the browser's cookies.
    const res = await context.request.post(new URL('/auth/sign-in', baseUrl).href, { data: as, headers: { 'content-type': 'application/json' } });
    if (!res.ok()) throw new Error(`Cannot sign in as ${as.email}: ${res.status()} ${await res.text()}`);
  }
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(new URL(`/#${hash}`, baseUrl).href);
  return { page, problems };
}

/** Waits until the locator is visible (fails the step with the locator in the message otherwise). */
export async function see(locator: Locator): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible' });
  return locator;
}

/** Waits until the locator is gone or hidden. */
export async function gone(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'hidden' });
}

/** The visible texts of the matched elements, trimmed. */
export async function texts(locator: Locator): Promise<string[]> {
  return (await locator.allInnerTexts()).map((t) => t.trim());
}

/** Numbered screenshots per test file, so artifacts sort in the order a person went through the screens. */
export function screenshots(prefix: string): (page: Page, name: string) => Promise<void> {
  let n = 0;
  return (page, name) => screenshot(page, `${prefix}-${String(++n).padStart(2, '0')}-${name}`);
}

/** Polls `read` until `accept` holds (for a list that re-renders after a query), returning the last value. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeout = STEP_TIMEOUT): Promise<T> {
  const until = Date.now() + timeout;
  let value = await read();
  while (!accept(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}
