import { participantOf, type Participant, type ParticipantIds } from './participant.js';

/** `message.sender` as Wix sends it (IdentificationData): one of these is set, a member may carry contactId too. */
export interface SenderIds {
  anonymousVisitorId?: string | null;
  contactId?: string | null;
  memberId?: string | null;
  wixUserId?: string | null;
  appId?: string | null;
}

/** The webhook's `identity`: who triggered the event. There is no CONTACT identity type. */
export interface WebhookIdentity {
  identityType?: 'ANONYMOUS_VISITOR' | 'MEMBER' | 'WIX_USER' | 'APP' | 'UNKNOWN' | string;
  anonymousVisitorId?: string | null;
  memberId?: string | null;
  wixUserId?: string | null;
  appId?: string | null;
}

export interface IncomingMessageFacts {
  sender?: SenderIds | null;
  direction?: string | null;
  appId?: string | null;
}

export type NotParticipantReason = 'BUSINESS_DIRECTION' | 'SENT_BY_APP' | 'SENT_BY_BUSINESS_USER' | 'NO_SENDER';

export type SenderVerdict =
  | { kind: 'participant'; participant: Participant }
  | { kind: 'not-participant'; reason: NotParticipantReason };

/**
 * Decides whether a message was written by a participant, and if so which one.
 * Anything sent by the business, by a Wix user or by any app (this one included) is not a participant.
 */
export function classifySender(message: IncomingMessageFacts, identity?: WebhookIdentity | null): SenderVerdict {
  const sender = message.sender ?? {};
  if (message.direction === 'BUSINESS_TO_PARTICIPANT') return notParticipant('BUSINESS_DIRECTION');
  if (sender.appId || message.appId || identity?.identityType === 'APP') return notParticipant('SENT_BY_APP');
  if (sender.wixUserId || identity?.identityType === 'WIX_USER') return notParticipant('SENT_BY_BUSINESS_USER');
  const participant = participantOf(idsFrom(sender, identity));
  return participant ? { kind: 'participant', participant } : notParticipant('NO_SENDER');
}

/** The sender's own IDs, completed by the identity when it names the same kind of person. */
function idsFrom(sender: SenderIds, identity?: WebhookIdentity | null): ParticipantIds {
  const ids: ParticipantIds = {};
  const visitorId = sender.anonymousVisitorId ?? identityVisitor(identity);
  const memberId = sender.memberId ?? (sender.anonymousVisitorId ? undefined : identityMember(identity));
  if (visitorId) ids.anonymousVisitorId = visitorId;
  if (sender.contactId) ids.contactId = sender.contactId;
  if (memberId) ids.memberId = memberId;
  return ids;
}

function identityVisitor(identity?: WebhookIdentity | null): string | undefined {
  return identity?.identityType === 'ANONYMOUS_VISITOR' ? identity.anonymousVisitorId ?? undefined : undefined;
}

function identityMember(identity?: WebhookIdentity | null): string | undefined {
  return identity?.identityType === 'MEMBER' ? identity.memberId ?? undefined : undefined;
}

function notParticipant(reason: NotParticipantReason): SenderVerdict {
  return { kind: 'not-participant', reason };
}
