import type { ConversationQuery, ConversationRecord, ConversationSortField } from './conversation.js';

/**
 * The one definition of how the dashboard's conversation list is filtered and ordered, shared by every store:
 * - search: the text appears in the display name or email, ignoring case, taken literally;
 * - names sort without regard to case, counts as numbers, times as ISO strings;
 * - ties break on conversationId in the same direction; records lacking the sort field come last either way.
 */
export function foldCase(text: string): string {
  return text.toLowerCase();
}

/** The value a record sorts by; undefined when the record lacks it. */
export function sortValue(record: ConversationRecord, field: ConversationSortField): string | number | undefined {
  switch (field) {
    case 'displayName':
      return foldCase(record.displayName);
    case 'messageCount':
      return record.messageCount;
    default:
      return record[field];
  }
}

export function matchesQuery(record: ConversationRecord, query: Pick<ConversationQuery, 'type' | 'search'>): boolean {
  if (query.type && record.participantType !== query.type) return false;
  if (!query.search) return true;
  const needle = foldCase(query.search);
  return [record.displayName, record.email].some((text) => text !== undefined && foldCase(text).includes(needle));
}

export function compareConversations(sort: ConversationQuery['sort']): (a: ConversationRecord, b: ConversationRecord) => number {
  const direction = sort.order === 'asc' ? 1 : -1;
  return (a, b) => {
    const x = sortValue(a, sort.field);
    const y = sortValue(b, sort.field);
    if (x === undefined || y === undefined) {
      if (x !== y) return x === undefined ? 1 : -1;
    } else if (x !== y) {
      return (x < y ? -1 : 1) * direction;
    }
    return (a.conversationId < b.conversationId ? -1 : a.conversationId > b.conversationId ? 1 : 0) * direction;
  };
}
