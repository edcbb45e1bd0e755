import type { ConversationRecord, TypeChange } from './conversation.js';
import { displayName } from './display-name.js';
import { PARTICIPANT_TYPES, laterType, mergeIds, type Participant, type ParticipantType } from './participant.js';

/** A person only moves forward (visitor → contact → member); each move is remembered with its time. */
export function upgradeType(record: ConversationRecord, participant: Participant, at: string, conversationId: string): ConversationRecord {
  const participantIds = mergeIds(record.participant, participant.ids);
  const type: ParticipantType = laterType(record.participantType, participant.type);
  // Every sighting can move its type's first-seen time back (events arrive out of order).
  const typeHistory = normaliseHistory([...record.typeHistory, { type: participant.type, at, conversationId }]);
  if (type === record.participantType) return { ...record, participant: participantIds, typeHistory };
  return {
    ...record,
    participant: participantIds,
    participantType: type,
    typeHistory,
    displayName: record.resolution === 'resolved' ? record.displayName : displayName(type, participantIds),
  };
}

/**
 * Oldest first, one entry per type: the first time the person was seen as it. A type seen only after the
 * person had already moved on (a member writing from a logged-out tab) is not a step of their history.
 */
export function normaliseHistory(history: TypeChange[]): TypeChange[] {
  const firstSeen = new Map<ParticipantType, TypeChange>();
  const rank = (type: ParticipantType) => PARTICIPANT_TYPES.indexOf(type);
  for (const change of [...history].sort((a, b) => a.at.localeCompare(b.at) || rank(a.type) - rank(b.type))) {
    if (!firstSeen.has(change.type)) firstSeen.set(change.type, change);
  }
  const steps = [...firstSeen.values()];
  return steps.filter((step) => !steps.some((other) => laterType(other.type, step.type) !== step.type && other.at < step.at));
}
