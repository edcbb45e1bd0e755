import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator/index.js';
import { rejectionOf, siteClient, startQuietEmulator, type SiteClient } from './support/emulator-fixture.js';

let emu: Emulator;
let instanceId: string;
let client: SiteClient;

beforeAll(async () => {
  emu = await startQuietEmulator();
  instanceId = emu.createSite({ businessName: 'Tim’s Cookies' }).instanceId;
  client = siteClient(emu, instanceId);
});
afterAll(() => emu.close());

describe('conversations through the real @wix/inbox module', () => {
  it('creates a conversation once, then returns the same one', async () => {
    const visitorId = randomUUID();
    const first = await client.conversations.getOrCreateConversation({ anonymousVisitorId: visitorId });
    const again = await client.conversations.getOrCreateConversation({ anonymousVisitorId: visitorId });
    expect(first.newConversation).toBe(true);
    expect(again.newConversation).toBe(false);
    expect(again.conversation?._id).toBe(first.conversation?._id);
    expect(first.conversation?.participant).toEqual({ anonymousVisitorId: visitorId });
    expect(first.conversation?.businessDisplayData?.name).toBe('Tim’s Cookies');
  });

  it('gets a conversation by ID and answers CONVERSATION_NOT_FOUND for an unknown one', async () => {
    const { conversationId } = emu.visitorSends(instanceId, { text: 'Hello?' });
    const conversation = await client.conversations.getConversation(conversationId);
    expect(conversation._id).toBe(conversationId);
    const error = await rejectionOf(client.conversations.getConversation(randomUUID()));
    expect(error.status).toBe(404);
    expect(error.details?.applicationError?.code).toBe('CONVERSATION_NOT_FOUND');
  });

  it('rejects a participant ID that is not a GUID', async () => {
    const error = await rejectionOf(client.conversations.getOrCreateConversation({ contactId: 'nope' }));
    expect(error.status).toBe(400);
    expect(error.message).toContain('participantId.contactId');
  });
});

describe('messages through the real @wix/inbox module', () => {
  it('records what the app sends with sender.appId, visibility and badges, and emits no webhook', async () => {
    const { conversationId } = emu.visitorSends(instanceId, { text: 'Are you open?' });
    const eventsBefore = emu.webhooks.events().length;
    const { message } = await client.messages.sendMessage(conversationId, {
      direction: 'BUSINESS_TO_PARTICIPANT',
      visibility: 'BUSINESS',
      content: { basic: { items: [{ text: 'Internal note' }] } },
      badges: [{ text: 'Auto-reply', badgeVisibility: 'BUSINESS' }],
    });
    expect(message?.sender).toEqual({ appId: emu.app.appId });
    expect(message?.appId).toBe(emu.app.appId);
    expect(message?.visibility).toBe('BUSINESS');
    expect(message?.badges).toEqual([{ text: 'Auto-reply', badgeVisibility: 'BUSINESS' }]);
    expect(message?._createdDate).toBeInstanceOf(Date);
    expect(emu.webhooks.events()).toHaveLength(eventsBefore);
    expect(emu.sentByApp(instanceId).map((s) => s.message.id)).toContain(message?._id);
  });

  it('refuses a message to an unknown conversation', async () => {
    const error = await rejectionOf(client.messages.sendMessage(randomUUID(), {
      direction: 'BUSINESS_TO_PARTICIPANT', content: { basic: { items: [{ text: 'x' }] } },
    }));
    expect(error.details?.applicationError?.code).toBe('CONVERSATION_NOT_FOUND');
  });

  it('lists newest first, 30 a page, with a cursor to the next page', async () => {
    const { conversationId, visitorId } = emu.visitorSends(instanceId, { text: 'message 1' });
    for (let n = 2; n <= 35; n++) emu.visitorSends(instanceId, { visitorId, text: `message ${n}` });
    const first = await client.messages.listMessages(conversationId, 'BUSINESS');
    expect(first.messages).toHaveLength(30);
    expect(first.messages?.[0]?.content?.basic?.items?.[0]?.text).toBe('message 35');
    const next = first.pagingMetadata?.cursors?.next;
    expect(next).toBeTruthy();
    const second = await client.messages.listMessages(conversationId, 'BUSINESS', { paging: { cursor: next } });
    expect(second.messages?.map((m) => m.content?.basic?.items?.[0]?.text)).toEqual(
      ['message 5', 'message 4', 'message 3', 'message 2', 'message 1']);
    expect(second.pagingMetadata?.cursors?.next).toBeFalsy();
  });

  it('pages and sorts as asked (the `.r` form of the request)', async () => {
    const { conversationId, visitorId } = emu.visitorSends(instanceId, { text: 'one' });
    emu.visitorSends(instanceId, { visitorId, text: 'two' });
    emu.visitorSends(instanceId, { visitorId, text: 'three' });
    const page = await client.messages.listMessages(conversationId, 'BUSINESS', {
      paging: { limit: 2 }, sorting: { fieldName: 'sequence', order: 'ASC' },
    });
    expect(page.messages?.map((m) => m.content?.basic?.items?.[0]?.text)).toEqual(['one', 'two']);
    const rest = await client.messages.listMessages(conversationId, 'BUSINESS', {
      paging: { limit: 2, cursor: page.pagingMetadata?.cursors?.next }, sorting: { fieldName: 'sequence', order: 'ASC' },
    });
    expect(rest.messages?.map((m) => m.content?.basic?.items?.[0]?.text)).toEqual(['three']);
  });

  it('hides BUSINESS-only messages from a BUSINESS_AND_PARTICIPANT listing', async () => {
    const { conversationId } = emu.visitorSends(instanceId, { text: 'hi' });
    await client.messages.sendMessage(conversationId, {
      direction: 'BUSINESS_TO_PARTICIPANT', visibility: 'BUSINESS', content: { basic: { items: [{ text: 'note' }] } },
    });
    emu.businessReplies(instanceId, conversationId, 'Hello from the team');
    const visible = await client.messages.listMessages(conversationId, 'BUSINESS_AND_PARTICIPANT');
    expect(visible.messages?.map((m) => m.content?.basic?.items?.[0]?.text)).toEqual(['Hello from the team', 'hi']);
    const all = await client.messages.listMessages(conversationId, 'BUSINESS');
    expect(all.messages).toHaveLength(3);
  });
});
