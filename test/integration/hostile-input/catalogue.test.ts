import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_CASES, SETTINGS_CASES } from './api-cases.js';
import { expectRefused, type HostileCase } from './hostile-case.js';
import { startHostileStack, type HostileStack } from './hostile-stack.js';
import { WEBHOOK_CASES, messageDomainEvent, postWebhook, signedWebhook } from './webhook-cases.js';

/**
 * The hostile-input catalogue: every case goes through the real self-hosted server (HTTP → router → verification →
 * parsing → journal/API → SQLite) and must get a 4xx in the one error shape, with the security headers, and change
 * nothing: every row of every table is the same after it, and the app has sent nothing to Wix.
 */
let stack: HostileStack;
beforeAll(async () => {
  stack = await startHostileStack();
}, 30_000);
afterAll(async () => stack?.close());

const CATALOGUE: [string, HostileCase[]][] = [['webhooks', WEBHOOK_CASES], ['API parameters', API_CASES], ['settings', SETTINGS_CASES]];

it('holds at least 60 cases across webhooks, API parameters and settings', () => {
  expect(CATALOGUE.reduce((n, [, cases]) => n + cases.length, 0)).toBeGreaterThanOrEqual(60);
  expect(new Set(CATALOGUE.flatMap(([, cases]) => cases.map((c) => c.name))).size).toBe(CATALOGUE.reduce((n, [, cases]) => n + cases.length, 0));
});

for (const [group, cases] of CATALOGUE) {
  describe(group, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s → 4xx, nothing changed', async (_name, hostile) => {
      const before = stack.snapshot();
      const sentBefore = stack.emulator.sentByApp(stack.site.instanceId).length;
      const response = await hostile.send(stack);
      await expectRefused(response, hostile);
      await stack.idle();
      expect(stack.snapshot()).toBe(before);
      expect(stack.emulator.sentByApp(stack.site.instanceId)).toHaveLength(sentBefore);
    });
  });
}

describe('after the catalogue', () => {
  it('the same builders make events and requests the server takes (so each case fails for its one change)', async () => {
    const before = stack.snapshot();
    const response = await postWebhook(stack, await signedWebhook(stack, messageDomainEvent(stack)));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: 'processed' });
    await stack.idle();
    expect(stack.snapshot()).not.toBe(before);
    const list = await fetch(`${stack.serverUrl}/api/conversations?limit=5&offset=0&sort=displayName:asc`, { headers: { authorization: stack.tokenFor(stack.site.instanceId) } });
    expect(list.status).toBe(200);
  });

  it('serves the panel page with its own policy: its scripts only, framed only by the Wix dashboard', async () => {
    const page = await fetch(`${stack.serverUrl}/dashboard?instance=${encodeURIComponent(stack.tokenFor(stack.site.instanceId))}&refreshMs=0`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain('frame-ancestors https://manage.wix.com https://*.wix.com');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('never answered 500, and wrote one JSON line per request, with the site where it was known', () => {
    const lines = stack.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThan(60);
    expect(lines.filter((line) => Number(line.status) >= 500)).toEqual([]);
    const webhooks = lines.filter((line) => line.event === 'webhook' && line.status === 200);
    expect(webhooks.length).toBeGreaterThan(0);
    for (const line of webhooks) expect(line).toMatchObject({ instanceId: expect.any(String), eventId: expect.any(String), result: expect.any(String) });
    const api = lines.filter((line) => line.event === 'request' && line.status === 200);
    expect(api.length).toBeGreaterThan(0);
    for (const line of api) expect(line.instanceId).toBe(stack.site.instanceId);
  });

  it('never logged the app secret, an instance token or a JWT', async () => {
    const token = stack.tokenFor(stack.site.instanceId);
    await fetch(`${stack.serverUrl}/api/settings?instance=${encodeURIComponent(token)}`);
    await fetch(`${stack.serverUrl}/dashboard?instance=${encodeURIComponent(token)}&refreshMs=nope`);
    const jwt = await signedWebhook(stack, messageDomainEvent(stack));
    await postWebhook(stack, jwt);
    await postWebhook(stack, `${jwt}x`);
    await stack.idle();
    const log = stack.logLines.join('\n');
    expect(log).not.toContain(stack.emulator.app.appSecret);
    expect(log).not.toContain(token);
    expect(log).not.toContain(token.split('.')[0]!);
    expect(log).not.toContain(jwt.split('.')[2]!);
    expect(log).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/);
    expect(log).not.toMatch(/instance=[A-Za-z0-9_-]/);
  });
});
