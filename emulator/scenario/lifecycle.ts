import { contactByEmail, createContact, type ContactInput } from '../crm/contacts.js';
import { createMember, type MemberInput } from '../crm/members.js';
import { WixError } from '../http/wix-error.js';
import { conversationOf, mergeConversations, openConversation } from '../inbox/conversations.js';
import { currentIdentity } from '../inbox/participants.js';
import type { SiteState } from '../state/site-state.js';
import type { ConversationRecord, Identification } from '../state/types.js';
import type { WebhookIdentity } from '../webhooks/domain-events.js';
import { conversationsMerged } from '../webhooks/inbox-events.js';
import { platformNow, type Platform } from './platform.js';

export interface Identified {
  contactId: string;
  conversationId: string;
  /** Conversations merged into `conversationId` (empty when the visitor had none). */
  mergedFrom: string[];
}

/**
 * A visitor leaves their details and becomes a contact (or is matched to the contact with that email).
 * The contact's conversation is a NEW one; the visitor's conversation merges into it.
 */
export function identifyVisitor(p: Platform, instanceId: string, visitorId: string, input: ContactInput): Identified {
  const state = p.world.site(instanceId);
  const visitor = state.visitors.get(visitorId);
  if (!visitor) throw new WixError(404, 'VISITOR_NOT_FOUND', `Visitor ${visitorId} has not visited site ${instanceId}`);
  if (visitor.contactId) {
    throw new WixError(409, 'ALREADY_IDENTIFIED', `Visitor ${visitorId} is already contact ${visitor.contactId}`);
  }
  const now = platformNow(p);
  const old = conversationOf(state, { anonymousVisitorId: visitorId });
  const contact = contactByEmail(state, input.email) ?? createContact(state, input, now);
  visitor.contactId = String(contact.id);
  const target = mergeIntoCurrent(p, state, currentIdentity(state, { contactId: visitor.contactId }), old,
    { identityType: 'ANONYMOUS_VISITOR', anonymousVisitorId: visitorId });
  return { contactId: visitor.contactId, ...target };
}

export interface Registered {
  memberId: string;
  conversationId: string;
  mergedFrom: string[];
}

/** A contact signs up as a site member: a NEW member conversation, the contact's one merges into it. */
export function registerMember(p: Platform, instanceId: string, contactId: string, input: MemberInput): Registered {
  const state = p.world.site(instanceId);
  if (!state.contacts.has(contactId)) throw new WixError(404, 'CONTACT_NOT_FOUND', `Contact ${contactId} not found`);
  const existing = state.memberOfContact.get(contactId);
  if (existing) throw new WixError(409, 'ALREADY_MEMBER', `Contact ${contactId} is already member ${existing}`);
  const old = conversationOf(state, { contactId });
  const member = createMember(state, contactId, input, platformNow(p));
  const memberId = String(member.id);
  const target = mergeIntoCurrent(p, state, { memberId, contactId }, old, { identityType: 'MEMBER', memberId });
  return { memberId, ...target };
}

function mergeIntoCurrent(p: Platform, state: SiteState, who: Identification, old: ConversationRecord | undefined,
  identity: WebhookIdentity) {
  const now = platformNow(p);
  const target = conversationOf(state, who) ?? openConversation(state, who, now);
  const mergedFrom = old && old !== target ? [old.conversation.id] : [];
  if (mergedFrom.length) {
    mergeConversations(state, mergedFrom, target.conversation.id);
    p.emit(conversationsMerged(state.site, mergedFrom, target.conversation.id, identity, now));
  }
  return { conversationId: target.conversation.id, mergedFrom };
}
