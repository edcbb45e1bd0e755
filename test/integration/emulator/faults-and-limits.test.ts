import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type Emulator } from '../../../emulator/index.js';
import { rawCall, rejectionOf, siteClient, startQuietEmulator } from './support/emulator-fixture.js';

let emu: Emulator;
const clock = createManualClock();

beforeAll(async () => {
  emu = await startQuietEmulator({ clock });
});
afterAll(() => emu.close());
beforeEach(() => emu.faults.clear());

describe('injected faults', () => {
  it('answers 429 with Retry-After, the given number of times, then serves again', async () => {
    const { instanceId } = emu.createSite();
    const client = siteClient(emu, instanceId);
    const { conversationId } = emu.visitorSends(instanceId, { text: 'hi' });
    emu.faults.add({ method: 'GET', path: '/inbox/v2/conversations', status: 429, retryAfterSeconds: 7, times: 2 });
    const response = await rawCall(emu, instanceId, 'GET', `/inbox/v2/conversations/${conversationId}`);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect((await rejectionOf(client.conversations.getConversation(conversationId))).status).toBe(429);
    expect((await client.conversations.getConversation(conversationId))._id).toBe(conversationId);
  });

  it('answers 500 and 503 for paths matching a RegExp', async () => {
    const { instanceId } = emu.createSite();
    const client = siteClient(emu, instanceId);
    emu.faults.add({ path: /^\/contacts\/v4\//, status: 503 });
    emu.faults.add({ path: /^\/contacts\/v4\//, status: 500 });
    expect((await rejectionOf(client.contacts.queryContacts().find())).status).toBe(503);
    expect((await rejectionOf(client.contacts.queryContacts().find())).status).toBe(500);
    expect((await client.contacts.queryContacts().find()).items).toEqual([]);
  });

  it('slows answers down without failing them', async () => {
    const { instanceId } = emu.createSite();
    const client = siteClient(emu, instanceId);
    emu.faults.add({ path: '/inbox/v2/conversations', delayMs: 300 });
    const started = Date.now();
    await client.conversations.getOrCreateConversation({ anonymousVisitorId: randomUUID() });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('serves the request and then loses the answer (afterServe): a 500, or a dropped connection', async () => {
    const { instanceId } = emu.createSite();
    const client = siteClient(emu, instanceId);
    const { conversationId } = emu.visitorSends(instanceId, { text: 'hi' });
    const reply = (text: string) => client.messages.sendMessage(conversationId, {
      direction: 'BUSINESS_TO_PARTICIPANT', content: { basic: { items: [{ text }] } },
    } as any);
    emu.faults.add({ method: 'POST', path: '/inbox/v2/messages', status: 500, afterServe: true });
    expect((await rejectionOf(reply('stored, answered 500'))).status).toBe(500);
    emu.faults.add({ method: 'POST', path: '/inbox/v2/messages', afterServe: true });
    expect((await rejectionOf(reply('stored, connection dropped'))).status).toBeUndefined();
    expect(emu.sentByApp(instanceId).map((s) => (s.message.content as { basic: { items: { text: string }[] } }).basic.items[0]!.text))
      .toEqual(['stored, answered 500', 'stored, connection dropped']);
    expect(emu.faults.list()).toEqual([]);
  });
});

describe('the rate limit of 200 requests per minute per site', () => {
  it('answers 429 with Retry-After on the 201st request, counts each site apart, and lifts after a minute', async () => {
    const busy = emu.createSite().instanceId;
    const quiet = emu.createSite().instanceId;
    const client = siteClient(emu, busy);
    const { conversationId } = emu.visitorSends(busy, { text: 'hi' });
    for (let batch = 0; batch < 4; batch++) {
      await Promise.all(Array.from({ length: 50 }, () => client.conversations.getConversation(conversationId)));
    }
    clock.advance(20_000);
    const error = await rejectionOf(client.conversations.getConversation(conversationId));
    expect(error.status).toBe(429);
    expect(error.message).toContain('200 requests per minute');
    const raw = await rawCall(emu, busy, 'GET', `/inbox/v2/conversations/${conversationId}`);
    expect(raw.status).toBe(429);
    expect(Number(raw.headers.get('retry-after'))).toBe(40);
    expect((await siteClient(emu, quiet).contacts.queryContacts().find()).items).toEqual([]);
    clock.advance(40_000);
    expect((await client.conversations.getConversation(conversationId))._id).toBe(conversationId);
  });
});
