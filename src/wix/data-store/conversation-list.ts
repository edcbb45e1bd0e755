import type { items } from '@wix/data';
import type { ConversationPage, ConversationQuery, ConversationRecord, ConversationSortField } from '../../core/conversation.js';
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

/**
 * One page of a site's conversations. `contains` in Wix Data ignores case, so search is one `$or` of two
 * `contains`. Wix ranks items lacking the sort field lowest, so for the optional time fields the page is
 * stitched from two queries — items having the field, then items lacking it — to keep those last either way.
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
  const sorted = (part: items.WixDataQuery, ...fields: string[]) =>
    request.sort.order === 'asc' ? part.ascending(...fields, 'conversationId') : part.descending(...fields, 'conversationId');
  const page = async (part: items.WixDataQuery, offset: number, limit: number) => {
    if (limit <= 0) return { records: [], total: await part.count(READ) };
    const result = await part.skip(offset).limit(Math.min(limit, MAX_PAGE)).find({ ...READ, returnTotalCount: true });
    return { records: result.items.map((item) => valueOf<ConversationRecord>(item, 'conversation') as ConversationRecord), total: result.totalCount ?? 0 };
  };

  if (!OPTIONAL_SORT_FIELDS.has(request.sort.field) || request.sort.order === 'desc') {
    // Newest first (the dashboard's default) already ranks the items lacking the field last: one query.
    const { records, total } = await page(sorted(base, field), request.offset, request.limit);
    return { items: records, total };
  }
  const having = await page(sorted(base.isNotEmpty(field), field), request.offset, request.limit);
  const lacking = await page(
    sorted(base.isEmpty(field)),
    Math.max(0, request.offset - having.total),
    request.limit - having.records.length,
  );
  return { items: [...having.records, ...lacking.records], total: having.total + lacking.total };
}
