import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DemoMode } from '../../src/local/demo-mode.js';
import { screenshot, type Browser } from './browser.js';

// The settings tab as a site owner edits it: keyword rules and business hours, previewed live before saving.
// Registered inside dashboard.test.ts's describe, on its seeded demo (seeding one costs ~15 s), in a tab of its own.
let demo: DemoMode;
let page: Page;

const hook = (name: string) => `[data-hook="${name}"]`;
const outcome = () => page.locator(hook('dry-run-outcome')).innerText();
const reply = () => page.locator(hook('dry-run-reply')).innerText();
const rule = () => page.locator(hook('dry-run-rule')).innerText();
const rules = () => page.locator(hook('keyword-rule'));

async function savedSettings(): Promise<{ keywordRules: unknown[]; businessHours: { enabled: boolean; timeZone: string; awayText: string } }> {
  const response = await fetch(`${demo.urls.server}/api/settings`, { headers: { authorization: demo.site.token } });
  return response.json() as never;
}

/** A time zone where it is now outside the default hours (Mon–Fri 09:00–17:00): the five span 22 hours, so one is. */
function zoneClosedNow(): string {
  const zones = ['Pacific/Honolulu', 'America/New_York', 'Europe/Lisbon', 'Asia/Tokyo', 'Pacific/Auckland'];
  return zones.find((timeZone) => {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', hourCycle: 'h23' }).formatToParts(new Date());
    const weekday = parts.find((p) => p.type === 'weekday')!.value;
    const hour = Number(parts.find((p) => p.type === 'hour')!.value);
    // Closed (9:00–17:00 on weekdays by default) and staying closed while the test runs: from 17:00, or before 8:00
    // (an hour's margin before opening), or at the weekend. (It said `hour >= 16`, and at 16:xx the site is open.)
    return weekday === 'Sat' || weekday === 'Sun' || hour < 8 || hour >= 17;
  })!;
}

async function addKeywordRule(keywords: string[], text: string): Promise<void> {
  await page.locator(hook('add-keyword-rule')).click();
  const row = rules().last();
  for (const keyword of keywords) {
    await row.locator(`${hook('rule-keywords')} input`).fill(keyword);
    await row.locator(`${hook('rule-keywords')} input`).press('Enter');
  }
  await row.locator(`${hook('rule-text')} textarea`).fill(text);
}

/** The settings tests, on a running demo and browser; run after the panel's tests (they change the saved settings). */
export function settingsRulesTests(session: () => { demo: DemoMode; browser: Browser }): void {
  beforeAll(async () => {
    demo = session().demo;
    page = await session().browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${demo.urls.dashboard}&refreshMs=0`);
    await page.locator(`${hook('panel-tabs')}`).getByText('Auto-reply settings', { exact: true }).first().click();
    await page.locator(hook('dry-run-outcome')).getByText('Would reply', { exact: true }).waitFor();
  });
  afterAll(async () => page?.close());

  it('previews exactly what would be sent: the site’s business name, the rule in words', async () => {
    await expect.poll(reply).toBe('“Hi Ana, thanks for reaching out to Casa Azul Bakery. We will reply as soon as we can.”');
    expect(await rule()).toBe('The standard reply to contacts.');
    expect(await page.locator(hook('dry-run-business-name')).innerText()).toBe('{businessName} is “Casa Azul Bakery”, your site\'s name as Wix Inbox shows it.');
    expect(await page.locator(hook('dry-run-result')).innerText()).not.toMatch(/rule:|default:|keyword:/);
    await screenshot(page, '18-preview-business-name-1280');
  });

  it('shows an emptied reply text for what it means — no auto-reply for them — before it is saved', async () => {
    const contacts = page.locator(`${hook('setting-text-CONTACT')} textarea`);
    const before = await contacts.inputValue();
    await contacts.fill('');
    await expect.poll(outcome).toBe('Would not reply');
    expect(await page.locator(hook('dry-run-reason')).innerText()).toBe('Contacts get no auto-reply: the reply to contacts is empty. Write one under “Reply to contacts” to answer them.');
    expect(await page.locator(hook('settings-form')).innerText()).toContain('Empty: contacts get no auto-reply at all.');
    expect(await page.locator(hook('settings-note')).innerText()).toBe('Contacts get no auto-reply: their reply text is empty.');
    await screenshot(page, '19-empty-reply-text-1280');
    await contacts.fill(before);
    await expect.poll(outcome).toBe('Would reply');
    expect(await page.locator(hook('settings-clean')).innerText()).toBe('All changes saved.');
  });

  it('previews a new keyword rule before it is saved, first match first', async () => {
    await addKeywordRule(['sundays', 'weekend'], 'Yes, {firstName}: we deliver on Sundays from 8 to 13.');
    await expect.poll(reply).toBe('“Yes, Ana: we deliver on Sundays from 8 to 13.”');
    expect(await outcome()).toBe('Would reply');
    expect(await rule()).toBe('Keyword rule 1 matched (“sundays”, “weekend”): its text goes out instead of the standard reply.');
    expect(await page.locator(hook('dry-run-draft')).innerText()).toBe('Unsaved changes');
    expect((await savedSettings()).keywordRules).toEqual([]);
    await screenshot(page, '13-keyword-rule-draft');

    // A second rule that also matches loses until it is moved above the first.
    await addKeywordRule(['deliver'], 'Delivery is free over 20 €.');
    await expect.poll(() => page.locator(hook('dry-run-loading')).count()).toBe(0);
    expect(await reply()).toBe('“Yes, Ana: we deliver on Sundays from 8 to 13.”');
    await rules().nth(1).getByRole('button', { name: 'Move rule 2 up' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(reply).toBe('“Delivery is free over 20 €.”');
    expect(await rule()).toBe('Keyword rule 1 matched (“deliver”): its text goes out instead of the standard reply.');
    expect(await rules().first().locator(hook('rule-keywords')).innerText()).toContain('deliver');
  });

  it('names a bad field beside it and will not save until it is fixed', async () => {
    await page.locator(hook('add-keyword-rule')).click();
    const empty = rules().nth(2);
    await expect.poll(() => empty.innerText()).toContain('Must be a non-empty list of words.');
    await expect.poll(() => page.locator(hook('dry-run-error')).innerText()).toContain('fix the marked field');
    expect(await page.locator(hook('save-settings')).isDisabled()).toBe(true);
    await screenshot(page, '14-keyword-rule-problems');
    await empty.getByRole('button', { name: 'Remove rule 3' }).click();
    await expect.poll(reply).toBe('“Delivery is free over 20 €.”');
    expect(await page.locator(hook('save-settings')).isDisabled()).toBe(false);
  });

  it('sends the away text outside business hours in the site’s time zone', async () => {
    await page.locator(hook('discard-settings')).click();
    await expect.poll(rule).toBe('The standard reply to contacts.');
    expect(await rules().count()).toBe(0);

    await page.locator(hook('setting-hours')).locator('input').click({ force: true });
    const zone = zoneClosedNow();
    const picker = page.locator(`${hook('setting-timezone')} input`);
    // Switched on with the default UTC still there, the hours take the browser's zone (this one is set to Lisbon).
    await expect.poll(() => picker.inputValue()).toBe('Europe/Lisbon');
    // By keyboard: type part of the city, the one matching zone is offered, Enter takes it.
    await picker.fill('');
    await picker.pressSequentially(zone.split('/')[1]!.replace('_', ' ').toLowerCase());
    await page.getByRole('option', { name: zone, exact: true }).waitFor();
    expect(await page.getByRole('option').count()).toBe(1);
    await picker.press('ArrowDown');
    await picker.press('Enter');
    await expect.poll(() => picker.inputValue()).toBe(zone);
    await expect.poll(rule).toBe('Outside your business hours, so the away text goes out.');
    expect(await reply()).toContain('We are away right now');

    await page.locator(`${hook('setting-away')} textarea`).fill('We are closed now, {firstName}. Back at 9!');
    await expect.poll(reply).toBe('“We are closed now, Ana. Back at 9!”');
    await screenshot(page, '15-business-hours-away');

    // A range that ends before it starts is refused beside that range.
    const monday = page.locator(hook('hours-mon'));
    await monday.locator(`${hook('hours-to')} input`).fill('08:00');
    await expect.poll(() => monday.locator(hook('hours-error')).innerText()).toContain('The closing time must be after the opening time');
    await screenshot(page, '16-business-hours-problem');
    await monday.locator(`${hook('hours-to')} input`).fill('17:00');
    await expect.poll(() => monday.locator(hook('hours-error')).count()).toBe(0);
    await monday.getByRole('button', { name: 'Add opening hours on Monday' }).click();
    expect(await monday.locator(hook('hours-range')).count()).toBe(2);

    await page.locator(hook('save-settings')).click();
    await page.locator(hook('settings-saved')).waitFor();
    const saved = await savedSettings();
    expect(saved.businessHours).toMatchObject({ enabled: true, timeZone: zone, awayText: 'We are closed now, {firstName}. Back at 9!' });
    expect((saved.businessHours as unknown as { weekly: { mon: unknown[] } }).weekly.mon).toEqual([{ from: '09:00', to: '17:00' }, { from: '17:00', to: '19:00' }]);
    expect(await page.locator(hook('dry-run-draft')).count()).toBe(0);
  });
}
