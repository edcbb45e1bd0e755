import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeExactlyOnce } from '../scenarios/exactly-once.js';
import { onWixHosting, startHostedStack, type HostedStack } from './hosted-stack.js';

// Three isolates, round-robin: copies of one event land on different isolates, so nothing the app keeps in
// memory can stand in for the durable dedupe. First the scenarios both hosts pass, then hosting's own.
describeExactlyOnce(onWixHosting({ isolates: 3 }), { copies: 5, messagesAtOnce: 10 });

let stack: HostedStack;
beforeAll(async () => {
  stack = await startHostedStack({ isolates: 3 });
});
afterAll(async () => stack.close());

describe('on Wix hosting, exactly one reply under at-least-once delivery', () => {
  it('answers once and counts once when one event arrives eight times at the same moment', async () => {
    const site = stack.emulator.createSite();
    stack.emulator.setWebhookUrls(undefined);
    stack.emulator.setWebhookUrl(undefined);
    let answers: number[];
    try {
      const sent = stack.emulator.visitorSends(site.instanceId, { text: 'Anyone there?' });
      const event = stack.emulator.webhooks.events().find((e) => e.eventId === sent.eventId)!;
      // Concurrent copies of one delivery; a copy that fails (not 200) is resent by Wix until one succeeds.
      answers = (await Promise.all(Array.from({ length: 8 }, () => stack.deliver(event)))).map((r) => r.status);
      for (let resend = 0; !answers.includes(200) && resend < 12; resend++) answers.push((await stack.deliver(event)).status);
    } finally {
      routeToWorker(stack);
    }
    await stack.settle();
    expect(answers).toContain(200);
    expect(stack.repliesOn(site.instanceId)).toHaveLength(1);
    expect((await stack.list(site.instanceId)).items.map((i) => i.messageCount)).toEqual([1]);
    // Every copy was its own request with its own count.
    const copies = stack.hosted.requests().filter((r) => r.event?.instanceId === site.instanceId);
    expect(copies.length).toBe(answers.length);
    for (const copy of copies) expect(copy.subrequests.length).toBeGreaterThan(0);
    expect(new Set(copies.map((c) => c.isolate)).size).toBe(3);
  });

});

export function routeToWorker(s: HostedStack): void {
  s.emulator.setWebhookUrls(Object.fromEntries(Object.entries(s.hosted.app.webhooks).map(([slug, path]) => [slug, `${s.hosted.url}${path}`])));
}
