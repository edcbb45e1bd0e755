import type { ParticipantIds, ParticipantType } from './participant.js';

/** What the Directory told us about a person; every field may be missing. */
export interface PersonDetails {
  firstName?: string;
  lastName?: string;
  nickname?: string;
  email?: string;
  phone?: string;
}

/**
 * The name a site owner sees. A member by nickname, a contact by full name, then by email or phone;
 * an anonymous visitor as "Visitor" and a short tag from their ID, so two visitors can be told apart.
 */
export function displayName(type: ParticipantType, ids: ParticipantIds, details: PersonDetails = {}): string {
  const fullName = [details.firstName, details.lastName].map(clean).filter(Boolean).join(' ');
  const nickname = clean(details.nickname);
  const candidates = type === 'MEMBER' ? [nickname, fullName] : [fullName, nickname];
  for (const name of [...candidates, clean(details.email), clean(details.phone)]) {
    if (name) return name;
  }
  return fallbackName(type, ids);
}

/**
 * What Inbox (and this app, see fallbackName) shows for someone who left no name: a kind of person, perhaps with a
 * short tag or number ("Visitor", "Guest 12", "Contact #3F2A"). It names no one, so no greeting may use it.
 */
const PLACEHOLDER_NAME = /^(site\s+)?(visitor|guest|contact|member|customer|user|anonymous|unknown)(\s*(#\s*[0-9a-f]{1,8}|\d{1,8}))?$/i;

/**
 * What the name Wix Inbox shows for a participant (a conversation's `participantDisplayData.name`) says of them, until
 * Contacts or Members tell more: a member's is their nickname; a contact's is their name, else their email or phone.
 * An anonymous visitor's says nothing, and neither does a placeholder shown for someone who left no name.
 */
export function detailsFromDisplayName(type: ParticipantType, shown: string | undefined): PersonDetails {
  const name = clean(shown);
  if (!name || type === 'ANONYMOUS_VISITOR' || PLACEHOLDER_NAME.test(name)) return {};
  if (type === 'MEMBER') return { nickname: name };
  if (/^[^\s@]+@[^\s@]+$/.test(name)) return { email: name };
  if (/^\+?[\d\s().-]{6,}$/.test(name)) return { phone: name };
  const [firstName, ...rest] = name.split(/\s+/);
  return rest.length > 0 ? { firstName, lastName: rest.join(' ') } : { firstName };
}

function fallbackName(type: ParticipantType, ids: ParticipantIds): string {
  const id = type === 'MEMBER' ? ids.memberId : type === 'CONTACT' ? ids.contactId : ids.anonymousVisitorId;
  const label = type === 'MEMBER' ? 'Member' : type === 'CONTACT' ? 'Contact' : 'Visitor';
  return id ? `${label} ${shortTag(id)}` : label;
}

/** Four characters a person can read out: the last hex digits of the ID, upper-cased. */
export function shortTag(id: string): string {
  const hex = id.replace(/[^0-9a-f]/gi, '');
  return `#${(hex || id).slice(-4).toUpperCase()}`;
}

function clean(value: string | undefined | null): string {
  return (value ?? '').trim();
}
