import type { items } from '@wix/data';
import type { ConversationPage, ConversationQuery, ConversationRecord, ConversationSortField } from '../../core/conversation.js';
import type { ParticipantIds } from '../../core/participant.js';
import { foldCase } from '../../store/conversation-order.js';
import { becameAt } from '../../store/conversation-stats.js';
import { dateField, definedFields, findAll, type ItemFields, MAX_PAGE, parseField, READ } from './data-items.js';

/** The item field each sort uses: names sort by a case-folded copy, since Wix Data sorts strings by code point. */
const SORT_FIELD: Record<ConversationSortField, string> = {
  lastMessageAt: 'lastMessageAt',
  firstMessageAt: 'firstMessageAt',
  displayName: 'displayNameKey',
  messageCount: 'messageCount',
};
const OPTIONAL_SORT_FIELDS = new Set<ConversationSortField>(['lastMessageAt', 'firstMessageAt']);

/** A conversation as an item: the whole record as JSON, plus the fields the dashboard filters and sorts on. */
export function conversationItem(_id: string, record: ConversationRecord): ItemFields {
  return {
    _id,
    instanceId: record.instanceId,
    ...definedFields({
      conversationId: record.conversationId,
      participantType: record.participantType,
      displayName: record.displayName,
      displayNameKey: foldCase(record.displayName),
      email: record.email,
      lastMessageAt: dateField(record.lastMessageAt),
      firstMessageAt: dateField(record.firstMessageAt),
      messageCount: record.messageCount,
      memberId: record.participant.memberId,
      contactId: record.participant.contactId,
      anonymousVisitorId: record.participant.anonymousVisitorId,
      becameContactAt: dateField(becameAt(record, 'CONTACT')),
      becameMemberAt: dateField(becameAt(record, 'MEMBER')),
      record: JSON.stringify(record),
    }),
  };
}

export const conversationOf = (item: Record<string, unknown> | null) => parseField<ConversationRecord>(item, 'record');

/**
 * One page of a site's conversations. `contains` in Wix Data ignores case, so search is one `$or` of two
 * `contains`. Wix ranks items lacking the sort field lowest, so for the optional time fields the page is
 * stitched from two queries — items having the field, then items lacking it — to keep those last either way.
 */
export async function listConversationItems(
  query: (collection: string) => items.WixDataQuery,
  collection: string,
  instanceId: string,
  request: ConversationQuery,
): Promise<ConversationPage> {
  const q = () => query(collection);
  let base = q().eq('instanceId', instanceId);
  if (request.type) base = base.eq('participantType', request.type);
  if (request.search) base = base.and(q().contains('displayName', request.search).or(q().contains('email', request.search)));
  const field = SORT_FIELD[request.sort.field];
  const sorted = (part: items.WixDataQuery, ...fields: string[]) =>
    request.sort.order === 'asc' ? part.ascending(...fields, 'conversationId') : part.descending(...fields, 'conversationId');
  const page = async (part: items.WixDataQuery, offset: number, limit: number) => {
    if (limit <= 0) return { records: [], total: await part.count(READ) };
    const result = await part.skip(offset).limit(Math.min(limit, MAX_PAGE)).find({ ...READ, returnTotalCount: true });
    return { records: result.items.map((item) => conversationOf(item) as ConversationRecord), total: result.totalCount ?? 0 };
  };

  if (!OPTIONAL_SORT_FIELDS.has(request.sort.field)) {
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

/** Conversations whose participant has any of these IDs: one `$or` of equalities. */
export async function conversationsByParticipant(
  query: (collection: string) => items.WixDataQuery,
  collection: string,
  instanceId: string,
  ids: ParticipantIds,
): Promise<ConversationRecord[]> {
  const clauses = (['memberId', 'contactId', 'anonymousVisitorId'] as const)
    .filter((key) => ids[key])
    .map((key) => query(collection).eq(key, ids[key]));
  if (clauses.length === 0) return [];
  const anyId = clauses.slice(1).reduce((either, clause) => either.or(clause), clauses[0]);
  const found = await findAll(query(collection).eq('instanceId', instanceId).and(anyId).ascending('conversationId'));
  return found.map((item) => conversationOf(item) as ConversationRecord);
}
