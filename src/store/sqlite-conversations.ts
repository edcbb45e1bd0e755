import type { Database } from 'better-sqlite3';
import type { ConversationPage, ConversationQuery, ConversationRecord } from '../core/conversation.js';
import type { ParticipantIds } from '../core/participant.js';
import { foldCase } from '../core/conversation-order.js';
import { becameAt } from '../core/conversation-stats.js';
import { itemOf } from '../core/conversation-item.js';
import { sqliteConversationList } from './sqlite-conversation-list.js';

/** The conversations table: whole records as JSON, with the columns the dashboard filters and sorts on. */
export function sqliteConversations(db: Database) {
  const get = db.prepare<[string, string], { record: string }>('SELECT record FROM conversations WHERE instance_id = ? AND conversation_id = ?');
  // An upsert, not INSERT OR REPLACE: the kept counts (sqlite-scale-schema.ts) are triggers on insert, update and delete.
  const columns = ['participant_type', 'display_name_key', 'email_key', 'last_message_at', 'first_message_at', 'message_count',
    'member_id', 'contact_id', 'anonymous_visitor_id', 'became_contact_at', 'became_member_at', 'record', 'item'];
  const put = db.prepare(`INSERT INTO conversations (instance_id, conversation_id, ${columns.join(', ')})
    VALUES (@instanceId, @conversationId, @participantType, @displayNameKey, @emailKey, @lastMessageAt, @firstMessageAt,
      @messageCount, @memberId, @contactId, @anonymousVisitorId, @becameContactAt, @becameMemberAt, @record, @item)
    ON CONFLICT (instance_id, conversation_id) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`);
  const remove = db.prepare('DELETE FROM conversations WHERE instance_id = ? AND conversation_id = ?');
  const list = sqliteConversationList(db);
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
        becameContactAt: becameAt(record, 'CONTACT') ?? null,
        becameMemberAt: becameAt(record, 'MEMBER') ?? null,
        record: JSON.stringify(record),
        item: JSON.stringify(itemOf(record)),
      });
    },
    remove: (instanceId: string, conversationId: string) => void remove.run(instanceId, conversationId),
    list: (instanceId: string, query: ConversationQuery): ConversationPage => list(instanceId, query),
    byParticipant: (instanceId: string, ids: ParticipantIds) =>
      byParticipant.all({ instanceId, ...participantParams(ids) }).map((row) => parse(row) as ConversationRecord),
  };
}

function participantParams(ids: ParticipantIds) {
  return { memberId: ids.memberId ?? null, contactId: ids.contactId ?? null, anonymousVisitorId: ids.anonymousVisitorId ?? null };
}
