import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EmittedEvent } from '../../../emulator/index.js';
import { signInstanceToken } from '../../../src/api/instance-token.js';
import { startFairnessStack, type FairnessStack } from './fairness-stack.js';

/**
 * Wix's App Removed webhook (`AppRemoved`, the event `appInstances.onAppInstanceRemoved` of @wix/app-management
 * registers; its data is `{appId}`), signed by the emulator's key as Wix signs it: the site's data is deleted from
 * the self-hosted store and the webhook is answered 200; other sites keep theirs.
 */
let stack: FairnessStack;
beforeAll(async () => {
  stack = await startFairnessStack();
}, 30_000);
afterAll(async () => stack?.close());

function appRemoved(instanceId: string, siteId: string): EmittedEvent {
  return {
    eventId: randomUUID(), eventType: 'AppRemoved', instanceId, accountInfo: { accountId: randomUUID(), siteId },
    domainEvent: { appId: stack.emulator.app.appId } as unknown as EmittedEvent['domainEvent'],
  };
}

async function conversationsOf(instanceId: string): Promise<number> {
  const token = signInstanceToken({ instanceId, appDefId: stack.emulator.app.appId }, stack.emulator.app.appSecret);
  const response = await fetch(`${stack.serverUrl}/api/conversations`, { headers: { authorization: token } });
  return ((await response.json()) as { total: number }).total;
}

it('deletes the removed site\'s data, answers 200, and leaves other sites as they were', async () => {
  const removed = stack.emulator.createSite({ businessName: 'Leaving' });
  const staying = stack.emulator.createSite({ businessName: 'Staying' });
  for (const site of [removed, staying]) stack.emulator.visitorSends(site.instanceId, { text: 'hello' });
  await stack.emulator.webhooks.settled();
  await stack.app.worker.idle();
  expect([await conversationsOf(removed.instanceId), await conversationsOf(staying.instanceId)]).toEqual([1, 1]);
  const events = stack.emulator.webhooks.events().filter((e) => e.instanceId === removed.instanceId);
  expect(await stack.store.getEvent(removed.instanceId, events[0]!.eventId)).toBeDefined();

  const body = await stack.emulator.webhooks.sign(appRemoved(removed.instanceId, removed.instanceId));
  const response = await fetch(`${stack.serverUrl}/webhooks`, { method: 'POST', body });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ result: 'processed' });

  expect(await conversationsOf(removed.instanceId)).toBe(0);
  expect(await stack.store.getEvent(removed.instanceId, events[0]!.eventId)).toBeUndefined();
  expect(await stack.store.dueEvents('9999-01-01T00:00:00.000Z', 10)).toEqual([]);
  expect(await conversationsOf(staying.instanceId)).toBe(1);
});

it('refuses an App Removed that is not signed with the app\'s key, deleting nothing', async () => {
  const site = stack.emulator.createSite({ businessName: 'Still here' });
  stack.emulator.visitorSends(site.instanceId, { text: 'hello' });
  await stack.emulator.webhooks.settled();
  await stack.app.worker.idle();
  const signed = await stack.emulator.webhooks.sign(appRemoved(site.instanceId, site.instanceId));
  const [header, payload] = signed.split('.');
  const response = await fetch(`${stack.serverUrl}/webhooks`, { method: 'POST', body: `${header}.${payload}.${'A'.repeat(342)}` });
  expect(response.status).toBe(401);
  expect(await conversationsOf(site.instanceId)).toBe(1);
});

it('never answers 500 to an App Removed whose data is not the usual object, and deletes the site (its instance is signed)', async () => {
  const site = stack.emulator.createSite({ businessName: 'Odd payload' });
  stack.emulator.visitorSends(site.instanceId, { text: 'hello' });
  await stack.emulator.webhooks.settled();
  await stack.app.worker.idle();
  for (const data of [null, 'x', [1]]) {
    const event = { ...appRemoved(site.instanceId, site.instanceId), domainEvent: data as unknown as EmittedEvent['domainEvent'] };
    const response = await fetch(`${stack.serverUrl}/webhooks`, { method: 'POST', body: await stack.emulator.webhooks.sign(event) });
    expect(response.status, JSON.stringify(data)).toBeLessThan(500);
  }
  expect(await conversationsOf(site.instanceId)).toBe(0);
});

it('deletes again after the event in hand ends, so nothing of the site comes back', async () => {
  const hung = await startFairnessStack({ siteCache: { timeoutMs: 500 }, retry: { attempts: 1 } });
  try {
    const site = hung.emulator.createSite({ businessName: 'Removed mid-event' });
    hung.hang(site.instanceId, 60_000);
    const sent = hung.emulator.visitorSends(site.instanceId, { text: 'hello' });
    await hung.emulator.webhooks.settled();
    for (let i = 0; i < 100 && !hung.tokenCalls.get(site.instanceId); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    const event = hung.emulator.webhooks.events().find((e) => e.instanceId === site.instanceId)!;
    const removedEvent = { ...appRemoved(site.instanceId, site.instanceId), domainEvent: { appId: hung.emulator.app.appId } as unknown as EmittedEvent['domainEvent'] };
    const response = await fetch(`${hung.serverUrl}/webhooks`, { method: 'POST', body: await hung.emulator.webhooks.sign(removedEvent) });
    expect(response.status).toBe(200);
    // The event in hand times out (500 ms here) and writes its failed attempt back; the second delete removes it.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await hung.store.getEvent(site.instanceId, event.eventId)).toBeUndefined();
    expect(await hung.store.getConversation(site.instanceId, sent.conversationId)).toBeUndefined();
  } finally {
    await hung.close();
  }
});
