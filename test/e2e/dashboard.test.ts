import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoMode, type DemoMode } from '../../src/local/demo-mode.js';
import { launchBrowser, screenshot, type Browser } from './browser.js';
import { narrowScreenTests } from './narrow-screen.js';
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
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemoMode({ quiet: true }), launchBrowser()]);
  page = browser.page;
  await page.setViewportSize({ width: 1280, height: 900 });
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
    await expect.poll(summary).toBe('9 conversations');
    const badges = await page.locator(`${hook('conversation-row')} [data-hook^="participant-badge-"]`).allInnerTexts();
    expect(new Set(badges)).toEqual(new Set(['Member']));
    await screenshot(page, '02-filter-members');
    await page.locator(`${hook('type-filter')} button`, { hasText: 'All' }).click();
    await expect.poll(summary).toMatch(/of 36 conversations$/);
  });

  it('searches by name or email', async () => {
    await page.locator(`${hook('search')} input`).fill('carvalho');
    await expect.poll(summary).toBe('1 conversation');
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

  it('names every person one way, the way the list sorts them: a visitor is “Visitor #1A2B”', async () => {
    await page.locator(`${hook('type-filter')} button`, { hasText: 'Visitors' }).click();
    await expect.poll(summary).toMatch(/of 14 conversations$/);
    const names = await page.locator(`${hook('conversation-row')} ${hook('person-name')}`).allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^Visitor #[0-9A-F]{4}$/);
    const api = await (await fetch(`${demo.urls.server}/api/conversations?type=ANONYMOUS_VISITOR&limit=10`, { headers: { authorization: demo.site.token } })).json() as { items: { displayName: string }[] };
    expect(names).toEqual(api.items.map((item) => item.displayName));
    await page.locator(`${hook('type-filter')} button`, { hasText: 'All' }).click();
    await expect.poll(summary).toMatch(/of 36 conversations$/);
  });

  it('tells a person’s identity story in words, with each auto-reply under the step it answered; IDs only on request', async () => {
    await page.locator(`${hook('search')} input`).fill('ines.carvalho');
    await expect.poll(summary).toBe('1 conversation');
    await page.locator(hook('open-timeline')).first().click();
    const timeline = page.locator(hook('person-timeline'));
    await timeline.waitFor();
    await expect.poll(() => timeline.locator(hook('story-headline')).allInnerTexts()).toEqual([
      'Wrote as an anonymous visitor in the site chat',
      'Left their email, became a contact',
      'Registered, became a member in the site chat',
    ]);
    const steps = timeline.locator(hook('type-change'));
    await expect.poll(() => steps.nth(0).locator(hook('auto-reply-decision')).count()).toBeGreaterThan(0);
    // Polled: under load the decisions of each step may render a moment after the story itself.
    await expect.poll(() => steps.nth(0).locator(hook('auto-reply-decision')).first().innerText()).toMatch(/Auto-reply sent[\s\S]*Casa Azul Bakery/);
    await expect.poll(() => steps.nth(2).locator(hook('auto-reply-decision')).first().innerText()).toContain('Already auto-replied to this person recently');
    await expect.poll(() => timeline.locator(hook('merged-from')).innerText()).toContain('Wix merged their 2 earlier conversations into this one');
    expect(await timeline.innerText()).not.toMatch(UUID);
    await timeline.locator(hook('show-ids')).click();
    expect(await timeline.locator(hook('identity-ids')).innerText()).toMatch(UUID);
    expect(await timeline.locator(hook('open-in-inbox')).getAttribute('href')).toContain('conversation=');
    contactView = (await timeline.locator(hook('open-contact')).getAttribute('href'))!;
    expect(contactView).toMatch(/^\/dashboard\/contact\?contactId=/);
    await screenshot(page, '06-timeline-story-1280');
    // Escape closes the panel, and focus goes back to the button that opened it.
    await page.keyboard.press('Escape');
    await expect.poll(() => timeline.count()).toBe(0);
    const focused = () => page.evaluate(() => `${document.activeElement?.getAttribute('data-hook')}: ${document.activeElement?.getAttribute('aria-label')}`);
    await expect.poll(focused).toBe('open-timeline: Open the timeline of Inês Carvalho');
    await page.locator(`${hook('search')} input`).fill('');
    await expect.poll(summary).toMatch(/^1–10 of 36/);
  });

  it('gives focus back to the same row’s View when the list was drawn anew while the timeline was open, and leaves it where the owner moved it', async () => {
    await page.locator(`${hook('search')} input`).fill('ines.carvalho');
    await expect.poll(summary).toBe('1 conversation');
    const timeline = page.locator(hook('person-timeline'));
    const focused = () => page.evaluate(() => `${document.activeElement?.getAttribute('data-hook')}: ${document.activeElement?.getAttribute('aria-label')}`);
    // The panel is not modal: the owner filters the list beside it, and the table is drawn anew.
    await page.locator(hook('open-timeline')).first().click();
    await timeline.waitFor();
    await page.evaluate(() => ((window as unknown as { opener_: Element | null }).opener_ = document.querySelector('[data-hook="open-timeline"]')));
    await page.locator(`${hook('type-filter')} button`, { hasText: 'Members' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { opener_: Element }).opener_.isConnected)).toBe(false);
    await expect.poll(summary).toBe('1 conversation');
    // Back in the panel, Escape: focus goes to the new "View" of the same person.
    await timeline.locator(hook('show-ids')).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => timeline.count()).toBe(0);
    await expect.poll(focused).toBe('open-timeline: Open the timeline of Inês Carvalho');
    // Closed while the owner is on the filter: focus stays on the filter.
    await page.locator(hook('open-timeline')).first().click();
    await timeline.waitFor();
    await page.locator(`${hook('type-filter')} button`, { hasText: 'All' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => timeline.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('All');
    await page.locator(`${hook('type-filter')} button`, { hasText: 'All' }).click();
    await page.locator(`${hook('search')} input`).fill('');
    await expect.poll(summary).toMatch(/^1–10 of 36/);
  });

  it('keeps the timeline in the window when opened from a row far down the page, with its own scroll', async () => {
    await rows().last().scrollIntoViewIfNeeded();
    await rows().last().click();
    const panel = page.locator(hook('timeline-overlay'));
    await panel.locator(hook('person-timeline')).waitFor();
    await page.mouse.wheel(0, 600);
    const box = (await panel.boundingBox())!;
    expect(box.y).toBe(0);
    expect(box.height).toBe(900);
    expect(box.x + box.width).toBe(1280);
    const close = page.getByRole('button', { name: 'Close timeline' });
    const closeBox = (await close.boundingBox())!;
    expect(closeBox.y).toBeGreaterThanOrEqual(0);
    expect(closeBox.y + closeBox.height).toBeLessThanOrEqual(900);
    await screenshot(page, '06b-timeline-from-row-10-1280', { fullPage: false });
    await close.click();
    await expect.poll(() => panel.count()).toBe(0);
  });

  it('follows a member’s merges to the last one in the emulated Wix Inbox', async () => {
    await page.locator(`${hook('search')} input`).fill('ines.carvalho');
    await expect.poll(summary).toBe('1 conversation');
    await rows().first().click();
    const inboxUrl = (await page.locator(hook('open-in-inbox')).getAttribute('href'))!;
    await page.keyboard.press('Escape');
    await page.locator(`${hook('search')} input`).fill('');
    const inbox = await browser.newPage();
    await inbox.goto(inboxUrl);
    const conversation = inbox.locator(hook('sim-conversation'));
    await expect.poll(() => conversation.innerText()).toContain('Just signed up — can I order for Friday?');
    const text = await conversation.innerText();
    // Visitor → contact → member: two merges; all three of her messages and the business's answer are there.
    for (const message of ['Hi! Do you deliver to Porto?', 'Here is my email, please write back.', 'Just signed up — can I order for Friday?', 'Yes, every Tuesday and Friday!']) {
      expect(text).toContain(message);
    }
    expect(text).toContain('2 earlier conversations merged in');
    await screenshot(inbox, '06c-emulated-inbox-merge-chain');
    await inbox.close();
  });

  it('flags stale data while refreshes fail, says what to do, and clears once they work again', async () => {
    await expect.poll(summary).toMatch(/^1–10 of 36/);
    const failing = /\/api\/(conversations|stats)\?/;
    await page.route(failing, (route) => route.abort('connectionrefused'));
    const notice = page.locator(hook('stale-notice'));
    await notice.waitFor({ timeout: 10_000 });
    const text = await notice.innerText();
    expect(text).toMatch(/Last updated .* — retrying/);
    expect(text).toContain("Can't reach the app's server");
    expect(await rows().count()).toBe(10);
    await screenshot(page, '17-stale-data-1280', { fullPage: false });
    await page.unroute(failing);
    await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(0);
  });

  it('opens the contact-page modal for a contact who became a member: conversation and timeline', async () => {
    const modalPage = await browser.newPage();
    await modalPage.goto(new URL(contactView, demo.urls.server).href);
    const modal = modalPage.locator(hook('contact-modal'));
    await modal.locator(hook('contact-identity')).waitFor();
    await expect.poll(() => modal.locator(hook('auto-reply-decision')).count()).toBeGreaterThan(0);
    const text = await modal.innerText();
    expect(text).toContain('Inbox identity');
    expect(text).toContain('Inês Carvalho');
    expect(text).toContain('Just signed up — can I order for Friday?');
    expect(await modal.locator(hook('story-headline')).allInnerTexts()).toEqual([
      'Wrote as an anonymous visitor in the site chat',
      'Left their email, became a contact',
      'Registered, became a member in the site chat',
    ]);
    expect(text).not.toMatch(UUID);
    await screenshot(modalPage, '12-contact-modal-1280');
    await modal.locator(hook('merged-from')).scrollIntoViewIfNeeded();
    await screenshot(modalPage, '12b-contact-modal-story-1280', { fullPage: false });
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
    await expect.poll(() => page.locator(`${hook('person-timeline')} ${hook('story-headline')}`).allInnerTexts()).toEqual([
      'Wrote as an anonymous visitor in the site chat', 'Left their email, became a contact', 'Registered, became a member in the site chat',
    ]);
    await screenshot(page, '11-live-timeline');
    await page.keyboard.press('Escape');
    await simulator.close();
  });
});

describe('editing the auto-reply rules', () => settingsRulesTests(() => ({ demo, browser })));

describe('on a phone (390 px)', () => narrowScreenTests(() => ({ demo, browser })));
