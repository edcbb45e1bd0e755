import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONVERSATIONS_MERGED, MESSAGE_SENT_TO_BUSINESS } from '../../emulator/index.js';
import { startHostedStack, type HostedStack } from './hosted-stack.js';

let stack: HostedStack;
beforeAll(async () => {
  stack = await startHostedStack();
});
afterAll(async () => stack.close());

describe('webhooks reach the built worker as Wix sends them', () => {
  it('routes each event type to the callback URL the built manifest registers for its slug', () => {
    const { webhooks } = stack.hosted.app;
    // App Removed is one of Wix's older webhooks: `wix build` gives it the slug APP_REMOVED_WEBHOOK; its JWTs say AppRemoved.
    expect(Object.keys(webhooks).sort()).toEqual(['APP_REMOVED_WEBHOOK', 'AppRemoved', CONVERSATIONS_MERGED, MESSAGE_SENT_TO_BUSINESS].sort());
    for (const path of Object.values(webhooks)) expect(path).toMatch(/^\/_wix\/extensions\/webhooks\/[0-9a-f]{64}$/);
    expect(webhooks.AppRemoved).toBe(webhooks.APP_REMOVED_WEBHOOK);
    expect(new Set([webhooks[MESSAGE_SENT_TO_BUSINESS], webhooks[CONVERSATIONS_MERGED], webhooks.AppRemoved]).size).toBe(3);
  });

  it('answers 200 to a raw JWT posted as text/plain, and records the message', async () => {
    const site = stack.emulator.createSite({ businessName: 'Plain Text Bakery' });
    stack.emulator.setWebhookUrls(undefined);
    try {
      stack.emulator.setWebhookUrl(undefined); // no delivery by the emulator: this test posts the webhook itself
      const sent = stack.emulator.visitorSends(site.instanceId, { text: 'Is the sourdough vegan?' });
      const event = stack.emulator.webhooks.events().find((e) => e.eventId === sent.eventId)!;
      const response = await stack.deliver(event, 'text/plain');
      expect(response.status).toBe(200);
      await stack.settle();
      const list = await stack.list(site.instanceId);
      expect(list.items).toEqual([expect.objectContaining({ conversationId: sent.conversationId, messageCount: 1 })]);
    } finally {
      routeToWorker();
    }
  });

  it('delivers every event through the emulator to its slug\'s URL, and the worker answers 200', async () => {
    const site = stack.emulator.createSite();
    const first = stack.emulator.visitorSends(site.instanceId, { text: 'Hello' });
    const contact = stack.emulator.identifyVisitor(site.instanceId, first.visitorId, { firstName: 'Ana', email: 'ana@example.com' });
    await stack.settle();
    const merge = stack.emulator.webhooks.events().find((e) => e.instanceId === site.instanceId && e.eventType === CONVERSATIONS_MERGED)!;
    const deliveries = stack.emulator.webhooks.deliveries().filter((d) => d.instanceId === site.instanceId);
    for (const d of deliveries) expect(d.url).toBe(`${stack.hosted.url}${stack.hosted.app.webhooks[d.eventType]}`);
    const last = (eventId: string) => deliveries.filter((d) => d.eventId === eventId).at(-1);
    expect(last(first.eventId)).toMatchObject({ eventType: MESSAGE_SENT_TO_BUSINESS, outcome: 'delivered', httpStatus: 200 });
    expect(last(merge.eventId)).toMatchObject({ eventType: CONVERSATIONS_MERGED, outcome: 'delivered', httpStatus: 200 });
    expect(stack.requestsFor(first.eventId).map((r) => r.kind)).toContain(MESSAGE_SENT_TO_BUSINESS);
    expect(stack.requestsFor(merge.eventId).map((r) => r.kind)).toContain(CONVERSATIONS_MERGED);
    expect((await stack.list(site.instanceId)).items).toEqual([expect.objectContaining({ conversationId: contact.conversationId, displayName: 'Ana' })]);
  });

  it('is not refused by the framework: a cross-site text/plain POST with no Origin reaches the webhook handler', async () => {
    // A token that is not valid makes the handler itself refuse it; Astro's origin check (403) never answers.
    const response = await fetch(`${stack.hosted.url}${stack.hosted.app.webhooks[MESSAGE_SENT_TO_BUSINESS]}`,
      { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'not.a.jwt' });
    expect(response.status).not.toBe(403);
    expect(await response.text()).not.toMatch(/Cross-site/i);

    // A redelivery of an event the app has processed, posted as text/plain: 200, and nothing counted twice.
    const site = stack.emulator.createSite();
    const sent = stack.emulator.visitorSends(site.instanceId, { text: 'Once only' });
    await stack.settle();
    const event = stack.emulator.webhooks.events().find((e) => e.eventId === sent.eventId)!;
    expect((await stack.deliver(event, 'text/plain')).status).toBe(200);
    await stack.hosted.settled();
    expect((await stack.list(site.instanceId)).items.map((i) => i.messageCount)).toEqual([1]);
  });

  it('does not act on a webhook signed with another key', async () => {
    const site = stack.emulator.createSite();
    stack.emulator.setWebhookUrl(undefined);
    try {
      const sent = stack.emulator.visitorSends(site.instanceId, { text: 'Forged' });
      const event = stack.emulator.webhooks.events().find((e) => e.eventId === sent.eventId)!;
      const jwt = await stack.emulator.webhooks.sign(event);
      const [header, payload] = jwt.split('.');
      const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
      const response = await fetch(`${stack.hosted.url}${stack.hosted.app.webhooks[event.eventType]}`,
        { method: 'POST', headers: { 'content-type': 'text/plain' }, body: forged });
      expect(response.status).not.toBe(200);
      await stack.hosted.settled();
      expect((await stack.list(site.instanceId)).items).toEqual([]);
      expect(stack.emulator.sentByApp(site.instanceId)).toEqual([]);
    } finally {
      routeToWorker();
    }
  });

  it('is resent on Wix\'s schedule when the worker does not answer within 1250 ms, and counted once', async () => {
    const site = stack.emulator.createSite();
    // The first Wix Data call of the first delivery hangs past Wix's deadline; the resend finds Wix healthy.
    stack.emulator.faults.add({ path: '/wix-data/v2/items', delayMs: 1600, times: 1 });
    const sent = stack.emulator.visitorSends(site.instanceId, { text: 'Slow day?' });
    await stack.settle();
    const attempts = stack.emulator.webhooks.deliveries().filter((d) => d.eventId === sent.eventId);
    expect(attempts[0]).toMatchObject({ outcome: 'timeout', attempt: 1 });
    expect(attempts.at(-1)).toMatchObject({ outcome: 'delivered', httpStatus: 200 });
    const [row] = (await stack.list(site.instanceId)).items;
    expect(row).toMatchObject({ conversationId: sent.conversationId, messageCount: 1 });
    expect(stack.repliesOn(site.instanceId)).toHaveLength(1);
  });
});

function routeToWorker(): void {
  const { webhooks } = stack.hosted.app;
  stack.emulator.setWebhookUrls(Object.fromEntries(Object.entries(webhooks).map(([slug, path]) => [slug, `${stack.hosted.url}${path}`])));
}
