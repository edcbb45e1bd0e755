import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoMode, type DemoMode } from '../../src/local/demo-mode.js';
import { launchBrowser, screenshot, type Browser } from './browser.js';
import { settingsRulesTests } from './settings-rules.js';

// The panel as a site owner sees it, in the local mode: seeded demo, real server, real emulator, real Chromium.
let demo: DemoMode;
let browser: Browser;
let page: Page;
/** The contact-page modal of Inês Carvalho (a visitor who left her details and registered), from her timeline. */
let contactView: string;

const hook = (name: string) => `[data-hook="${name}"]`;
const rows = () => page.locator(hook('conversation-row'));
const summary = () => page.locator(hook('page-summary')).innerText();

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemoMode({ quiet: true }), launchBrowser()]);
  page = browser.page;
  await page.goto(`${demo.urls.dashboard}&refreshMs=1000`);
  await rows().first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('the dashboard panel', () => {
  it('loads the seeded demo: the cards, and the first page of conversations', async () => {
    await expect.poll(summary).toMatch(/^1–10 of 36 conversations$/);
    expect(await rows().count()).toBe(10);
    const byType = await page.locator(hook('stats-by-type')).innerText();
    expect(byType).toMatch(/Visitors/);
    expect(byType).toMatch(/Members/);
    await expect.poll(() => page.locator(hook('stats-auto-replies')).innerText()).toMatch(/\d+\s*Sent/);
    await screenshot(page, '01-panel-seeded');
  });

  it('filters by participant type', async () => {
    await page.locator(`${hook('type-filter')} button`, { hasText: 'Members' }).click();
    await expect.poll(summary).toMatch(/of 9 conversations$/);
    const badges = await page.locator(`${hook('conversation-row')} [data-hook^="participant-badge-"]`).allInnerTexts();
    expect(new Set(badges)).toEqual(new Set(['Member']));
    await screenshot(page, '02-filter-members');
    await page.locator(`${hook('type-filter')} button`, { hasText: 'All' }).click();
    await expect.poll(summary).toMatch(/of 36 conversations$/);
  });

  it('searches by name or email', async () => {
    await page.locator(`${hook('search')} input`).fill('carvalho');
    await expect.poll(summary).toBe('1–1 of 1 conversations');
    expect(await rows().first().innerText()).toContain('Inês Carvalho');
    await screenshot(page, '03-search');
    await page.locator(`${hook('search')} input`).fill('nobody-like-this');
    await page.locator(hook('no-results')).waitFor();
    await screenshot(page, '04-search-no-results');
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect.poll(summary).toMatch(/^1–10 of 36/);
  });

  it('pages on the server', async () => {
    const firstPage = await rows().allInnerTexts();
    await page.locator(hook('pagination')).getByText('2', { exact: true }).click();
    await expect.poll(summary).toMatch(/^11–20 of 36/);
    expect(await rows().allInnerTexts()).not.toEqual(firstPage);
    await screenshot(page, '05-page-2');
    await page.locator(hook('pagination')).getByText('1', { exact: true }).click();
    await expect.poll(summary).toMatch(/^1–10 of 36/);
  });

  it('opens a person’s timeline: type changes, merged conversations, auto-reply decisions', async () => {
    await page.locator(`${hook('search')} input`).fill('ines.carvalho');
    await expect.poll(summary).toBe('1–1 of 1 conversations');
    await page.locator(hook('open-timeline')).first().click();
    const timeline = page.locator(hook('person-timeline'));
    await timeline.waitFor();
    await expect.poll(() => timeline.locator(hook('type-change')).count()).toBe(3);
    const text = await timeline.innerText();
    expect(text).toContain('Became a contact');
    expect(text).toContain('Became a member');
    expect(await timeline.locator(hook('merged-from')).innerText()).not.toContain('None');
    await expect.poll(() => timeline.locator(hook('auto-reply-decision')).count()).toBeGreaterThan(0);
    expect(await timeline.locator(hook('open-in-inbox')).getAttribute('href')).toContain('conversation=');
    contactView = (await timeline.locator(hook('open-contact')).getAttribute('href'))!;
    expect(contactView).toMatch(/^\/dashboard\/contact\?contactId=/);
    await screenshot(page, '06-timeline');
    await page.getByRole('button', { name: 'Close timeline' }).click();
    await page.locator(`${hook('search')} input`).fill('');
    await expect.poll(summary).toMatch(/^1–10 of 36/);
  });

  it('opens the contact-page modal for a contact who became a member: conversation and timeline', async () => {
    const modalPage = await browser.newPage();
    await modalPage.goto(new URL(contactView, demo.urls.server).href);
    const modal = modalPage.locator(hook('contact-modal'));
    await modal.locator(hook('contact-identity')).waitFor();
    const text = await modal.innerText();
    expect(text).toContain('Inbox identity');
    expect(text).toContain('Inês Carvalho');
    expect(text).toContain('Just signed up — can I order for Friday?');
    expect(await modal.locator(hook('type-change')).count()).toBe(3);
    expect(text).toContain('Became a contact');
    expect(text).toContain('Became a member');
    await expect.poll(() => modal.locator(hook('auto-reply-decision')).count()).toBeGreaterThan(0);
    await screenshot(modalPage, '12-contact-modal');
    await modal.locator(hook('auto-reply-decisions')).scrollIntoViewIfNeeded();
    await screenshot(modalPage, '12b-contact-modal-decisions');
    expect((await modalPage.request.get(`${demo.urls.server}/dashboard/contact?instance=x`)).status()).toBe(400);
    await modalPage.close();
  });

  it('changes a setting and sees the dry run change before saving', async () => {
    await page.locator(`${hook('panel-tabs')} [role="tab"], ${hook('panel-tabs')} li, ${hook('panel-tabs')} div`).getByText('Auto-reply settings', { exact: true }).first().click();
    const outcome = page.locator(hook('dry-run-outcome'));
    await expect.poll(() => outcome.innerText()).toBe('Would reply');
    await screenshot(page, '07-settings-before');
    await page.locator(hook('setting-enabled')).locator('input').click({ force: true });
    // The preview answers by the draft at once; the saved settings still send replies until Save.
    await expect.poll(() => outcome.innerText()).toBe('Would not reply');
    expect(await page.locator(hook('dry-run-reason')).innerText()).toContain('turned off');
    expect(await page.locator(hook('settings-unsaved')).innerText()).toContain('Unsaved changes');
    await page.locator(hook('save-settings')).click();
    await page.locator(hook('settings-saved')).waitFor();
    expect(await outcome.innerText()).toBe('Would not reply');
    await screenshot(page, '08-settings-after');
    // Back on, so the live test below sees auto-replies again.
    await page.locator(hook('setting-enabled')).locator('input').click({ force: true });
    await expect.poll(() => outcome.innerText()).toBe('Would reply');
    await page.locator(hook('save-settings')).click();
    await page.locator(hook('settings-saved')).waitFor();
    await page.getByText('Conversations', { exact: true }).first().click();
    await rows().first().waitFor();
  });

  it('follows a visitor becoming a member, live, driven from the simulator', async () => {
    const simulator = await browser.newPage();
    await simulator.goto(demo.urls.simulator);
    await simulator.locator(`${hook('sim-new-visitor-text')} textarea`).fill('Hello from the live test!');
    await simulator.locator(hook('sim-new-visitor-send')).click();
    await expect.poll(() => rows().first().innerText(), { timeout: 15_000 }).toContain('Hello from the live test!');
    expect(await rows().first().locator('[data-hook^="participant-badge-"]').innerText()).toBe('Visitor');
    await screenshot(simulator, '09-simulator');

    await simulator.locator(`${hook('sim-first-name')} input`).fill('Livia');
    await simulator.locator(`${hook('sim-last-name')} input`).fill('Prado');
    await simulator.locator(`${hook('sim-email')} input`).fill('livia.prado@example.com');
    await simulator.locator(hook('sim-identify')).click();
    await simulator.locator(hook('sim-register')).waitFor({ timeout: 10_000 });
    await expect.poll(() => rows().first().innerText(), { timeout: 15_000 }).toContain('Livia Prado');
    expect(await rows().first().locator('[data-hook^="participant-badge-"]').innerText()).toBe('Contact');

    await simulator.locator(hook('sim-register')).click();
    await simulator.locator(`${hook('sim-message')} input`).fill('Signed up, see you Friday!');
    await simulator.locator(hook('sim-send')).click();
    await expect.poll(() => rows().first().innerText(), { timeout: 15_000 }).toContain('Signed up, see you Friday!');
    expect(await rows().first().locator('[data-hook^="participant-badge-"]').innerText()).toBe('Member');
    await page.bringToFront();
    await screenshot(page, '10-live-member');
    await rows().first().locator(hook('open-timeline')).click();
    await expect.poll(() => page.locator(`${hook('person-timeline')} ${hook('type-change')}`).count()).toBe(3);
    await screenshot(page, '11-live-timeline');
    await simulator.close();
  });
});

describe('editing the auto-reply rules', () => settingsRulesTests(() => ({ demo, browser })));
