import type { Database, Statement } from 'better-sqlite3';
import type { ConversationPage, ConversationQuery, ConversationRecord } from '../core/conversation.js';
import type { ParticipantIds } from '../core/participant.js';
import { foldCase } from '../core/conversation-order.js';
import { becameAt } from '../core/conversation-stats.js';
import { itemOf } from '../core/conversation-item.js';
import { sqliteConversationList } from './sqlite-conversation-list.js';
import { FUNNEL_COLUMNS, funnelValuesOf } from './sqlite-funnel-index.js';

/** The columns a record is kept under besides its key, in this order; every one is derived from the record. */
const COLUMNS = ['participant_type', 'display_name_key', 'email_key', 'last_message_at', 'first_message_at', 'message_count',
  'member_id', 'contact_id', 'anonymous_visitor_id', 'became_contact_at', 'became_member_at', ...Object.values(FUNNEL_COLUMNS),
  'record', 'item'] as const;
const RECORD = COLUMNS.indexOf('record');
const ITEM = COLUMNS.indexOf('item');
type Row = (string | number | null)[];

/**
 * The conversations table: whole records as JSON, with the columns the dashboard filters and sorts on.
 * A write changes only what changed: a record stored as it is is not written at all, and an update sets only the
 * columns whose value moved. (SQLite rewrites an index entry for every index that has a column in an UPDATE's SET
 * list, changed or not: with a dozen indexes on this table, setting every column cost three times the pages.)
 */
export function sqliteConversations(db: Database) {
  const get = db.prepare<[string, string], { record: string }>('SELECT record FROM conversations WHERE instance_id = ? AND conversation_id = ?');
  const stored = db.prepare<[string, string], Row>(`SELECT ${COLUMNS.filter((c) => c !== 'item').join(', ')}
    FROM conversations WHERE instance_id = ? AND conversation_id = ?`).raw(true);
  // Not INSERT OR REPLACE: the kept counts (sqlite-scale-schema.ts) are triggers on insert, update and delete.
  const insert = db.prepare<Row>(`INSERT INTO conversations (instance_id, conversation_id, ${COLUMNS.join(', ')})
    VALUES (${['instance_id', 'conversation_id', ...COLUMNS].map(() => '?').join(', ')})`);
  /** An UPDATE of the columns in `changed` (a bit per column of COLUMNS), prepared once per set. */
  const updates = new Map<number, Statement<Row>>();
  const updateOf = (changed: number) => {
    let statement = updates.get(changed);
    if (!statement) {
      const set = COLUMNS.filter((_c, i) => changed & (1 << i)).map((c) => `${c} = ?`).join(', ');
      statement = db.prepare<Row>(`UPDATE conversations SET ${set} WHERE instance_id = ? AND conversation_id = ?`);
      updates.set(changed, statement);
    }
    return statement;
  };
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
      const json = JSON.stringify(record);
      const old = stored.get(record.instanceId, record.conversationId);
      // Every column is derived from the record: the same record, the same row.
      if (old && old[RECORD] === json) return;
      const row = columnsOf(record, json);
      if (!old) return void insert.run(record.instanceId, record.conversationId, ...row);
      let changed = (1 << RECORD) | (1 << ITEM);
      for (let i = 0; i < RECORD; i++) if (old[i] !== row[i]) changed |= 1 << i;
      updateOf(changed).run(...row.filter((_v, i) => changed & (1 << i)), record.instanceId, record.conversationId);
    },
    remove: (instanceId: string, conversationId: string) => void remove.run(instanceId, conversationId),
    list: (instanceId: string, query: ConversationQuery): ConversationPage => list(instanceId, query),
    byParticipant: (instanceId: string, ids: ParticipantIds) =>
      byParticipant.all({ instanceId, ...participantParams(ids) }).map((row) => parse(row) as ConversationRecord),
  };
}

/** The record's values for COLUMNS, in order. */
function columnsOf(record: ConversationRecord, json: string): Row {
  const { memberId, contactId, anonymousVisitorId } = participantParams(record.participant);
  return [
    record.participantType,
    foldCase(record.displayName),
    record.email === undefined ? null : foldCase(record.email),
    record.lastMessageAt ?? null,
    record.firstMessageAt ?? null,
    record.messageCount,
    memberId,
    contactId,
    anonymousVisitorId,
    becameAt(record, 'CONTACT') ?? null,
    becameAt(record, 'MEMBER') ?? null,
    ...Object.values(funnelValuesOf(record)),
    json,
    JSON.stringify(itemOf(record)),
  ];
}

function participantParams(ids: ParticipantIds) {
  return { memberId: ids.memberId ?? null, contactId: ids.contactId ?? null, anonymousVisitorId: ids.anonymousVisitorId ?? null };
}
