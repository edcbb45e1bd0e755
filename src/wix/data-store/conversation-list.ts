import type { items } from '@wix/data';
import {
  SEARCH_TOTAL_CAP,
  type ConversationCursor,
  type ConversationPage,
  type ConversationQuery,
  type ConversationRecord,
  type ConversationSortField,
} from '../../core/conversation.js';
import { MAX_PAGE, READ } from './data-items.js';
import { valueOf } from './site-items.js';

/** The item field each sort uses: names sort by a case-folded copy, since Wix Data sorts strings by code point. */
const SORT_FIELD: Record<ConversationSortField, string> = {
  lastMessageAt: 'lastMessageAt',
  firstMessageAt: 'firstMessageAt',
  displayName: 'displayNameKey',
  messageCount: 'messageCount',
};
const OPTIONAL_SORT_FIELDS = new Set<ConversationSortField>(['lastMessageAt', 'firstMessageAt']);

interface Part {
  records: ConversationRecord[];
  /** What the part's filter matches (Wix Data's total count of the query). */
  total: number;
}

/**
 * One page of a site's conversations, in one query on the dashboard's path (newest first, a page, a cursor).
 * Keyset paging: a page after a cursor filters on the sort field and conversationId past the cursor's row (what the
 * collection's (instanceId, kind, lastMessageAt) index serves), never `skip`; its total is the rows before the
 * cursor (`seen`) plus those the query counts after it. `contains` in Wix Data ignores case, so search is one `$or`
 * of two `contains`. Wix ranks items lacking the sort field lowest: newest first keeps them last in one query; an
 * ascending time sort is stitched from items having the field, then items lacking it.
 */
export async function listConversationItems(
  query: () => items.WixDataQuery,
  instanceId: string,
  request: ConversationQuery,
): Promise<ConversationPage> {
  let base = query().eq('instanceId', instanceId).eq('kind', 'conversation');
  if (request.type) base = base.eq('participantType', request.type);
  if (request.search) base = base.and(query().contains('displayName', request.search).or(query().contains('email', request.search)));
  const field = SORT_FIELD[request.sort.field];
  const desc = request.sort.order === 'desc';
  const optional = OPTIONAL_SORT_FIELDS.has(request.sort.field);
  const { after } = request;
  const sorted = (part: items.WixDataQuery, ...fields: string[]) =>
    desc ? part.descending(...fields, 'conversationId') : part.ascending(...fields, 'conversationId');
  const read = async (part: items.WixDataQuery, skip: number, limit: number): Promise<Part> => {
    if (limit <= 0) return { records: [], total: await part.count(READ) };
    const result = await part.skip(skip).limit(Math.min(limit, MAX_PAGE)).find({ ...READ, returnTotalCount: true });
    return { records: result.items.map((item) => valueOf<ConversationRecord>(item, 'conversation') as ConversationRecord), total: result.totalCount ?? 0 };
  };
  const past = (cursor: ConversationCursor) => beyond(query, field, desc, optional, cursor);
  const limit = request.limit + 1;
  const skip = after ? 0 : request.offset;

  let parts: Part[];
  if (!optional || desc) {
    // One query: the rows after the cursor (with a time value past it, or lacking the time: those rank last).
    let part = base;
    if (after && after.value === null) part = base.isEmpty(field).and(idPast(query, desc, after.conversationId));
    else if (after) part = base.and(optional ? past(after).or(query().isEmpty(field)) : past(after));
    parts = [await read(sorted(part, field), skip, limit)];
  } else {
    // Ascending by a time: the items having it, then (once those run out) the items lacking it.
    const having = after?.value === null
      ? { records: [], total: 0 }
      : await read(sorted(after ? base.and(past(after)) : base.isNotEmpty(field), field), skip, limit);
    const lacking = base.isEmpty(field);
    const lackingPart = after?.value === null ? lacking.and(idPast(query, desc, after.conversationId)) : lacking;
    const lackingSkip = after ? 0 : Math.max(0, request.offset - having.total);
    parts = [having, await read(sorted(lackingPart), lackingSkip, limit - having.records.length)];
  }
  const rows = parts.flatMap((p) => p.records);
  const counted = parts.reduce((sum, p) => sum + p.total, 0) + (after ? after.seen ?? 0 : 0);
  const capped = Boolean(request.search) && counted > SEARCH_TOTAL_CAP;
  return {
    items: rows.slice(0, request.limit),
    total: capped ? SEARCH_TOTAL_CAP : counted,
    ...(capped ? { totalCapped: true as const } : {}),
    hasMore: rows.length > request.limit,
  };
}

/** Rows whose (sort value, conversationId) comes after the cursor's in the list's direction. */
function beyond(query: () => items.WixDataQuery, field: string, desc: boolean, time: boolean, cursor: ConversationCursor): items.WixDataQuery {
  const value = time ? new Date(cursor.value as string) : (cursor.value as string | number);
  const further = desc ? query().lt(field, value) : query().gt(field, value);
  return further.or(query().eq(field, value).and(idPast(query, desc, cursor.conversationId)));
}

function idPast(query: () => items.WixDataQuery, desc: boolean, conversationId: string): items.WixDataQuery {
  return desc ? query().lt('conversationId', conversationId) : query().gt('conversationId', conversationId);
}
