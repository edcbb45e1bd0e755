import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FaultSpec } from '../../../emulator/index.js';
import type { Store, StoreWrites } from '../../../src/core/ports.js';
import { startStack, type Stack } from '../registry/stack.js';
import { putSettings, repliesOn, timeline } from './helpers.js';

/** Every call the app's Wix clients make, as "METHOD /path". */
const calls: string[] = [];
const countingFetch: typeof fetch = (input, init) => {
  const request = new Request(input, init);
  calls.push(`${request.method} ${new URL(request.url).pathname}`);
  return fetch(request);
};
const count = (call: string) => calls.filter((c) => c === call).length;
const SEND = 'POST /inbox/v2/messages';
const LIST = 'GET /inbox/v2/messages';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ retry: { attempts: 4, baseDelayMs: 20 }, fetch: countingFetch });
});
afterAll(async () => stack.close());
beforeEach(() => stack.emulator.faults.clear());

/** A site whose replies depend on nothing but the claim (the quiet rule would read the messages too). */
async function quietRuleOff() {
  const site = stack.emulator.createSite();
  await putSettings(stack, site.instanceId, { quietWhileBusinessMinutes: 0 });
  calls.length = 0;
  return site.instanceId;
}

async function expectOneReplyRecorded(instanceId: string, conversationId: string, visitorId: string) {
  const sent = stack.emulator.sentByApp(instanceId);
  expect(sent).toHaveLength(1);
  const { conversation, decisions } = await timeline(stack, instanceId, conversationId);
  expect(decisions.map((d) => d.outcome)).toEqual(['replied']);
  expect(conversation.autoReply).toMatchObject({ status: 'replied' });
  const [claim] = await stack.store.replyClaims(instanceId, [`visitor:${visitorId}`], 5);
  expect(claim).toMatchObject({ status: 'sent', messageId: sent[0]!.message.id, sendingAt: expect.any(String) });
}

describe('a reply Wix stored but the app never learnt of is not sent again', () => {
  it('sends at once on the normal path: no List Messages call', async () => {
    const instanceId = await quietRuleOff();
    const v = stack.emulator.visitorSends(instanceId, { text: 'Hello?' });
    await stack.settle();
    await expectOneReplyRecorded(instanceId, v.conversationId, v.visitorId);
    expect(count(SEND)).toBe(1);
    expect(count(LIST)).toBe(0);
  });

  it.each<[string, Partial<FaultSpec>]>([
    ['a 500', { status: 500 }],
    ['a 504 after a wait', { status: 504, delayMs: 100 }],
    ['a dropped connection', {}],
  ])('answers once when Send Message stored the reply but answered %s', async (_, fault) => {
    const instanceId = await quietRuleOff();
    stack.emulator.faults.add({ method: 'POST', path: '/inbox/v2/messages', afterServe: true, ...fault });
    const v = stack.emulator.visitorSends(instanceId, { text: 'Hello?' });
    await stack.settle();
    await expectOneReplyRecorded(instanceId, v.conversationId, v.visitorId);
    expect(count(SEND)).toBe(1);
    expect(count(LIST)).toBe(1);
  });

  it('still sends on the retry when the failed Send Message had stored nothing', async () => {
    const instanceId = await quietRuleOff();
    stack.emulator.faults.add({ method: 'POST', path: '/inbox/v2/messages', status: 503 });
    const v = stack.emulator.visitorSends(instanceId, { text: 'Hello?' });
    await stack.settle();
    await expectOneReplyRecorded(instanceId, v.conversationId, v.visitorId);
    expect(count(SEND)).toBe(2);
    expect(count(LIST)).toBe(1);
  });

  it('answers once when the process dies after Send Message succeeded, before the claim was marked sent', async () => {
    const instanceId = await quietRuleOff();
    // Marking the claim sent is one write, or part of the event's last batch (a store that writes batches).
    const sent = (claim: unknown) => (claim as { status?: string }).status === 'sent';
    const died = dieWhen(stack.store, (method, args) => (method === 'updateReplyClaim' && sent(args[0]))
      || (method === 'writeBatch' && (args[0] as StoreWrites).replyClaims.some(sent)));
    const v = stack.emulator.visitorSends(instanceId, { text: 'Hello?' });
    await stack.settleDeliveries();
    expect(died()).toBe(true);
    expect(stack.emulator.sentByApp(instanceId)).toHaveLength(1);

    await stack.restart(); // a new process over the same SQLite file resumes the journal
    await stack.settle();
    await expectOneReplyRecorded(instanceId, v.conversationId, v.visitorId);
    expect(count(SEND)).toBe(1);
    expect(count(LIST)).toBe(1);
  });
});

/**
 * The process dies at the first store call matching `at`: that call and every later one (the journal's own
 * bookkeeping included) fails, as if nothing after that point ever ran. Only closing still works.
 */
function dieWhen(store: Store, at: (method: string, args: unknown[]) => boolean): () => boolean {
  let dead = false;
  const target = store as unknown as Record<string, unknown>;
  for (const [name, value] of Object.entries(target)) {
    if (typeof value !== 'function' || name === 'close') continue;
    const original = value as (...args: unknown[]) => Promise<unknown>;
    target[name] = async (...args: unknown[]) => {
      if (!dead && at(name, args)) dead = true;
      if (dead) throw new Error('the process died');
      return original.apply(store, args);
    };
  }
  return () => dead;
}
