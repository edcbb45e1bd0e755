import type { ConversationStats, DecisionRecord, ReplyClaim, StatsPeriod } from './auto-reply/ledger.js';
import type { ConversationRecord } from './conversation.js';
import type { ParticipantType } from './participant.js';

/**
 * The one definition of the dashboard's cards and of the ledger orders, shared by every store:
 * - a conversation counts in byType when it had a message in [from, to): first message before `to`, last at or after `from`;
 * - it "became" a contact (member) when its type history has that type, not as its first step, at a time in [from, to);
 * - auto-replies count decisions by outcome, decided in [from, to).
 */
export const inPeriod = (at: string | undefined, period: StatsPeriod) => at !== undefined && at >= period.from && at < period.to;

export function activeInPeriod(record: ConversationRecord, period: StatsPeriod): boolean {
  return record.firstMessageAt !== undefined && record.lastMessageAt !== undefined
    && record.firstMessageAt < period.to && record.lastMessageAt >= period.from;
}

/** When the conversation's participant became `type` (not having started as it), if they did. */
export function becameAt(record: ConversationRecord, type: ParticipantType): string | undefined {
  return record.typeHistory.slice(1).find((change) => change.type === type)?.at;
}

export function statsOf(records: ConversationRecord[], decisions: DecisionRecord[], period: StatsPeriod): ConversationStats {
  const byType: Record<ParticipantType, number> = { ANONYMOUS_VISITOR: 0, CONTACT: 0, MEMBER: 0 };
  for (const record of records) if (activeInPeriod(record, period)) byType[record.participantType]++;
  const autoReplies = { replied: 0, skipped: 0, failed: 0 };
  for (const decision of decisions) if (inPeriod(decision.decidedAt, period)) autoReplies[decision.outcome]++;
  return {
    byType,
    becameContact: records.filter((r) => inPeriod(becameAt(r, 'CONTACT'), period)).length,
    becameMember: records.filter((r) => inPeriod(becameAt(r, 'MEMBER'), period)).length,
    autoReplies,
  };
}

/** Newest first: decidedAt, then eventId, both descending. */
export function newestDecisionFirst(a: DecisionRecord, b: DecisionRecord): number {
  return b.decidedAt.localeCompare(a.decidedAt) || (a.eventId < b.eventId ? 1 : a.eventId > b.eventId ? -1 : 0);
}

/** Newest first: claimedAt, then seq, both descending. */
export function newestClaimFirst(a: ReplyClaim, b: ReplyClaim): number {
  return b.claimedAt.localeCompare(a.claimedAt) || b.seq - a.seq;
}
