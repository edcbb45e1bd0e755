import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmittedEvent } from '../../../emulator/index.js';
import { startRequestStack } from './request-stack.js';

let stack: Awaited<ReturnType<typeof startRequestStack>>;
beforeAll(async () => {
  stack = await startRequestStack();
});
afterAll(() => stack.close());

/** A visitor writes, leaves details, writes as a contact, registers, writes as a member: 3 messages and 2 merges. */
function playLife() {
  const { emulator } = stack;
  const { instanceId } = emulator.createSite({ businessName: 'Bakery' });
  stack.newEvents();
  const { visitorId } = emulator.visitorSends(instanceId, { text: 'Hi, do you bake rye?' });
  const { contactId } = emulator.identifyVisitor(instanceId, visitorId, { firstName: 'Ann', email: 'ann@example.com' });
  emulator.contactSends(instanceId, { contactId, text: 'Here is my email' });
  const { memberId } = emulator.registerMember(instanceId, contactId, { nickname: 'annbakes' });
  emulator.memberSends(instanceId, { memberId, text: 'Now I am a member' });
  return { instanceId, events: stack.newEvents() };
}

/** Wix's resends: whatever did not succeed is delivered again, until it does (Wix tries 13 times in all). */
async function deliverInBatches(batches: EmittedEvent[][]) {
  let failed: EmittedEvent[] = [];
  for (const batch of batches) {
    const results = await Promise.all(batch.map((event) => stack.deliver(event)));
    failed.push(...results.filter((r) => r.error).map((r) => r.event));
  }
  for (let resend = 0; resend < 12 && failed.length > 0; resend++) {
    const results = await Promise.all(failed.map((event) => stack.deliver(event)));
    failed = results.filter((r) => r.error).map((r) => r.event);
  }
  return failed;
}

/** The deliveries of a plan: the life's events in the plan's order, each as many times as it says, in batches. */
function batchesOf(events: EmittedEvent[], { order, copies, batchSize }: { order: number[]; copies: number[]; batchSize: number }) {
  const deliveries = events.map((event, i) => ({ event, key: order[i]! }))
    .sort((a, b) => a.key - b.key)
    .flatMap(({ event }, i) => Array.from({ length: copies[i]! }, () => event));
  const batches: EmittedEvent[][] = [];
  for (let i = 0; i < deliveries.length; i += batchSize) batches.push(deliveries.slice(i, i + batchSize));
  return batches;
}

const plan = (maxBatch: number) => fc.record({
  order: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
  copies: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 5, maxLength: 5 }),
  batchSize: fc.integer({ min: 1, max: maxBatch }),
});

const conversationsOf = async (instanceId: string) => (await stack.storeOf(instanceId).listConversations(instanceId, {
  sort: { field: 'lastMessageAt', order: 'desc' }, offset: 0, limit: 10,
})).items;

describe('exactly once on Wix hosting, whatever order Wix delivers a person\'s events in', () => {
  it('answers the person once over any permutation with duplicates, one at a time or concurrently', async () => {
    await fc.assert(fc.asyncProperty(plan(4), async (p) => {
      const { instanceId, events } = playLife();
      expect(events).toHaveLength(5);
      expect(await deliverInBatches(batchesOf(events, p))).toEqual([]);
      expect(stack.emulator.sentByApp(instanceId)).toHaveLength(1);
    }), { numRuns: 40 });
  }, 120_000);

  it('keeps one conversation with every message over any permutation with duplicates, one at a time', async () => {
    await fc.assert(fc.asyncProperty(plan(1), async (p) => {
      const { instanceId, events } = playLife();
      expect(await deliverInBatches(batchesOf(events, p))).toEqual([]);
      expect(stack.emulator.sentByApp(instanceId)).toHaveLength(1);
      const records = await conversationsOf(instanceId);
      expect(records.map((r) => [r.participantType, r.messageCount, r.mergedFrom.length])).toEqual([['MEMBER', 3, 2]]);
    }), { numRuns: 40 });
  }, 120_000);
});
