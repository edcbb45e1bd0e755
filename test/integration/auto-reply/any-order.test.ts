import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmittedEvent } from '../../../emulator/index.js';
import { startStack, type Stack } from '../registry/stack.js';
import { repliesOn } from './helpers.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ retry: { attempts: 4, baseDelayMs: 20 } });
  // The test posts each event itself, in the order it picks: the emulator delivers nothing.
  stack.emulator.setWebhookUrl(undefined);
});
afterAll(async () => stack.close());

/** A visitor writes, leaves details, writes as a contact, registers, writes as a member: 3 messages and 2 merges. */
function playLife() {
  const { emulator } = stack;
  const { instanceId } = emulator.createSite({ businessName: 'Bakery' });
  const before = emulator.webhooks.events().length;
  const { visitorId } = emulator.visitorSends(instanceId, { text: 'Hi, do you bake rye?' });
  const { contactId } = emulator.identifyVisitor(instanceId, visitorId, { firstName: 'Ann', email: 'ann@example.com' });
  emulator.contactSends(instanceId, { contactId, text: 'Here is my email' });
  const { memberId } = emulator.registerMember(instanceId, contactId, { nickname: 'annbakes' });
  emulator.memberSends(instanceId, { memberId, text: 'Now I am a member' });
  return { instanceId, events: emulator.webhooks.events().slice(before) };
}

const post = async (event: EmittedEvent) => {
  const response = await fetch(`${stack.serverUrl}/webhooks`, {
    method: 'POST', headers: { 'content-type': 'text/plain' }, body: await stack.emulator.webhooks.sign(event),
  });
  expect(response.status).toBe(200);
};

describe('exactly once on the self-hosted server, whatever order Wix delivers a person\'s events in', () => {
  it('answers the person once and keeps one conversation, over any permutation with duplicates, posted one at a time or concurrently', async () => {
    const plan = fc.record({
      order: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
      copies: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 5, maxLength: 5 }),
      batchSize: fc.integer({ min: 1, max: 4 }),
    });
    await fc.assert(fc.asyncProperty(plan, async ({ order, copies, batchSize }) => {
      const { instanceId, events } = playLife();
      const deliveries = events.map((event, i) => ({ event, key: order[i]! }))
        .sort((a, b) => a.key - b.key)
        .flatMap(({ event }, i) => Array.from({ length: copies[i]! }, () => event));
      for (let i = 0; i < deliveries.length; i += batchSize) await Promise.all(deliveries.slice(i, i + batchSize).map(post));
      await stack.settle();

      expect(repliesOn(stack, instanceId)).toHaveLength(1);
      const { items } = await stack.list(instanceId);
      expect(items.map((r) => [r.participantType, r.messageCount, r.mergedFrom.length])).toEqual([['MEMBER', 3, 2]]);
    }), { numRuns: 30 });
  }, 120_000);
});
