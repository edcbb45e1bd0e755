import { SEARCH_TOTAL_CAP, type ConversationCursor, type ConversationPage, type ConversationQuery, type ConversationRecord, type ConversationSortField } from './conversation.js';

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
  const order = comparePositions(sort);
  return (a, b) => order(positionOf(a, sort.field), positionOf(b, sort.field));
}

/** Where a record stands in a list sorted by `field`: what a cursor after it carries. */
export function positionOf(record: ConversationRecord, field: ConversationSortField): ConversationCursor {
  return { value: sortValue(record, field) ?? null, conversationId: record.conversationId };
}

/** The list's order over positions (see above): values in the sort's direction, lacking ones last, then conversationId. */
export function comparePositions(sort: ConversationQuery['sort']): (a: ConversationCursor, b: ConversationCursor) => number {
  const direction = sort.order === 'asc' ? 1 : -1;
  return (a, b) => {
    const x = a.value;
    const y = b.value;
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) {
      return (x < y ? -1 : 1) * direction;
    }
    return (a.conversationId < b.conversationId ? -1 : a.conversationId > b.conversationId ? 1 : 0) * direction;
  };
}

/**
 * The reference page over one site's records: filter, order, then the rows after the cursor (or past the offset),
 * with the total (a search's stops at SEARCH_TOTAL_CAP) and whether rows follow. Every store answers the same.
 */
export function pageOf(records: ConversationRecord[], query: ConversationQuery): ConversationPage {
  const matching = records.filter((record) => matchesQuery(record, query)).sort(compareConversations(query.sort));
  const order = comparePositions(query.sort);
  const after = query.after;
  const start = after
    ? (() => {
      const index = matching.findIndex((record) => order(positionOf(record, query.sort.field), after) > 0);
      return index === -1 ? matching.length : index;
    })()
    : query.offset;
  const items = matching.slice(start, start + query.limit);
  const capped = Boolean(query.search) && matching.length > SEARCH_TOTAL_CAP;
  return {
    items,
    total: capped ? SEARCH_TOTAL_CAP : matching.length,
    ...(capped ? { totalCapped: true as const } : {}),
    hasMore: start + items.length < matching.length,
  };
}
