import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Screenshots land here; CI keeps them as artifacts. */
export const artifactsDir = fileURLToPath(new URL('file:///tmp/identity-artifacts/'));

/** Debian's chromium; Playwright never downloads a browser of its own here. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  // The studio scrolls inside <main>, so `fullPage` alone stops at the window: grow the window to the content.
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => Math.max(document.documentElement.scrollHeight, document.getElementById('main')?.scrollHeight ?? 0));
  const grow = viewport !== null && height > viewport.height && !(await page.locator('dialog[open]').count());
  if (grow) await page.setViewportSize({ width: viewport.width, height: Math.min(height, 4000) });
  try {
    await page.screenshot({ path: `${artifactsDir}${name}.png`, fullPage: true });
  } finally {
    if (grow) await page.setViewportSize(viewport);
  }
}
