import type { ParticipantIds, ParticipantType } from '../participant.js';

/**
 * The durable claim that makes an auto-reply happen at most once: (site, person key, sequence) is unique.
 * Every delivery that wants to reply computes the same next sequence, so only one of them can insert it.
 */
export interface ReplyClaim {
  instanceId: string;
  /** The anchor the slot is unique under: the conversation Get Or Create answered, `conversation:<id>`. */
  personKey: string;
  seq: number;
  /**
   * Every key the claim is filed under, the anchor included: the person's IDs (`visitor:…`, `contact:…`, `member:…`)
   * and every conversation of theirs (`conversation:…`), so that a later message finds it by whichever of them it knows.
   */
  keys?: string[];
  claimedAt: string;
  eventId: string;
  conversationId: string;
  status: 'claimed' | 'sent' | 'failed';
  /**
   * When Send Message was first tried under this claim, saved before the call: a claim still `claimed` with this
   * mark may have been delivered already (the answer was lost, or the process died), so it is looked for first.
   */
  sendingAt?: string;
  text?: string;
  messageId?: string;
  error?: string;
}

/** What was decided for one incoming message (one event), and why. */
export interface DecisionRecord {
  instanceId: string;
  eventId: string;
  /** The conversation the message was counted in, when decided. */
  conversationId: string;
  messageId?: string;
  outcome: 'replied' | 'skipped' | 'failed';
  reason?: string;
  rule?: string;
  text?: string;
  decidedAt: string;
}

/** A period of time, [from, to), as ISO strings. */
export interface StatsPeriod {
  from: string;
  to: string;
}

/** The dashboard's cards for a period. */
export interface ConversationStats {
  /** Conversations with a message in the period, by the participant's type now. */
  byType: Record<ParticipantType, number>;
  /** Conversations whose participant became a contact (or a member) in the period, from the type history. */
  becameContact: number;
  becameMember: number;
  autoReplies: { replied: number; skipped: number; failed: number };
}

/** Whether two claims are the same reply slot: (anchor, seq) is what the durable insert makes unique. */
export const sameSlot = (a: Pick<ReplyClaim, 'personKey' | 'seq'>, b: Pick<ReplyClaim, 'personKey' | 'seq'>) =>
  a.personKey === b.personKey && a.seq === b.seq;

/** The keys a claim is filed under and looked up by. */
export function claimKeys(claim: Pick<ReplyClaim, 'personKey' | 'keys'>): string[] {
  return claim.keys ?? [claim.personKey];
}

/** The key of a conversation in the reply ledger. */
export const conversationKey = (conversationId: string) => `conversation:${conversationId}`;

/**
 * The key a person's reply claims were filed under before claims were anchored on conversations: the contact ID (the stable heart of a Wix person), else the
 * member ID, else the visitor ID. Claims are looked up under every ID the person has, so a claim filed while
 * they were a visitor still counts once they are a contact.
 */
export function personKey(ids: ParticipantIds): string | undefined {
  if (ids.contactId) return `contact:${ids.contactId}`;
  if (ids.memberId) return `member:${ids.memberId}`;
  if (ids.anonymousVisitorId) return `visitor:${ids.anonymousVisitorId}`;
  return undefined;
}
