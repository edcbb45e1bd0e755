import type { Database, Statement } from 'better-sqlite3';
import type { ConversationPage, ConversationQuery, ConversationRecord, ConversationSortField } from '../core/conversation.js';
import { CONVERSATION_SORT_FIELDS } from '../core/conversation.js';
import type { ParticipantIds } from '../core/participant.js';
import { foldCase } from '../core/conversation-order.js';

const SORT_COLUMN: Record<ConversationSortField, string> = {
  lastMessageAt: 'last_message_at',
  firstMessageAt: 'first_message_at',
  displayName: 'display_name_key',
  messageCount: 'message_count',
};

const FILTER = `instance_id = @instanceId
  AND (@type IS NULL OR participant_type = @type)
  AND (@search IS NULL OR instr(display_name_key, @search) > 0 OR instr(email_key, @search) > 0)`;

/** The conversations table: whole records as JSON, with the columns the dashboard filters and sorts on. */
export function sqliteConversations(db: Database) {
  const get = db.prepare<[string, string], { record: string }>('SELECT record FROM conversations WHERE instance_id = ? AND conversation_id = ?');
  const put = db.prepare(`INSERT OR REPLACE INTO conversations (instance_id, conversation_id, participant_type, display_name_key,
      email_key, last_message_at, first_message_at, message_count, member_id, contact_id, anonymous_visitor_id, record)
    VALUES (@instanceId, @conversationId, @participantType, @displayNameKey, @emailKey, @lastMessageAt, @firstMessageAt,
      @messageCount, @memberId, @contactId, @anonymousVisitorId, @record)`);
  const remove = db.prepare('DELETE FROM conversations WHERE instance_id = ? AND conversation_id = ?');
  const count = db.prepare<FilterParams, { total: number }>(`SELECT count(*) AS total FROM conversations WHERE ${FILTER}`);
  const pages = new Map<string, Statement<FilterParams & { limit: number; offset: number }, { record: string }>>();
  for (const field of CONVERSATION_SORT_FIELDS) {
    for (const order of ['asc', 'desc'] as const) {
      const column = SORT_COLUMN[field];
      pages.set(`${field} ${order}`, db.prepare(`SELECT record FROM conversations WHERE ${FILTER}
        ORDER BY ${column} IS NULL, ${column} ${order}, conversation_id ${order} LIMIT @limit OFFSET @offset`));
    }
  }
  const byParticipant = db.prepare<Required<Record<keyof ParticipantIds, string | null>> & { instanceId: string }, { record: string }>(
    `SELECT record FROM conversations WHERE instance_id = @instanceId
      AND (member_id = @memberId OR contact_id = @contactId OR anonymous_visitor_id = @anonymousVisitorId)`,
  );
  const parse = (row: { record: string } | undefined) => (row ? (JSON.parse(row.record) as ConversationRecord) : undefined);

  return {
    get: (instanceId: string, conversationId: string) => parse(get.get(instanceId, conversationId)),
    put(record: ConversationRecord): void {
      put.run({
        instanceId: record.instanceId,
        conversationId: record.conversationId,
        participantType: record.participantType,
        displayNameKey: foldCase(record.displayName),
        emailKey: record.email === undefined ? null : foldCase(record.email),
        lastMessageAt: record.lastMessageAt ?? null,
        firstMessageAt: record.firstMessageAt ?? null,
        messageCount: record.messageCount,
        ...participantParams(record.participant),
        record: JSON.stringify(record),
      });
    },
    remove: (instanceId: string, conversationId: string) => void remove.run(instanceId, conversationId),
    list(instanceId: string, query: ConversationQuery): ConversationPage {
      const filter: FilterParams = { instanceId, type: query.type ?? null, search: query.search ? foldCase(query.search) : null };
      const page = pages.get(`${query.sort.field} ${query.sort.order}`);
      if (!page) throw new Error(`Cannot sort conversations by "${query.sort.field} ${query.sort.order}"`);
      const rows = page.all({ ...filter, limit: query.limit, offset: query.offset });
      return { items: rows.map((row) => parse(row) as ConversationRecord), total: count.get(filter)?.total ?? 0 };
    },
    byParticipant: (instanceId: string, ids: ParticipantIds) =>
      byParticipant.all({ instanceId, ...participantParams(ids) }).map((row) => parse(row) as ConversationRecord),
  };
}

interface FilterParams {
  instanceId: string;
  type: string | null;
  search: string | null;
}

function participantParams(ids: ParticipantIds) {
  return { memberId: ids.memberId ?? null, contactId: ids.contactId ?? null, anonymousVisitorId: ids.anonymousVisitorId ?? null };
}
