import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator/index.js';
import { siteClient, startQuietEmulator } from './support/emulator-fixture.js';
import { peek, startWebhookReceiver } from './support/webhook-receiver.js';

let emu: Emulator;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  emu = await startQuietEmulator();
});
afterAll(async () => {
  await emu.close();
  await receiver.close();
});

async function control<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${emu.url}/_emulator${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${JSON.stringify(json)}`);
  return json as T;
}

describe('the driving API over HTTP (/_emulator)', () => {
  it('runs the lifecycle, delivers webhooks and shows the state', async () => {
    await control('PUT', '/webhook-url', { url: receiver.url });
    const site = await control('POST', '/sites', { businessName: 'Corner Shop', timeZone: 'Europe/Paris' });
    expect(site).toMatchObject({ businessName: 'Corner Shop', timeZone: 'Europe/Paris' });
    const sent = await control('POST', `/sites/${site.instanceId}/visitor-messages`, { text: 'Hello' });
    const identified = await control('POST', `/sites/${site.instanceId}/visitors/${sent.visitorId}/identify`,
      { firstName: 'Dee', email: 'dee@example.com' });
    const registered = await control('POST', `/sites/${site.instanceId}/contacts/${identified.contactId}/register`,
      { nickname: 'dee' });
    await control('POST', `/sites/${site.instanceId}/member-messages`, { memberId: registered.memberId, text: 'Me again' });
    await control('POST', `/sites/${site.instanceId}/conversations/${registered.conversationId}/business-replies`,
      { text: 'Hi Dee' });
    await control('POST', '/settled');
    expect(receiver.received.map((r) => peek(r.body).eventType.split('_').slice(-2).join('_')))
      .toEqual(['to_business', 'conversations_merged', 'conversations_merged', 'to_business']);

    const thread = await control('GET', `/sites/${site.instanceId}/conversations/${registered.conversationId}/messages`);
    expect(thread.messages.map((m: any) => m.content.basic.items[0].text)).toEqual(['Hello', 'Me again', 'Hi Dee']);
    const { deliveries } = await control('GET', '/deliveries');
    expect(deliveries.every((d: any) => d.outcome === 'delivered')).toBe(true);
    const state = await control('GET', '/state');
    const mine = state.sites.find((s: any) => s.site.instanceId === site.instanceId);
    expect(mine.conversations.filter((c: any) => c.mergedInto)).toHaveLength(2);
  });

  it('shows what the app sent, and injects faults with a path pattern', async () => {
    const site = await control('POST', '/sites', {});
    const sent = await control('POST', `/sites/${site.instanceId}/visitor-messages`, { text: 'Hi' });
    const client = siteClient(emu, site.instanceId);
    await client.messages.sendMessage(sent.conversationId, {
      direction: 'BUSINESS_TO_PARTICIPANT', content: { basic: { items: [{ text: 'Auto: we reply within 1h' }] } },
    });
    const { sent: byApp } = await control('GET', `/sites/${site.instanceId}/sent-by-app`);
    expect(byApp).toHaveLength(1);
    expect(byApp[0].message.sender.appId).toBe(emu.app.appId);

    await control('POST', '/faults', { pathPattern: '^/inbox/', status: 503, times: 1 });
    expect((await control('GET', '/faults')).faults).toHaveLength(1);
    await expect(client.conversations.getConversation(sent.conversationId)).rejects.toMatchObject({ status: 503 });
    expect((await control('GET', '/faults')).faults).toHaveLength(0);
  });

  it('tells the app settings, and names unknown control routes', async () => {
    const info = await control('GET', '');
    expect(info.app).toMatchObject({ appId: emu.app.appId, publicKeyPem: emu.app.publicKeyPem });
    const response = await fetch(`${emu.url}/_emulator/site`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { message: string }).message).toContain('POST /_emulator/sites');
  });
});
