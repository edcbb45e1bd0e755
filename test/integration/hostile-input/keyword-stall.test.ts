import { afterAll, beforeAll, expect, it } from 'vitest';
import { putSettings, repliesOn } from '../auto-reply/helpers.js';
import { startStack, type Stack } from '../registry/stack.js';

/**
 * The stall the issue found: a site with 50 keyword rules × 20 keywords gets 100 kB messages, and another site's
 * webhooks must still be answered within Wix's 1250 ms (the regex matcher took seconds per message, on the one
 * event loop every site shares). Here through the whole chain: emulator → server → worker → Wix Inbox.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
}, 30_000);
afterAll(async () => stack?.close());

const WIX_DEADLINE_MS = 1250;

it('answers a quiet site\'s webhooks in time while a keyword-heavy site gets 100 kB messages', async () => {
  const busy = stack.emulator.createSite({ businessName: 'Keyword Heavy' });
  const quiet = stack.emulator.createSite({ businessName: 'Quiet' });
  const keywordRules = Array.from({ length: 50 }, (_r, rule) => ({
    keywords: Array.from({ length: 20 }, (_k, i) => (rule === 49 && i === 19 ? 'refund policy' : `delivery option ${rule} number ${i}`)),
    text: `Answer ${rule + 1}.`,
  }));
  await putSettings(stack, busy.instanceId, { keywordRules });
  const filler = 'lorem ipsum dolor sit amet consectetur adipiscing elit '.repeat(160); // ~8.8 kB: inside the part read
  const message = `${filler}what is your refund policy? ${'lorem ipsum dolor sit amet '.repeat(3500)}`.slice(0, 100 * 1024);

  for (let i = 0; i < 5; i++) stack.emulator.visitorSends(busy.instanceId, { text: message });
  // The quiet site writes every 25 ms for as long as the busy site's messages are being worked on (that work now takes
  // a few hundred ms: at 100 ms apart, a fast run saw only two of the quiet site's webhooks overlap it).
  const started = Date.now();
  let sent = 0;
  while (repliesOn(stack, busy.instanceId).length < 5 && Date.now() - started < 40_000) {
    stack.emulator.visitorSends(quiet.instanceId, { text: `hello ${sent++}` });
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await stack.settle(30_000);

  const quietDeliveries = stack.emulator.webhooks.deliveries().filter((d) => d.instanceId === quiet.instanceId);
  expect(sent).toBeGreaterThanOrEqual(3);
  const late = quietDeliveries.filter((d) => d.outcome !== 'delivered' || d.durationMs >= WIX_DEADLINE_MS)
    .map((d) => `${d.outcome} after ${d.durationMs} ms`);
  expect(late).toEqual([]);
  expect(quietDeliveries).toHaveLength(sent);
  expect(repliesOn(stack, busy.instanceId)).toEqual(Array(5).fill('Answer 50.'));
}, 60_000);
