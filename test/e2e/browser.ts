import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { findBrowser } from './find-browser.js';

export const ARTIFACTS = path.resolve('test-artifacts');

export interface Browser {
  context: BrowserContext;
  page: Page;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile, no background networking, a dashboard-sized window. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'inbox-identity-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    // $CHROME_PATH, else the usual install paths (Debian's /usr/bin/chromium first); playwright-core never downloads one.
    executablePath: findBrowser(),
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1360, height: 900 },
    deviceScaleFactor: 1,
    timezoneId: 'Europe/Lisbon',
    locale: 'en-GB',
  });
  // Offline: the WDS web fonts live on a CDN; refuse them at once instead of waiting on the network.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Writes a screenshot of one screen to test-artifacts/<name>.png: the whole page, or only the window (`fullPage: false`). */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true });
  return file;
}
