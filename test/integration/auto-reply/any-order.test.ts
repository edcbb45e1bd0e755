import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmittedEvent } from '../../../emulator/index.js';
import { startStack, type Stack } from '../registry/stack.js';
import { batchesOf, deliveryPlan, playLife } from '../fixtures/one-life.js';
import { repliesOn } from './helpers.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ retry: { attempts: 4, baseDelayMs: 20 } });
  // The test posts each event itself, in the order it picks: the emulator delivers nothing.
  stack.emulator.setWebhookUrl(undefined);
});
afterAll(async () => stack.close());

const post = async (event: EmittedEvent) => {
  const response = await fetch(`${stack.serverUrl}/webhooks`, {
    method: 'POST', headers: { 'content-type': 'text/plain' }, body: await stack.emulator.webhooks.sign(event),
  });
  expect(response.status).toBe(200);
};

describe('exactly once on the self-hosted server, whatever order Wix delivers a person\'s events in', () => {
  it('answers the person once and keeps one conversation, over any permutation with duplicates, posted one at a time or concurrently', async () => {
    await fc.assert(fc.asyncProperty(deliveryPlan(4), async (plan) => {
      const { instanceId, events } = playLife(stack.emulator);
      for (const batch of batchesOf(events, plan)) await Promise.all(batch.map(post));
      await stack.settle();

      expect(repliesOn(stack, instanceId)).toHaveLength(1);
      const { items } = await stack.list(instanceId);
      expect(items.map((r) => [r.participantType, r.messageCount, r.mergedFrom.length])).toEqual([['MEMBER', 3, 2]]);
    }), { numRuns: 30 });
  }, 120_000);
});
