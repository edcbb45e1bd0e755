import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHostedStack, type HostedStack } from './hosted-stack.js';

/**
 * The journal on Wix hosting, where no long-lived worker prunes it: a webhook with room to spare (a message with no
 * reply due: its read and its bulk save) removes the site's done entries older than the retention (7 days) with one
 * remove-by-filter, within its budget of 5 sub-requests; younger entries, other kinds of item and other sites stay.
 */
let stack: HostedStack;
beforeAll(async () => {
  stack = await startHostedStack();
});
afterAll(async () => stack?.close());

const DAY_MS = 24 * 60 * 60 * 1000;
type Item = Record<string, any>;
const itemsOf = (instanceId: string): Item[] =>
  Object.values(stack.emulator.state().sites.find((s) => s.site.instanceId === instanceId)!.collections).flat() as Item[];
const eventItems = (instanceId: string) => itemsOf(instanceId).filter((item) => item.kind === 'event');

/** Moves a site's journal entries back in time, as if they had been received days ago (the emulator's items are live). */
function age(instanceId: string, days: number): void {
  for (const item of eventItems(instanceId)) {
    expect(item.receivedAt).toHaveProperty('$date');
    item.receivedAt = { $date: new Date(Date.parse(item.receivedAt.$date) - days * DAY_MS).toISOString() };
  }
}

it('a message with no reply due removes the site\'s week-old journal entries in one call, within its budget', async () => {
  const site = stack.emulator.createSite({ businessName: 'Tidy Tea' });
  const other = stack.emulator.createSite({ businessName: 'Other Tea' });
  const first = stack.emulator.visitorSends(site.instanceId, { text: 'Hello' });
  stack.emulator.visitorSends(other.instanceId, { text: 'Hello' });
  await stack.settle();
  expect(stack.repliesOn(site.instanceId)).toHaveLength(1);
  // The replied message's request had no room (8 sub-requests): nothing was pruned yet.
  expect(stack.requestsFor(first.eventId).flatMap((r) => r.subrequests).filter((s) => s.path.endsWith('async-remove-by-filter'))).toEqual([]);
  age(site.instanceId, 8);
  age(other.instanceId, 8);
  const otherKinds = itemsOf(site.instanceId).filter((item) => item.kind !== 'event').length;

  const again = stack.emulator.visitorSends(site.instanceId, { visitorId: first.visitorId, text: 'Still there?' });
  await stack.settle();
  const [request] = stack.requestsFor(again.eventId);
  expect(request!.status).toBe(200);
  expect(request!.subrequests.filter((s) => s.path.includes('/wix-data/')).map((s) => s.path.split('/').at(-1)))
    .toEqual(['query', 'save', 'async-remove-by-filter']);
  expect(request!.subrequests.length).toBeLessThanOrEqual(5);

  expect(eventItems(site.instanceId).map((item) => item.eventId)).toEqual([again.eventId]);
  expect(itemsOf(site.instanceId).filter((item) => item.kind !== 'event').length).toBeGreaterThanOrEqual(otherKinds);
  expect(eventItems(other.instanceId)).toHaveLength(1);
  expect((await stack.list(site.instanceId)).items[0]).toMatchObject({ messageCount: 2 });
});

it('prunes a site at most every 6 hours per isolate, and keeps entries younger than 7 days', async () => {
  const site = stack.emulator.createSite({ businessName: 'Twice Tea' });
  const first = stack.emulator.visitorSends(site.instanceId, { text: 'Hello' });
  await stack.settle();
  const second = stack.emulator.visitorSends(site.instanceId, { visitorId: first.visitorId, text: 'Two' });
  await stack.settle();
  age(site.instanceId, 6);
  const third = stack.emulator.visitorSends(site.instanceId, { visitorId: first.visitorId, text: 'Three' });
  await stack.settle();
  const removes = (eventId: string) => stack.requestsFor(eventId).flatMap((r) => r.subrequests)
    .filter((s) => s.path.endsWith('async-remove-by-filter')).length;
  expect([removes(first.eventId), removes(second.eventId), removes(third.eventId)]).toEqual([0, 1, 0]);
  expect(eventItems(site.instanceId)).toHaveLength(3);
});

it('a site whose every message gets a reply is pruned when its owner opens the settings (read from the isolate), within 4', async () => {
  const site = stack.emulator.createSite({ businessName: 'Busy Tea' });
  for (let i = 0; i < 3; i++) stack.emulator.visitorSends(site.instanceId, { text: `Hello ${i}` });
  await stack.settle();
  expect(stack.repliesOn(site.instanceId)).toHaveLength(3);
  age(site.instanceId, 8);

  const before = stack.hosted.requests().length;
  expect((await stack.api(site.instanceId, 'GET', '/api/settings')).status).toBe(200);
  expect((await stack.api(site.instanceId, 'GET', '/api/settings')).status).toBe(200);
  await stack.hosted.settled();
  const [first, second] = stack.hosted.requests().slice(before);
  const dataCalls = (r: typeof first) => r!.subrequests.filter((s) => s.path.includes('/wix-data/')).map((s) => s.path.split('/').at(-1));
  // The first read fills the isolate's cache (no room); the second answers from it and prunes.
  expect(dataCalls(first)).toHaveLength(1);
  expect(dataCalls(second)).toEqual(['async-remove-by-filter']);
  // (The first is the site's first dashboard call in this isolate: it pays the app's token and the caller's check.)
  expect(second!.subrequests.length).toBeLessThanOrEqual(4);
  expect(eventItems(site.instanceId)).toEqual([]);
});

it('removes the week-old leftovers of conversations merged away too, and the person\'s conversation stays whole', async () => {
  const site = stack.emulator.createSite({ businessName: 'Merged Tea' });
  const visit = stack.emulator.visitorSends(site.instanceId, { text: 'Hello' });
  await stack.settle();
  stack.emulator.identifyVisitor(site.instanceId, visit.visitorId, { firstName: 'Lea', email: 'lea@example.com' });
  await stack.settle();
  const retired = () => itemsOf(site.instanceId).filter((item) => item.kind === 'merged');
  expect(retired().length).toBeGreaterThan(0);
  const [before] = (await stack.list(site.instanceId)).items;
  age(site.instanceId, 8);
  for (const item of retired()) item._updatedDate = { $date: new Date(Date.parse(item._updatedDate.$date) - 8 * DAY_MS).toISOString() };

  for (let i = 0; i < 2; i++) expect((await stack.api(site.instanceId, 'GET', '/api/settings')).status).toBe(200);
  await stack.hosted.settled();
  expect(retired()).toEqual([]);
  expect(eventItems(site.instanceId)).toEqual([]);
  const [after] = (await stack.list(site.instanceId)).items;
  expect(after).toEqual(before);
  expect(after).toMatchObject({ participantType: 'CONTACT', displayName: 'Lea', mergedFrom: [visit.conversationId] });
});
