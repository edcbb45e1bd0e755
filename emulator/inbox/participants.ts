import { invalidArgument, notFound } from '../http/wix-error.js';
import type { SiteState } from '../state/site-state.js';
import type { Identification } from '../state/types.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The most current identity of a person: a visitor who became a contact is that contact,
 * a contact who became a member is that member (with the contact ID alongside).
 */
export function currentIdentity(state: SiteState, participantId: Identification): Identification {
  if (participantId.memberId) {
    const id = guidField('participantId.memberId', participantId.memberId);
    const member = state.members.get(id);
    if (!member) throw notFound('MEMBER_NOT_FOUND', `Member ${id} not found on this site`, { memberId: id });
    return { memberId: id, contactId: String(member.contactId) };
  }
  if (participantId.contactId) {
    const id = guidField('participantId.contactId', participantId.contactId);
    if (!state.contacts.has(id)) throw notFound('CONTACT_NOT_FOUND', `Contact ${id} not found`, { contactId: id });
    const memberId = state.memberOfContact.get(id);
    return memberId ? { memberId, contactId: id } : { contactId: id };
  }
  if (participantId.anonymousVisitorId) {
    const id = guidField('participantId.anonymousVisitorId', participantId.anonymousVisitorId);
    const visitor = ensureVisitor(state, id);
    return visitor.contactId ? currentIdentity(state, { contactId: visitor.contactId }) : { anonymousVisitorId: id };
  }
  throw invalidArgument('participantId', 'must set one of contactId, memberId or anonymousVisitorId');
}

/** One key per person-identity, used to find the conversation that belongs to it. */
export const identityKey = (who: Identification): string =>
  who.memberId ? `member:${who.memberId}` : who.contactId ? `contact:${who.contactId}` : `visitor:${who.anonymousVisitorId}`;

export function displayName(state: SiteState, who: Identification): string {
  if (who.memberId) {
    const profile = state.members.get(who.memberId)?.profile as { nickname?: string } | undefined;
    if (profile?.nickname) return profile.nickname;
  }
  if (who.contactId) {
    const info = state.contacts.get(who.contactId)?.info as { name?: { first?: string; last?: string } } | undefined;
    const name = [info?.name?.first, info?.name?.last].filter(Boolean).join(' ');
    if (name) return name;
  }
  return 'Visitor';
}

export function ensureVisitor(state: SiteState, visitorId: string, nowIso = new Date().toISOString()) {
  let visitor = state.visitors.get(visitorId);
  if (!visitor) {
    visitor = { id: visitorId, createdDate: nowIso };
    state.visitors.set(visitorId, visitor);
  }
  return visitor;
}

function guidField(field: string, value: unknown): string {
  if (typeof value !== 'string' || !GUID.test(value)) throw invalidArgument(field, 'must be a GUID');
  return value;
}
