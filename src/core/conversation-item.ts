import type { ConversationRecord } from './conversation.js';
import type { ParticipantIds } from './participant.js';

/** A conversation as the dashboard's list shows it: the record, with the participant's IDs at the top level. */
export type ConversationItem = Omit<ConversationRecord, 'instanceId' | 'participant' | 'resolution' | 'updatedAt'> & ParticipantIds;

export function itemOf(record: ConversationRecord): ConversationItem {
  const { participant, instanceId: _site, resolution: _resolution, updatedAt: _updated, ...rest } = record;
  return { ...rest, ...participant };
}
