import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../emulator/index.js';
import { startHostedStack, type HostedStack } from './hosted-stack.js';

// Issue 8, point 3: with the dashboard open, a site sustains at least 25 auto-replied messages a minute under
// Wix's 200 calls a minute per site, nothing lost, nothing sent twice. One emulated minute: the emulator's clock
// (its rate-limit window) moves a second at a time while the built worker serves each second's traffic.
const PEOPLE_PER_MINUTE = 25;
/**
 * The dashboard as the panel polls on Wix hosting (src/ui/panel/dashboard-panel.tsx, LIST_REFRESH_MS): the list every
 * 15 s, the cards every 60 s, an open person's timeline every 30 s.
 */
const DASHBOARD_POLLS: { everyS: number; path: (conversationId?: string) => string }[] = [
  { everyS: 15, path: () => '/api/conversations?limit=25' },
  { everyS: 60, path: () => '/api/stats' },
  { everyS: 30, path: (id) => (id ? `/api/conversations/${id}` : '/api/conversations?limit=1') },
];

let stack: HostedStack;
let clock: ManualClock;
beforeAll(async () => {
  clock = createManualClock(Date.now());
  // Wix's first resend comes a minute later, past this minute: a delivery that fails here stays failed.
  stack = await startHostedStack({ emulatorClock: clock, isolates: 2, delivery: { retryDelaysMs: [] } });
});
afterAll(async () => stack.close());

describe('a minute of traffic on one site, the dashboard open', () => {
  it(`answers ${PEOPLE_PER_MINUTE} people once each within Wix's 200 calls a minute`, { timeout: 180_000 }, async () => {
    const site = stack.emulator.createSite({ businessName: 'Busy Bakery' });
    const people: { conversationId: string }[] = [];
    const dashboardAnswers: number[] = [];
    for (let second = 0; second < 60; second++) {
      while (people.length < Math.floor(((second + 1) * PEOPLE_PER_MINUTE) / 60)) {
        people.push(stack.emulator.visitorSends(site.instanceId, { text: `Hello, I am visitor ${people.length}` }));
      }
      for (const poll of DASHBOARD_POLLS) {
        if (second % poll.everyS === 0) dashboardAnswers.push((await stack.api(site.instanceId, 'GET', poll.path(people[0]?.conversationId))).status);
      }
      await stack.settle();
      clock.advance(1000);
    }
    expect(people).toHaveLength(PEOPLE_PER_MINUTE);
    const sent = stack.emulator.sentByApp(site.instanceId);
    expect(new Set(sent.map((s) => s.conversationId))).toEqual(new Set(people.map((p) => p.conversationId)));
    expect(sent).toHaveLength(PEOPLE_PER_MINUTE);
    expect(dashboardAnswers.filter((status) => status !== 200)).toEqual([]);
    const failed = stack.emulator.webhooks.deliveries().filter((d) => d.instanceId === site.instanceId && d.outcome !== 'delivered');
    expect(failed.map((d) => `${d.eventType} ${d.outcome} ${d.httpStatus ?? ''}`)).toEqual([]);
    const throttled = stack.hosted.requests().flatMap((r) => r.subrequests.filter((s) => s.status === 429).map((s) => `${r.kind}: ${s.method} ${s.path}`));
    expect(throttled).toEqual([]);
  });
});
