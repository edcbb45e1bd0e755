import { getOrCreateConversation } from '../inbox/conversations.js';
import { appendMessage } from '../inbox/messages.js';
import { currentIdentity, ensureVisitor } from '../inbox/participants.js';
import type { SiteState } from '../state/site-state.js';
import type { Identification, Message } from '../state/types.js';
import { newGuid } from '../util/ids.js';
import type { WebhookIdentity } from '../webhooks/domain-events.js';
import { messageSentToBusiness } from '../webhooks/inbox-events.js';
import { platformNow, type Platform } from './platform.js';

export interface ParticipantMessage {
  text: string;
  /** CHAT (default), EMAIL, SMS, WHATSAPP, FACEBOOK, INSTAGRAM. */
  channel?: string;
}

export interface SentToBusiness {
  conversationId: string;
  message: Message;
  eventId: string;
}

/** A site visitor writes in the chat (a new visitor unless `visitorId` is given). */
export function visitorSends(p: Platform, instanceId: string, input: ParticipantMessage & { visitorId?: string }) {
  const state = p.world.site(instanceId);
  const visitorId = input.visitorId ?? newGuid();
  ensureVisitor(state, visitorId, platformNow(p));
  const who = currentIdentity(state, { anonymousVisitorId: visitorId });
  const identity: WebhookIdentity = who.memberId
    ? { identityType: 'MEMBER', memberId: who.memberId }
    : { identityType: 'ANONYMOUS_VISITOR', anonymousVisitorId: visitorId };
  return { visitorId, ...sendToBusiness(p, state, who, identity, input) };
}

/** A contact writes (e.g. by email); a contact who is not a member has no identity of its own. */
export function contactSends(p: Platform, instanceId: string, input: ParticipantMessage & { contactId: string }) {
  const state = p.world.site(instanceId);
  const who = currentIdentity(state, { contactId: input.contactId });
  const visitor = [...state.visitors.values()].find((v) => v.contactId === input.contactId);
  const identity: WebhookIdentity | undefined = who.memberId
    ? { identityType: 'MEMBER', memberId: who.memberId }
    : visitor ? { identityType: 'ANONYMOUS_VISITOR', anonymousVisitorId: visitor.id } : undefined;
  return sendToBusiness(p, state, who, identity, input);
}

/** A logged-in member writes in the chat. */
export function memberSends(p: Platform, instanceId: string, input: ParticipantMessage & { memberId: string }) {
  const state = p.world.site(instanceId);
  const who = currentIdentity(state, { memberId: input.memberId });
  return sendToBusiness(p, state, who, { identityType: 'MEMBER', memberId: input.memberId }, input);
}

function sendToBusiness(p: Platform, state: SiteState, who: Identification, identity: WebhookIdentity | undefined,
  input: ParticipantMessage): SentToBusiness {
  const now = platformNow(p);
  const { record } = getOrCreateConversation(state, who, now);
  const message = appendMessage(state, record.conversation.id, {
    content: { basic: { items: [{ text: input.text }] }, previewText: input.text },
    sender: { ...who },
    direction: 'PARTICIPANT_TO_BUSINESS',
    visibility: 'BUSINESS_AND_PARTICIPANT',
    sourceChannel: input.channel ?? 'CHAT',
  }, now);
  const event = messageSentToBusiness(state.site, record.conversation.id, message, identity);
  p.emit(event);
  return { conversationId: record.conversation.id, message, eventId: event.eventId };
}
