import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, messages } from '@wix/inbox';
import type { Emulator } from '../../../emulator/index.js';
import { createWebhookClient } from '../../../src/wix/client.js';
import { siteClient, startQuietEmulator } from './support/emulator-fixture.js';
import { peek, startWebhookReceiver } from './support/webhook-receiver.js';

let emu: Emulator;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  emu = await startQuietEmulator({ webhookUrl: receiver.url });
});
afterAll(async () => {
  await emu.close();
  await receiver.close();
});

const SENT = 'wix.crm.inbox.v2.message_message_sent_to_business';
const MERGED = 'wix.crm.inbox.v2.conversation_conversations_merged';

describe('visitor → contact → member', () => {
  it('opens a new conversation at each step, merges the old one, and says so in webhooks', async () => {
    const { instanceId } = emu.createSite({ businessName: 'Bakery' });
    const client = siteClient(emu, instanceId);

    const asVisitor = emu.visitorSends(instanceId, { text: 'Hi, is the shop open?' });
    const asContact = emu.identifyVisitor(instanceId, asVisitor.visitorId,
      { firstName: 'Ann', lastName: 'Lee', email: 'ann@example.com' });
    const contactMessage = emu.visitorSends(instanceId, { visitorId: asVisitor.visitorId, text: 'It is Ann' });
    const asMember = emu.registerMember(instanceId, asContact.contactId, { nickname: 'annie' });
    const memberMessage = emu.memberSends(instanceId, { memberId: asMember.memberId, text: 'Now a member' });
    await emu.webhooks.settled();

    expect(asContact.mergedFrom).toEqual([asVisitor.conversationId]);
    expect(asContact.conversationId).not.toBe(asVisitor.conversationId);
    expect(contactMessage.conversationId).toBe(asContact.conversationId);
    expect(asMember.mergedFrom).toEqual([asContact.conversationId]);
    expect(memberMessage.conversationId).toBe(asMember.conversationId);

    const received = receiver.received.map((r) => peek(r.body));
    expect(received.map((r) => r.eventType)).toEqual([SENT, MERGED, SENT, MERGED, SENT]);
    expect(received[1]!.body).toEqual({ oldConversationIds: [asVisitor.conversationId],
      targetConversationId: asContact.conversationId });
    expect(received[3]!.body).toEqual({ oldConversationIds: [asContact.conversationId],
      targetConversationId: asMember.conversationId });
    expect((received[2]!.body.message as { sender: unknown }).sender).toEqual({ contactId: asContact.contactId });
    expect((received[4]!.body.message as { sender: unknown }).sender)
      .toEqual({ memberId: asMember.memberId, contactId: asContact.contactId });

    const webhooks = createWebhookClient({ appId: emu.app.appId, publicKey: emu.app.publicKeyPem,
      modules: { messages, conversations } });
    const handled: string[] = [];
    webhooks.messages.onMessageSentToBusiness((e) => void handled.push(`sent:${e.data.conversationId}`));
    webhooks.conversations.onConversationConversationsMerged((e) =>
      void handled.push(`merged:${e.data.oldConversationIds?.join()}→${e.data.targetConversationId}`));
    for (const { body } of receiver.received) await webhooks.webhooks.process(body);
    expect(handled).toEqual([
      `sent:${asVisitor.conversationId}`,
      `merged:${asVisitor.conversationId}→${asContact.conversationId}`,
      `sent:${asContact.conversationId}`,
      `merged:${asContact.conversationId}→${asMember.conversationId}`,
      `sent:${asMember.conversationId}`,
    ]);

    for (const participantId of [{ memberId: asMember.memberId }, { contactId: asContact.contactId },
      { anonymousVisitorId: asVisitor.visitorId }]) {
      const current = await client.conversations.getOrCreateConversation(participantId);
      expect(current.conversation?._id).toBe(asMember.conversationId);
      expect(current.newConversation).toBe(false);
    }
    const thread = await client.messages.listMessages(asMember.conversationId, 'BUSINESS',
      { sorting: { fieldName: 'sequence', order: 'ASC' } });
    expect(thread.messages?.map((m) => m.content?.basic?.items?.[0]?.text))
      .toEqual(['Hi, is the shop open?', 'It is Ann', 'Now a member']);
  });

  it('routes the app’s reply to an old, merged conversation into the current one', async () => {
    const { instanceId } = emu.createSite();
    const client = siteClient(emu, instanceId);
    const first = emu.visitorSends(instanceId, { text: 'hello' });
    const { conversationId } = emu.identifyVisitor(instanceId, first.visitorId, { firstName: 'Bo' });
    await client.messages.sendMessage(first.conversationId, {
      direction: 'BUSINESS_TO_PARTICIPANT', content: { basic: { items: [{ text: 'Welcome back' }] } },
    });
    expect(emu.sentByApp(instanceId).map((s) => s.conversationId)).toEqual([conversationId]);
    expect(emu.messages(instanceId, conversationId).map((m) => m.content)).toHaveLength(2);
  });

  it('delivers a contact’s email with sender {contactId} and no identity (there is no CONTACT identity)', async () => {
    const { instanceId } = emu.createSite();
    const { contactId } = emu.addContact(instanceId, { firstName: 'Eve', email: 'eve@example.com' });
    await emu.webhooks.settled();
    receiver.clear();
    const sent = emu.contactSends(instanceId, { contactId, text: 'Sent by email', channel: 'EMAIL' });
    await emu.webhooks.settled();
    const webhooks = createWebhookClient({ appId: emu.app.appId, publicKey: emu.app.publicKeyPem,
      modules: { messages, conversations } });
    const processed = await webhooks.webhooks.process(receiver.received[0]!.body);
    expect(processed.identity).toBeUndefined();
    expect(peek(receiver.received[0]!.body).body).toMatchObject({
      conversationId: sent.conversationId,
      message: { sender: { contactId }, sourceChannel: 'EMAIL', direction: 'PARTICIPANT_TO_BUSINESS' },
    });
  });

  it('matches a visitor who gives a known email to that contact and merges into its conversation', async () => {
    const { instanceId } = emu.createSite();
    const { contactId } = emu.addContact(instanceId, { firstName: 'Fay', email: 'fay@example.com' });
    const byEmail = emu.contactSends(instanceId, { contactId, text: 'Earlier, by email' });
    const chat = emu.visitorSends(instanceId, { text: 'Now in the chat' });
    const identified = emu.identifyVisitor(instanceId, chat.visitorId, { firstName: 'Fay', email: 'FAY@example.com' });
    expect(identified).toEqual({ contactId, conversationId: byEmail.conversationId, mergedFrom: [chat.conversationId] });
    expect(emu.messages(instanceId, byEmail.conversationId).map((m) => m.content.previewText))
      .toEqual(['Earlier, by email', 'Now in the chat']);
  });
});
