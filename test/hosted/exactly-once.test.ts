import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostedStack, type HostedStack } from './hosted-stack.js';

// Three isolates, round-robin: copies of one event land on different isolates, so nothing the app keeps in
// memory can stand in for the durable dedupe.
let stack: HostedStack;
beforeAll(async () => {
  stack = await startHostedStack({ isolates: 3 });
});
afterAll(async () => stack.close());

describe('on Wix hosting, exactly one reply under at-least-once delivery', () => {
  it('answers once and counts once when Wix delivers one event five times in a row', async () => {
    const site = stack.emulator.createSite();
    stack.emulator.delivery.set({ duplicate: 5 });
    try {
      stack.emulator.visitorSends(site.instanceId, { text: 'Hello?' });
      await stack.settle();
    } finally {
      stack.emulator.delivery.set({ duplicate: 1 });
    }
    const deliveries = stack.emulator.webhooks.deliveries().filter((d) => d.instanceId === site.instanceId);
    expect(deliveries.filter((d) => d.outcome === 'delivered')).toHaveLength(5);
    expect(stack.repliesOn(site.instanceId)).toHaveLength(1);
    expect((await stack.list(site.instanceId)).items.map((i) => i.messageCount)).toEqual([1]);
  });

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

  it('answers once when one person sends ten different messages at once', async () => {
    const site = stack.emulator.createSite();
    const first = stack.emulator.visitorSends(site.instanceId, { text: 'Message 0' });
    for (let i = 1; i < 10; i++) stack.emulator.visitorSends(site.instanceId, { visitorId: first.visitorId, text: `Message ${i}` });
    await stack.settle();
    expect(stack.repliesOn(site.instanceId)).toHaveLength(1);
    const { conversation, decisions } = await stack.timeline(site.instanceId, first.conversationId);
    expect(conversation.messageCount).toBe(10);
    expect(decisions).toHaveLength(10);
    expect(decisions.filter((d) => d.outcome === 'replied')).toHaveLength(1);
  });
});

export function routeToWorker(s: HostedStack): void {
  s.emulator.setWebhookUrls(Object.fromEntries(Object.entries(s.hosted.app.webhooks).map(([slug, path]) => [slug, `${s.hosted.url}${path}`])));
}
