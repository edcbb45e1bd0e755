import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DemoMode } from '../../src/local/demo-mode.js';
import { screenshot, type Browser } from './browser.js';

// The panel on a phone, 390 × 844: nothing scrolls sideways, the table keeps what matters, every action is in reach.
// Registered inside dashboard.test.ts's describe, on its seeded demo, in a page of its own.
let demo: DemoMode;
let page: Page;
const WIDTH = 390;
const HEIGHT = 844;

const hook = (name: string) => `[data-hook="${name}"]`;
const rows = () => page.locator(hook('conversation-row'));
const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);

/** Whether the element is wholly inside the window as it is scrolled now. */
async function inWindow(selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  return Boolean(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= WIDTH && box.y + box.height <= HEIGHT);
}

export function narrowScreenTests(session: () => { demo: DemoMode; browser: Browser }): void {
  beforeAll(async () => {
    demo = session().demo;
    page = await session().browser.newPage();
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
    await page.goto(`${demo.urls.dashboard}&refreshMs=1000`);
    await rows().first().waitFor();
  });
  afterAll(async () => page?.close());

  it('fits the conversations tab to the width: no sideways scroll, one stacked column, filters in reach', async () => {
    expect(await pageWidth()).toBe(WIDTH);
    // The conversation table's headers (the conversion card has tables of its own).
    const headers = await page.locator('thead th').evaluateAll((cells) =>
      cells.filter((cell) => !cell.closest('[data-hook="conversion-card"]')).map((cell) => (cell as HTMLElement).innerText));
    expect(headers.map((title) => title.trim()).filter(Boolean)).toEqual(['Person']);
    const first = await rows().first().innerText();
    expect(first).toMatch(/Member|Contact|Visitor/);
    for (const control of ['type-filter-dropdown', 'search', 'sort']) expect(await page.locator(hook(control)).isVisible()).toBe(true);
    await page.locator(`${hook('search')} input`).fill('carvalho');
    await expect.poll(() => page.locator(hook('page-summary')).innerText()).toBe('1 conversation');
    await page.locator(`${hook('search')} input`).fill('');
    await expect.poll(() => page.locator(hook('page-summary')).innerText()).toMatch(/^1–10 of \d+ conversations$/);
    await screenshot(page, '20-panel-390');
  });

  it('opens the timeline over the whole window, story first, and Escape closes it', async () => {
    await rows().nth(6).scrollIntoViewIfNeeded();
    await rows().nth(6).click();
    const panel = page.locator(hook('timeline-overlay'));
    await panel.locator(hook('story-headline')).first().waitFor();
    const box = (await panel.boundingBox())!;
    expect([box.x, box.y, box.width, box.height]).toEqual([0, 0, WIDTH, HEIGHT]);
    expect(await inWindow('[aria-label="Close timeline"]')).toBe(true);
    expect(await pageWidth()).toBe(WIDTH);
    await screenshot(page, '21-timeline-390', { fullPage: false });
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
  });

  it('flags stale data on a phone too', async () => {
    const failing = /\/api\/(conversations|stats)\?/;
    await page.route(failing, (route) => route.abort('connectionrefused'));
    await page.evaluate(() => window.scrollTo(0, 0));
    const notice = page.locator(hook('stale-notice'));
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.innerText()).toMatch(/Last updated .* — retrying/);
    expect(await pageWidth()).toBe(WIDTH);
    await screenshot(page, '22-stale-data-390', { fullPage: false });
    await page.unroute(failing);
    await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(0);
  });

  it('keeps Save in reach in the settings, and previews the business name and an empty text', async () => {
    // The rules' tests above saved business hours; the standard replies again, as a new site has them.
    await fetch(`${demo.urls.server}/api/settings`, {
      method: 'PUT', headers: { authorization: demo.site.token, 'content-type': 'application/json' },
      body: JSON.stringify({ businessHours: { enabled: false }, keywordRules: [] }),
    });
    await page.reload();
    await rows().first().waitFor();
    await page.locator(hook('panel-tabs')).getByText('Auto-reply settings', { exact: true }).first().click();
    await page.locator(hook('dry-run-outcome')).getByText('Would reply', { exact: true }).waitFor();
    expect(await pageWidth()).toBe(WIDTH);
    expect(await page.locator(hook('dry-run-reply')).innerText()).toContain('Casa Azul Bakery');
    expect(await inWindow(hook('save-settings'))).toBe(true);
    await screenshot(page, '23-settings-390', { fullPage: false });

    const visitors = page.locator(`${hook('setting-text-ANONYMOUS_VISITOR')} textarea`);
    await visitors.scrollIntoViewIfNeeded();
    const before = await visitors.inputValue();
    await visitors.fill('');
    await page.locator(`${hook('dry-run-type-dropdown')} input`).click();
    await page.getByRole('option', { name: 'Visitor', exact: true }).click();
    await expect.poll(() => page.locator(hook('dry-run-outcome')).innerText()).toBe('Would not reply');
    expect(await page.locator(hook('dry-run-reason')).innerText()).toContain('Anonymous visitors get no auto-reply');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await inWindow(hook('save-settings'))).toBe(true);
    expect(await page.locator(hook('settings-note')).innerText()).toContain('Anonymous visitors get no auto-reply');
    await screenshot(page, '24-settings-390-empty-text', { fullPage: false });
    await visitors.fill(before);
    await expect.poll(() => page.locator(hook('dry-run-outcome')).innerText()).toBe('Would reply');
  });

  it('shows the contact-page modal within the width', async () => {
    const { items } = await (await fetch(`${demo.urls.server}/api/conversations?search=ines.carvalho`, { headers: { authorization: demo.site.token } })).json() as { items: { contactId: string }[] };
    await page.goto(`${demo.urls.server}/dashboard/contact?${new URLSearchParams({ contactId: items[0]!.contactId, instance: demo.site.token })}`);
    await page.locator(hook('story-headline')).first().waitFor();
    expect(await pageWidth()).toBe(WIDTH);
    expect(await page.locator(hook('story-headline')).count()).toBe(3);
    await screenshot(page, '25-contact-modal-390');
  });
}
