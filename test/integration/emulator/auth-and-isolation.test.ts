import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock, type Emulator } from '../../../emulator/index.js';
import { rawCall, rejectionOf, siteClient, startQuietEmulator } from './support/emulator-fixture.js';

let emu: Emulator;
const clock = createManualClock();
const logged: string[] = [];

beforeAll(async () => {
  emu = await startQuietEmulator({ clock, log: (line) => logged.push(line) });
});
afterAll(() => emu.close());

describe('OAuth tokens', () => {
  it('refuses a wrong app secret with a message naming WIX_APP_SECRET', async () => {
    const { instanceId } = emu.createSite();
    const client = siteClient(emu, instanceId, { appSecret: 'not-the-secret' });
    const error = await rejectionOf(client.conversations.getOrCreateConversation({ anonymousVisitorId: randomUUID() }));
    expect(error.message).toContain(`WIX_APP_SECRET rejected by ${emu.url}/oauth2/token (401)`);
  });

  it('refuses an instance the app is not installed on, naming WIX_INSTANCE_ID', async () => {
    const client = siteClient(emu, randomUUID());
    const error = await rejectionOf(client.contacts.getContact(randomUUID()));
    expect(error.message).toContain('WIX_INSTANCE_ID');
  });

  it('refuses a call without a token', async () => {
    const response = await fetch(`${emu.url}/inbox/v2/conversations`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { message: string }).message).toMatch(/Authorization/);
  });

  it('expires tokens; the client fetches a new one after the 401', async () => {
    const { instanceId } = emu.createSite();
    const client = siteClient(emu, instanceId);
    const { conversationId } = emu.visitorSends(instanceId, { text: 'hi' });
    await client.conversations.getConversation(conversationId);
    clock.advance(5 * 60 * 60 * 1000);
    const error = await rejectionOf(client.conversations.getConversation(conversationId));
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/expired/);
    expect((await client.conversations.getConversation(conversationId))._id).toBe(conversationId);
  });
});

describe('instance isolation', () => {
  it('never lets site B’s token read site A’s conversation, contact or member', async () => {
    const siteA = emu.createSite().instanceId;
    const siteB = emu.createSite().instanceId;
    const sent = emu.visitorSends(siteA, { text: 'secret' });
    const { contactId } = emu.identifyVisitor(siteA, sent.visitorId, { firstName: 'Ann' });
    const { memberId } = emu.registerMember(siteA, contactId, { nickname: 'ann' });
    const b = siteClient(emu, siteB);
    expect((await rejectionOf(b.conversations.getConversation(sent.conversationId))).details?.applicationError?.code)
      .toBe('CONVERSATION_NOT_FOUND');
    expect((await rejectionOf(b.contacts.getContact(contactId))).details?.applicationError?.code)
      .toBe('CONTACT_NOT_FOUND');
    expect((await rejectionOf(b.members.getMember(memberId))).status).toBe(404);
    expect((await rejectionOf(b.messages.listMessages(sent.conversationId, 'BUSINESS'))).status).toBe(404);
    expect((await b.contacts.queryContacts().find()).items).toEqual([]);
    expect((await siteClient(emu, siteA).contacts.getContact(contactId))._id).toBe(contactId);
  });
});

describe('requests the emulator does not know', () => {
  it('fail loudly: 404 naming the method and path, with the nearest known routes, and a log line', async () => {
    const { instanceId } = emu.createSite();
    const response = await rawCall(emu, instanceId, 'GET', '/inbox/v2/conversations');
    expect(response.status).toBe(404);
    const body = (await response.json()) as { message: string; details: { applicationError: { code: string } } };
    expect(body.details.applicationError.code).toBe('UNKNOWN_ROUTE');
    expect(body.message).toContain('GET /inbox/v2/conversations');
    expect(body.message).toContain('GET /inbox/v2/conversations/{conversationId}');
    expect(logged.some((line) => line.includes('no route for GET /inbox/v2/conversations'))).toBe(true);
  });
});
