/**
 * Who is writing to the business. The three participant types follow one person through their life:
 * an anonymous visitor becomes a contact when they leave details, and a member when they register.
 */
export type ParticipantType = 'ANONYMOUS_VISITOR' | 'CONTACT' | 'MEMBER';

export const PARTICIPANT_TYPES: readonly ParticipantType[] = ['ANONYMOUS_VISITOR', 'CONTACT', 'MEMBER'];

/** The IDs Wix gives a participant; the later ones appear as the person moves along the lifecycle. */
export interface ParticipantIds {
  anonymousVisitorId?: string;
  contactId?: string;
  memberId?: string;
}

/** The `participantId` that Get Or Create Conversation takes: exactly one ID, the most current. */
export type CurrentParticipantId =
  | { memberId: string }
  | { contactId: string }
  | { anonymousVisitorId: string };

export interface Participant {
  type: ParticipantType;
  ids: ParticipantIds;
}

const RANK: Record<ParticipantType, number> = { ANONYMOUS_VISITOR: 0, CONTACT: 1, MEMBER: 2 };

/** The type that the IDs prove: a member ID makes a member, a contact ID a contact. */
export function typeOf(ids: ParticipantIds): ParticipantType | undefined {
  if (ids.memberId) return 'MEMBER';
  if (ids.contactId) return 'CONTACT';
  if (ids.anonymousVisitorId) return 'ANONYMOUS_VISITOR';
  return undefined;
}

/** Member ID for a member, else contact ID, else visitor ID — what Get Or Create Conversation needs. */
export function currentParticipantId(ids: ParticipantIds): CurrentParticipantId | undefined {
  if (ids.memberId) return { memberId: ids.memberId };
  if (ids.contactId) return { contactId: ids.contactId };
  if (ids.anonymousVisitorId) return { anonymousVisitorId: ids.anonymousVisitorId };
  return undefined;
}

/** The later of two types: a person never goes back from member to contact or from contact to visitor. */
export function laterType(a: ParticipantType, b: ParticipantType): ParticipantType {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Combines what two sightings of the same person told us; newer IDs win, none is forgotten. */
export function mergeIds(older: ParticipantIds, newer: ParticipantIds): ParticipantIds {
  return compact({
    anonymousVisitorId: newer.anonymousVisitorId ?? older.anonymousVisitorId,
    contactId: newer.contactId ?? older.contactId,
    memberId: newer.memberId ?? older.memberId,
  });
}

/** A participant from IDs; a contact that the Members API links to a member is a member. */
export function participantOf(ids: ParticipantIds, linkedMemberId?: string): Participant | undefined {
  const all = linkedMemberId ? { ...ids, memberId: ids.memberId ?? linkedMemberId } : ids;
  const type = typeOf(all);
  return type ? { type, ids: compact(all) } : undefined;
}

/** A stable key for one person on one site: the first ID they were known by is not stable, so use each ID. */
export function participantKeys(ids: ParticipantIds): string[] {
  const keys: string[] = [];
  if (ids.memberId) keys.push(`member:${ids.memberId}`);
  if (ids.contactId) keys.push(`contact:${ids.contactId}`);
  if (ids.anonymousVisitorId) keys.push(`visitor:${ids.anonymousVisitorId}`);
  return keys;
}

function compact(ids: ParticipantIds): ParticipantIds {
  const out: ParticipantIds = {};
  if (ids.anonymousVisitorId) out.anonymousVisitorId = ids.anonymousVisitorId;
  if (ids.contactId) out.contactId = ids.contactId;
  if (ids.memberId) out.memberId = ids.memberId;
  return out;
}
