import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FunnelAnswer } from '../../src/api/funnel.js';
import { startDemoMode, type DemoMode } from '../../src/local/demo-mode.js';
import { launchBrowser, screenshot, type Browser } from './browser.js';

// The "Conversion" card on the seeded demo, at 1280 px and 390 px: the Wix Design System funnel chart, the same
// figures in tables a screen reader can read, and what the API answers for the same period.
let demo: DemoMode;
let browser: Browser;

const hook = (name: string) => `[data-hook="${name}"]`;

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemoMode({ quiet: true }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** The API's own answer for the last 30 days (the panel's default period), with the page's instance token. */
async function apiFunnel(): Promise<FunnelAnswer> {
  const token = new URL(demo.urls.dashboard).searchParams.get('instance')!;
  const to = new Date().toISOString();
  const from = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const response = await fetch(`${demo.urls.server}/api/funnel?${new URLSearchParams({ from, to })}`, { headers: { authorization: token } });
  expect(response.status).toBe(200);
  return (await response.json()) as FunnelAnswer;
}

async function openPanel(width: number, height: number): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(`${demo.urls.dashboard}&refreshMs=1000`);
  await page.locator(hook('conversion-figures')).waitFor();
  return page;
}

/** The figures table as rows of cell texts. */
const tableRows = (page: Page, name: string) => page.locator(`${hook(name)} tbody tr`).evaluateAll((rows) =>
  rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell as HTMLElement).innerText.split('\n')[0]!.trim())));

describe('the conversion funnel card', () => {
  it('at 1280 px: a funnel chart of who wrote → contacts → members, with the same figures in a table and in words', async () => {
    const page = await openPanel(1280, 900);
    const funnel = await apiFunnel();
    expect(funnel.wrote).toBe(36);
    expect(funnel.contacts).toBeGreaterThan(funnel.members);
    expect(funnel.members).toBeGreaterThan(0);
    expect(funnel.medianToContactMs).not.toBeNull();

    const figures = await tableRows(page, 'conversion-figures');
    const pct = (rate: number | null) => `${Math.round(rate! * 100)}%`;
    expect(figures.map((row) => row.slice(0, 3))).toEqual([
      ['First wrote', '36', '100%'],
      ['Contacts', String(funnel.contacts), pct(funnel.rates.contact)],
      ['Members', String(funnel.members), pct(funnel.rates.member)],
    ]);
    expect(figures[1]![3]).toMatch(/^(under a minute|\d+ min|\d+ h( \d+ min)?)$/);
    // The chart is the WDS FunnelChart, labelled for screen readers with the same numbers.
    const chart = page.locator(hook('conversion-chart'));
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.getAttribute('aria-label')).toBe(
      `Last 30 days: 36 people first wrote; ${funnel.contacts} became or were contacts (${pct(funnel.rates.contact)}), ${funnel.members} members (${pct(funnel.rates.member)}).`);
    expect(await chart.innerText()).toContain('First wrote');

    const channels = await tableRows(page, 'conversion-channels');
    expect(channels.length).toBe(funnel.byChannel.length);
    expect(channels.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(36);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(1280);
    await page.locator(hook('conversion-card')).scrollIntoViewIfNeeded();
    await page.locator(hook('conversion-card')).screenshot({ path: 'test-artifacts/30-conversion-1280.png' });
    await screenshot(page, '31-panel-with-conversion-1280');
    await page.close();
  });

  it('at 390 px: the chart and both tables fit the phone, nothing scrolls sideways', async () => {
    const page = await openPanel(390, 844);
    await page.locator(hook('conversion-card')).scrollIntoViewIfNeeded();
    await page.locator(hook('conversion-card')).screenshot({ path: 'test-artifacts/32-conversion-390.png' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    for (const name of ['conversion-chart', 'conversion-figures', 'conversion-channels']) {
      const box = (await page.locator(hook(name)).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    expect((await tableRows(page, 'conversion-figures'))[0]!.slice(0, 2)).toEqual(['First wrote', '36']);
    await page.close();
  });

  it('follows the period toggle (the demo\'s people all first wrote within the last hour, so 7 days holds the same 36)', async () => {
    const page = await openPanel(1280, 900);
    await page.locator(`${hook('period')} button`, { hasText: '7 days' }).click();
    await expect.poll(async () => (await tableRows(page, 'conversion-figures'))[0]?.[1]).toBe('36');
    expect(await page.locator(hook('conversion-card')).innerText()).toContain('Last 7 days: of the people who first wrote');
    await page.close();
  });
});
