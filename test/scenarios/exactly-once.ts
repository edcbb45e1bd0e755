import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HostUnderTest, SiteOwnerView } from './site-owner-view.js';

export interface ExactlyOnceSizes {
  /** Copies of one event Wix delivers. */
  copies: number;
  /** Different messages one person sends at once. */
  messagesAtOnce: number;
}

/** Exactly one reply, and each message counted once, under at-least-once delivery and Wix's 429s and 5xx, on one host. */
export function describeExactlyOnce(host: HostUnderTest, sizes: ExactlyOnceSizes): void {
  describe(`${host.name}: exactly one reply under at-least-once delivery`, () => {
    let stack: SiteOwnerView;
    beforeAll(async () => {
      stack = await host.start();
    });
    afterAll(async () => stack.close());
    beforeEach(() => stack.emulator.faults.clear());

    it(`answers once and counts once when Wix delivers one event ${sizes.copies} times`, async () => {
      const site = stack.emulator.createSite();
      stack.emulator.delivery.set({ duplicate: sizes.copies });
      try {
        stack.emulator.visitorSends(site.instanceId, { text: 'Hello?' });
        await stack.settle();
      } finally {
        stack.emulator.delivery.set({ duplicate: 1 });
      }
      const deliveries = stack.emulator.webhooks.deliveries().filter((d) => d.instanceId === site.instanceId);
      expect(deliveries.filter((d) => d.outcome === 'delivered')).toHaveLength(sizes.copies);
      expect(stack.repliesOn(site.instanceId)).toHaveLength(1);
      expect((await stack.list(site.instanceId)).items.map((i) => i.messageCount)).toEqual([1]);
    });

    it(`answers once when one person sends ${sizes.messagesAtOnce} different messages at once`, async () => {
      const site = stack.emulator.createSite();
      const first = stack.emulator.visitorSends(site.instanceId, { text: 'Message 0' });
      for (let i = 1; i < sizes.messagesAtOnce; i++) stack.emulator.visitorSends(site.instanceId, { visitorId: first.visitorId, text: `Message ${i}` });
      await stack.settle();
      expect(stack.repliesOn(site.instanceId)).toHaveLength(1);
      const { conversation, decisions } = await stack.timeline(site.instanceId, first.conversationId);
      expect(conversation.messageCount).toBe(sizes.messagesAtOnce);
      expect(decisions).toHaveLength(sizes.messagesAtOnce);
      expect(decisions.filter((d) => d.outcome === 'replied')).toHaveLength(1);
    });

    it('loses no reply and duplicates none when Wix answers 429 (with Retry-After) and 5xx', async () => {
      const { emulator } = stack;
      const site = emulator.createSite();
      emulator.faults.add({ method: 'POST', path: '/inbox/v2/messages', status: 429, retryAfterSeconds: 1, times: 2 });
      emulator.faults.add({ method: 'POST', path: '/inbox/v2/conversations', status: 503, times: 3 });
      emulator.faults.add({ method: 'GET', path: '/inbox/v2/messages', status: 500, times: 2 });
      emulator.faults.add({ method: 'POST', path: '/inbox/v2/messages', status: 502, times: 1 });
      const people = Array.from({ length: 5 }, (_, i) => emulator.visitorSends(site.instanceId, { text: `Hi from ${i}` }));
      await stack.settle(); // a 5xx on Send Message is tried again (the journal, or Wix's resend), which looks for the message first
      const sent = emulator.sentByApp(site.instanceId);
      expect(sent).toHaveLength(5);
      expect(new Set(sent.map((s) => s.conversationId))).toEqual(new Set(people.map((p) => p.conversationId)));
      expect(emulator.faults.list()).toEqual([]);
      expect((await stack.list(site.instanceId)).items.map((i) => i.messageCount)).toEqual([1, 1, 1, 1, 1]);
    });

    it('answers once when Send Message stored the reply but its answer was lost', async () => {
      const { emulator } = stack;
      const site = emulator.createSite();
      await stack.putSettings(site.instanceId, { quietWhileBusinessMinutes: 0 });
      emulator.faults.add({ method: 'POST', path: '/inbox/v2/messages', afterServe: true, status: 500 });
      const v = emulator.visitorSends(site.instanceId, { text: 'Hello?' });
      await stack.settle();
      expect(emulator.sentByApp(site.instanceId)).toHaveLength(1);
      const { conversation, decisions } = await stack.timeline(site.instanceId, v.conversationId);
      expect(decisions.map((d) => d.outcome)).toEqual(['replied']);
      expect(conversation.autoReply).toMatchObject({ status: 'replied' });
    });
  });
}
