import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_CASES, SETTINGS_CASES } from '../integration/hostile-input/api-cases.js';
import { expectRefused } from '../integration/hostile-input/hostile-case.js';
import type { HostileStack } from '../integration/hostile-input/hostile-stack.js';
import { startHostedStack, type HostedStack } from './hosted-stack.js';

/**
 * The hostile-input catalogue's dashboard API cases, sent to the built worker as a site owner's dashboard sends them
 * (its user token): each must get the same 4xx and error code as self-hosted, in the one JSON error shape, and change
 * nothing — the emulated Wix (its Wix Data collections, conversations, messages) is the same after it, and the app has
 * sent nothing. The token cases are self-hosted's own (on hosting the runtime checks the dashboard's token), and so are
 * the panel page's (Wix serves the dashboard page).
 */
const ON_BOTH_HOSTS = /^(route|path|timeline|list|stats|funnel|contact|settings|dry run):/;
/** Malformed percent-encoding matches no route on hosting, so Astro answers it with its own 404 page: a 4xx all the same. */
const FRAMEWORK_404 = new Set(['path: malformed percent-encoding (%E0%A4%A)', 'path: malformed percent-encoding (%zz)']);
const CASES = [...API_CASES, ...SETTINGS_CASES].filter((c) => ON_BOTH_HOSTS.test(c.name));

let stack: HostedStack;
let target: HostileStack;
beforeAll(async () => {
  stack = await startHostedStack();
  const site = stack.emulator.createSite({ businessName: 'Hostile Bakery' });
  const sent = stack.emulator.visitorSends(site.instanceId, { text: 'Hello, are you open?' });
  await stack.settle();
  await stack.putSettings(site.instanceId, { cooldownHours: 12, keywordRules: [{ keywords: ['price'], text: 'Prices are on our site.' }] });
  // What a case needs of its stack: where to send, the site, and a dashboard token for it.
  target = { emulator: stack.emulator, serverUrl: stack.hosted.url, site: { instanceId: site.instanceId, conversationId: sent.conversationId },
    tokenFor: (instanceId: string) => stack.userToken(instanceId) } as unknown as HostileStack;
}, 30_000);
afterAll(async () => stack?.close());

describe('on Wix hosting, bad dashboard input', () => {
  it('covers the catalogue\'s API and settings cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s → 4xx, nothing changed', async (name, hostile) => {
    const before = JSON.stringify(stack.emulator.state());
    const sentBefore = stack.emulator.sentByApp(target.site.instanceId).length;
    const response = await hostile.send(target);
    if (FRAMEWORK_404.has(name)) {
      expect(response.status).toBe(404);
    } else {
      await expectRefused(response, hostile);
    }
    await stack.settle();
    expect(JSON.stringify(stack.emulator.state())).toBe(before);
    expect(stack.emulator.sentByApp(target.site.instanceId)).toHaveLength(sentBefore);
  });

  it('never answered 500', () => {
    const failed = stack.hosted.requests().filter((r) => (r.status ?? 0) >= 500 || r.status === 0);
    expect(failed.map((r) => `${r.kind} ${r.status}`)).toEqual([]);
  });
});
