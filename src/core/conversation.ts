import type { ParticipantIds, ParticipantType } from './participant.js';

/** One change of participant type, with the conversation it happened in. */
export interface TypeChange {
  type: ParticipantType;
  at: string;
  conversationId: string;
}

/** The latest auto-reply decision for a conversation, shown on the panel. */
export interface AutoReplyStatus {
  status: 'replied' | 'skipped' | 'failed' | 'pending';
  at: string;
  reason?: string;
  text?: string;
}

/** Whether the Directory (Contacts, Members) has told us who the participant is. */
export type ResolutionState = 'pending' | 'resolved' | 'failed';

/** Everything the app knows about one conversation on one site, kept across merges. */
export interface ConversationRecord {
  instanceId: string;
  conversationId: string;
  participantType: ParticipantType;
  participant: ParticipantIds;
  displayName: string;
  email?: string;
  phone?: string;
  channel?: string;
  firstMessageAt?: string;
  lastMessageAt?: string;
  lastMessagePreview?: string;
  messageCount: number;
  mergedFrom: string[];
  typeHistory: TypeChange[];
  resolution: ResolutionState;
  autoReply?: AutoReplyStatus;
  updatedAt: string;
}

export const CONVERSATION_SORT_FIELDS = ['lastMessageAt', 'firstMessageAt', 'displayName', 'messageCount'] as const;
export type ConversationSortField = (typeof CONVERSATION_SORT_FIELDS)[number];

/** What the dashboard asks for: one site's conversations, filtered, searched, sorted and paged. */
export interface ConversationQuery {
  type?: ParticipantType;
  search?: string;
  sort: { field: ConversationSortField; order: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

export interface ConversationPage {
  items: ConversationRecord[];
  total: number;
}
