import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmittedEvent } from '../../../emulator/index.js';
import { batchesOf, deliveryPlan, playLife } from '../fixtures/one-life.js';
import { startRequestStack } from './request-stack.js';

let stack: Awaited<ReturnType<typeof startRequestStack>>;
beforeAll(async () => {
  stack = await startRequestStack();
});
afterAll(() => stack.close());

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

const conversationsOf = async (instanceId: string) => (await stack.storeOf(instanceId).listConversations(instanceId, {
  sort: { field: 'lastMessageAt', order: 'desc' }, offset: 0, limit: 10,
})).items;

describe('exactly once on Wix hosting, whatever order Wix delivers a person\'s events in', () => {
  it('answers the person once over any permutation with duplicates, one at a time or concurrently', async () => {
    await fc.assert(fc.asyncProperty(deliveryPlan(4), async (p) => {
      const { instanceId, events } = playLife(stack.emulator);
      expect(events).toHaveLength(5);
      expect(await deliverInBatches(batchesOf(events, p))).toEqual([]);
      expect(stack.emulator.sentByApp(instanceId)).toHaveLength(1);
    }), { numRuns: 40 });
  }, 120_000);

  it('keeps one conversation with every message over any permutation with duplicates, one at a time', async () => {
    await fc.assert(fc.asyncProperty(deliveryPlan(1), async (p) => {
      const { instanceId, events } = playLife(stack.emulator);
      expect(await deliverInBatches(batchesOf(events, p))).toEqual([]);
      expect(stack.emulator.sentByApp(instanceId)).toHaveLength(1);
      const records = await conversationsOf(instanceId);
      expect(records.map((r) => [r.participantType, r.messageCount, r.mergedFrom.length])).toEqual([['MEMBER', 3, 2]]);
    }), { numRuns: 40 });
  }, 120_000);
});
