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

/**
 * Where a page ended: the last row's sort value (`null` when it lacks the field; a display name case-folded, as
 * it sorts) and its conversation ID. The next page is the rows strictly after it in the list's order, so rows that
 * arrive or move meanwhile never make a row repeat or be skipped among those that stay put.
 */
export interface ConversationCursor {
  value: string | number | null;
  conversationId: string;
  /**
   * How many rows came up to and including this one when the cursor was given out. A store that counts a page's
   * total in the same query that reads it (Wix Data) counts only the rows after the cursor, and adds these.
   */
  seen?: number;
}

/** What the dashboard asks for: one site's conversations, filtered, searched, sorted and paged. */
export interface ConversationQuery {
  type?: ParticipantType;
  search?: string;
  sort: { field: ConversationSortField; order: 'asc' | 'desc' };
  /** The page after this position (keyset paging: the way to page); when given, `offset` is ignored. */
  after?: ConversationCursor;
  /** Rows to skip from the start (old clients; a deep offset costs more than a cursor). */
  offset: number;
  limit: number;
}

/**
 * A search's total stops counting here (`totalCapped`: "100+"). A substring cannot use an index: counting every
 * match would scan the whole site per page, and counting further than this would walk further than the page needs.
 */
export const SEARCH_TOTAL_CAP = 100;

export interface ConversationPage {
  items: ConversationRecord[];
  /** How many rows the filter matches; for a search, at most SEARCH_TOTAL_CAP. */
  total: number;
  /** The search matches more than `total` rows (it stopped counting at SEARCH_TOTAL_CAP). */
  totalCapped?: true;
  /** Rows follow this page. */
  hasMore: boolean;
  /**
   * The same page as the list answers it — each item (conversation-item.ts) already JSON — and where its last row
   * stands, from a store that keeps items so: a page is then written out as read, with nothing parsed.
   */
  itemsJson?: string[];
  last?: ConversationCursor;
}
