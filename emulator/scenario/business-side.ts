import { createContact, type ContactInput } from '../crm/contacts.js';
import { latestConversation } from '../inbox/conversations.js';
import { appendMessage, threadOf } from '../inbox/messages.js';
import type { Message } from '../state/types.js';
import { platformNow, type Platform } from './platform.js';

/** A person from the business answers in the Inbox; Wix sends the app no webhook for that. */
export function businessReplies(p: Platform, instanceId: string, conversationId: string, text: string): Message {
  const state = p.world.site(instanceId);
  const target = latestConversation(state, conversationId);
  return appendMessage(state, target.conversation.id, {
    content: { basic: { items: [{ text }] }, previewText: text },
    sender: { wixUserId: state.site.accountId },
    direction: 'BUSINESS_TO_PARTICIPANT',
    visibility: 'BUSINESS_AND_PARTICIPANT',
    targetChannels: ['CHAT'],
  }, platformNow(p));
}

/** A contact the business already has (an import, a form), not tied to any visitor. */
export function addContact(p: Platform, instanceId: string, input: ContactInput): { contactId: string } {
  const contact = createContact(p.world.site(instanceId), input, platformNow(p), 'ADMIN');
  return { contactId: String(contact.id) };
}

/** Every message the app sent on this site, with the conversation it landed in. */
export function sentByApp(p: Platform, instanceId: string): { conversationId: string; message: Message }[] {
  return p.world.site(instanceId).messages
    .filter((stored) => stored.message.sender.appId)
    .map((stored) => ({ conversationId: stored.conversationId, message: stored.message }));
}

/** A conversation's thread (merged conversations included), oldest first. */
export function conversationMessages(p: Platform, instanceId: string, conversationId: string): Message[] {
  return threadOf(p.world.site(instanceId), conversationId).map((stored) => stored.message);
}
