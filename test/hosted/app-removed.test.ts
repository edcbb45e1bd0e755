import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EmittedEvent } from '../../emulator/index.js';
import { startHostedStack, type HostedStack } from './hosted-stack.js';

/**
 * App Removed (`appInstances.onAppInstanceRemoved`, event type `AppRemoved`, data `{appId}`) on Wix hosting: the
 * built worker's handler deletes the site's items with one remove-by-filter, however many the site kept, and answers
 * 200; another site keeps its data.
 */
let stack: HostedStack;
beforeAll(async () => {
  stack = await startHostedStack();
});
afterAll(async () => stack?.close());

function appRemoved(instanceId: string): EmittedEvent {
  return {
    eventId: randomUUID(), eventType: 'AppRemoved', instanceId, accountInfo: { accountId: randomUUID(), siteId: instanceId },
    domainEvent: { appId: stack.emulator.app.appId } as unknown as EmittedEvent['domainEvent'],
  };
}

it('deletes every item of the removed site in one Wix Data call, and leaves another site as it was', async () => {
  const removed = stack.emulator.createSite({ businessName: 'Leaving' });
  const staying = stack.emulator.createSite({ businessName: 'Staying' });
  for (const site of [removed, staying]) {
    for (let i = 0; i < 12; i++) stack.emulator.visitorSends(site.instanceId, { text: `hello ${i}` });
  }
  await stack.settle();
  expect([(await stack.list(removed.instanceId)).total, (await stack.list(staying.instanceId)).total]).toEqual([12, 12]);

  const before = stack.hosted.requests().length;
  expect((await stack.deliver(appRemoved(removed.instanceId))).status).toBe(200);
  await stack.hosted.settled();
  const [request] = stack.hosted.requests().slice(before);
  expect(request!.subrequests.filter((s) => s.path.includes('/wix-data/')).map((s) => s.path.split('/').at(-1))).toEqual(['async-remove-by-filter']);
  expect(request!.subrequests.length).toBeLessThanOrEqual(4);

  const items = (instanceId: string) => Object.values(stack.emulator.state().sites.find((s) => s.site.instanceId === instanceId)!.collections).flat();
  expect(items(removed.instanceId)).toEqual([]);
  expect(items(staying.instanceId).length).toBeGreaterThan(12);
  expect((await stack.list(staying.instanceId)).total).toBe(12);
});
