import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationStats } from '../../../src/api/stats.js';
import { conversationTimeline } from '../../../src/api/conversation-timeline.js';
import { startRequestStack } from './request-stack.js';

let stack: Awaited<ReturnType<typeof startRequestStack>>;
beforeAll(async () => {
  // Wix's limit: 200 API calls a minute per site, Wix Data included.
  stack = await startRequestStack({ rateLimitPerMinute: 200 });
});
afterAll(() => stack.close());

describe('a busy minute on Wix hosting, under the 200 calls a minute of a site', () => {
  it('answers 25 new people in one minute with the dashboard open: every reply sent once, no call refused', async () => {
    const { emulator } = stack;
    const { instanceId } = emulator.createSite({ businessName: 'Bakery' });
    const store = stack.storeOf(instanceId);
    // The open panel's minute: the list every 15 s, the cards once, a person's timeline every 30 s.
    const panelMinute = async () => {
      const first = await store.listConversations(instanceId, { sort: { field: 'lastMessageAt', order: 'desc' }, offset: 0, limit: 25 });
      for (let i = 1; i < 4; i++) await store.listConversations(instanceId, { sort: { field: 'lastMessageAt', order: 'desc' }, offset: 0, limit: 25 });
      await conversationStats(store, instanceId, new URLSearchParams(), new Date());
      const open = first.items[0]?.conversationId;
      if (open) for (let i = 0; i < 2; i++) await conversationTimeline(store, instanceId, open);
    };

    const failures: unknown[] = [];
    for (let person = 0; person < 25; person++) {
      emulator.visitorSends(instanceId, { text: `Hello from visitor ${person}` });
      for (const event of stack.newEvents()) {
        const { error } = await stack.deliver(event);
        if (error) failures.push(error);
      }
      if (person === 12) await panelMinute();
    }

    expect(failures).toEqual([]);
    const sent = emulator.sentByApp(instanceId);
    expect(sent).toHaveLength(25);
    expect(new Set(sent.map((s) => s.conversationId)).size).toBe(25);
  }, 60_000);
});
