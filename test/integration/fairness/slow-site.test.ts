import { afterEach, expect, it } from 'vitest';
import { firstDeliveryAt, startFairnessStack, type FairnessStack } from './fairness-stack.js';

/**
 * The finding: one site's hanging or paced Wix calls held up every other site (the worker awaited all
 * sites in a pass). Now each site drains its own lane, so another site's reply comes within 1 s of its webhook.
 */
let stack: FairnessStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

const waitUntil = async (check: () => boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

it('answers a quiet site within 1 s while another site\'s Wix calls hang for 15 s', async () => {
  stack = await startFairnessStack();
  const hung = stack.emulator.createSite({ businessName: 'Hung' });
  const quiet = stack.emulator.createSite({ businessName: 'Quiet' });
  stack.hang(hung.instanceId, 15_000);
  for (let i = 0; i < 3; i++) stack.emulator.visitorSends(hung.instanceId, { text: `hello ${i}` });
  // The hung site's lane is now waiting on Wix (its token call).
  await waitUntil(() => (stack!.tokenCalls.get(hung.instanceId) ?? 0) > 0, 5000);
  await new Promise((resolve) => setTimeout(resolve, 200));

  stack.emulator.visitorSends(quiet.instanceId, { text: 'Hi, are you open?' });
  const repliedAt = await stack.replyAt(quiet.instanceId, 5000);
  const delay = repliedAt - firstDeliveryAt(stack.emulator, quiet.instanceId);
  if (process.env.FAIRNESS_FIGURES) console.log(`quiet site's reply ${delay} ms after its webhook (other site hung)`);
  expect(delay).toBeLessThan(1000);
  expect(stack.emulator.sentByApp(hung.instanceId)).toEqual([]);
  // The hung site's events are still in the journal, not done (its calls end at the 10 s timeout and are retried).
  const pending = (await stack.store.dueEvents('9999-01-01T00:00:00.000Z', 10)).filter((e) => e.instanceId === hung.instanceId);
  expect(pending).toHaveLength(3);
}, 30_000);

it('times a hung call out after the timeout and retries it: the reply comes once the site answers again', async () => {
  stack = await startFairnessStack({ siteCache: { timeoutMs: 300 }, retry: { attempts: 1 } });
  const slow = stack.emulator.createSite({ businessName: 'Slow' });
  stack.hang(slow.instanceId, 60_000);
  stack.emulator.visitorSends(slow.instanceId, { text: 'hello' });
  await waitUntil(() => (stack!.tokenCalls.get(slow.instanceId) ?? 0) > 0, 5000);
  let entry;
  const deadline = Date.now() + 5000;
  while (!(entry = (await stack.store.dueEvents('9999-01-01T00:00:00.000Z', 1))[0])?.lastError && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(entry?.attempts).toBe(1);
  expect(entry?.lastError).toMatch(/abort|timeout|time/i);
  stack.hang(slow.instanceId, 0);
  // Backoff of the first failure is 1 s; the poll finds it then.
  await stack.replyAt(slow.instanceId, 5000);
  expect(stack.emulator.sentByApp(slow.instanceId)).toHaveLength(1);
}, 30_000);

it('answers a quiet site within 1 s while a busy site has 100 replies paced by its rate limiter', async () => {
  stack = await startFairnessStack({ rateLimit: { perMinute: 60, burst: 5 } });
  const busy = stack.emulator.createSite({ businessName: 'Busy' });
  const quiet = stack.emulator.createSite({ businessName: 'Quiet' });
  for (let i = 0; i < 100; i++) stack.emulator.visitorSends(busy.instanceId, { text: `question ${i}` });
  await stack.emulator.webhooks.settled();
  await new Promise((resolve) => setTimeout(resolve, 500));
  const busyReplies = stack.emulator.sentByApp(busy.instanceId).length;
  expect(busyReplies).toBeLessThan(100); // still paced: the busy lane is working through its queue

  stack.emulator.visitorSends(quiet.instanceId, { text: 'Hi, are you open?' });
  const repliedAt = await stack.replyAt(quiet.instanceId, 5000);
  const delay = repliedAt - firstDeliveryAt(stack.emulator, quiet.instanceId);
  if (process.env.FAIRNESS_FIGURES) console.log(`quiet site's reply ${delay} ms after its webhook (other site paced, ${busyReplies} of 100 sent)`);
  expect(delay).toBeLessThan(1000);
  expect(stack.emulator.sentByApp(busy.instanceId).length).toBeLessThan(100);
}, 30_000);
