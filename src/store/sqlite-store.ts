import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { participantKeys } from '../core/participant.js';
import type { JournalEntry, PersonRecord, Store, StoreWrites } from '../core/ports.js';
import { sqliteConversations } from './sqlite-conversations.js';
import { sqliteConversionFunnel } from './sqlite-funnel.js';
import { sqliteAutoReplyLedger } from './sqlite-ledger.js';
import { groupCommit } from './group-commit.js';
import { migrate } from './sqlite-schema.js';
import { sqliteSiteLifecycle } from './sqlite-site-lifecycle.js';
import { sqliteConversationStats } from './sqlite-stats.js';
import { startWalCheckpointer } from './wal-checkpointer.js';

export interface SqliteStoreOptions {
  /** The database file (created with its folder if missing), or ':memory:'. */
  file: string;
}

/**
 * The self-hosted Store: one SQLite file in WAL mode, checkpointed off the event loop (wal-checkpointer.ts); the
 * journal's primary key is the durable dedupe. Journal inserts and units of work are group-committed.
 */
export function openSqliteStore({ file }: SqliteStoreOptions): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // In WAL mode NORMAL survives a crash of the process (what the journal promises); only an OS crash can lose the last commit.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // The kept counts are triggers: a row an INSERT OR REPLACE replaces must fire its delete trigger too.
  db.pragma('recursive_triggers = ON');
  // A statement's journal in memory, not a temporary file: a new conversation's INSERT (a dozen indexes, the counts'
  // triggers) journals more than the 64 kB SQLite keeps in memory, and each time it created, wrote and unlinked a file.
  db.pragma('temp_store = MEMORY');
  migrate(db);
  const checkpointer = file === ':memory:' ? undefined : startWalCheckpointer(db, file);

  // Parameters by position, in JOURNAL_COLUMNS' order (journalRow): binding by name cost about twice as much a statement.
  const addEvent = db.prepare<JournalRow>(`INSERT OR IGNORE INTO journal (${JOURNAL_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`);
  const replaceEvent = db.prepare<JournalRow>(`INSERT OR REPLACE INTO journal (${JOURNAL_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`);
  // An entry's progress is an UPDATE in place (a REPLACE deletes and inserts the row, and its pending index entry).
  const progressEvent = db.prepare<[string, string, 0 | 1, string, string, string]>(`UPDATE journal
    SET received_at = ?, next_attempt_at = ?, done = ?, entry = ? WHERE instance_id = ? AND event_id = ?`);
  const updateEvent = (row: JournalRow) => {
    const [instanceId, eventId, receivedAt, nextAttemptAt, done, entry] = row;
    if (progressEvent.run(receivedAt, nextAttemptAt, done, entry, instanceId, eventId).changes === 0) replaceEvent.run(...row);
  };
  const getEvent = db.prepare<[string, string], { entry: string }>('SELECT entry FROM journal WHERE instance_id = ? AND event_id = ?');
  const dueEvents = db.prepare<[string, number], { entry: string }>(`SELECT entry FROM journal WHERE done = 0 AND next_attempt_at <= ?
    ORDER BY received_at, instance_id, event_id LIMIT ?`);
  const getAlias = db.prepare<[string, string], { target: string }>(
    'SELECT target_conversation_id AS target FROM aliases WHERE instance_id = ? AND old_conversation_id = ?',
  );
  const setAlias = db.prepare('INSERT OR REPLACE INTO aliases (instance_id, old_conversation_id, target_conversation_id) VALUES (?, ?, ?)');
  const aliasesTo = db.prepare<[string, string], { old: string }>(
    'SELECT old_conversation_id AS old FROM aliases WHERE instance_id = ? AND target_conversation_id = ? ORDER BY old_conversation_id',
  );
  const getPersonByKey = db.prepare<[string, string], { person: string }>('SELECT person FROM persons WHERE instance_id = ? AND participant_key = ?');
  const putPersonKey = db.prepare('INSERT OR REPLACE INTO persons (instance_id, participant_key, person) VALUES (?, ?, ?)');
  const conversations = sqliteConversations(db);
  const conversionFunnel = sqliteConversionFunnel(db);
  const conversationStats = sqliteConversationStats(db);
  const { writes: ledgerWrites, ...ledger } = sqliteAutoReplyLedger(db);

  const journalRow = (entry: JournalEntry): JournalRow =>
    [entry.instanceId, entry.eventId, entry.receivedAt, entry.nextAttemptAt, entry.doneAt ? 1 : 0, JSON.stringify(entry)];
  const personUnder = (instanceId: string, keys: string[]): PersonRecord | undefined => {
    for (const key of keys) {
      const row = getPersonByKey.get(instanceId, key);
      if (row) return JSON.parse(row.person) as PersonRecord;
    }
    return undefined;
  };
  const putPerson = db.transaction((person: PersonRecord) => {
    const newKeys = participantKeys(person.ids);
    const previous = newKeys.map((key) => personUnder(person.instanceId, [key])?.ids ?? {});
    const json = JSON.stringify(person);
    for (const key of new Set([newKeys, ...previous.map(participantKeys)].flat())) putPersonKey.run(person.instanceId, key, json);
  });
  /** A unit of work's writes, all or none (one transaction). */
  const writeBatch = db.transaction((writes: StoreWrites) => {
    for (const a of writes.aliases) setAlias.run(a.instanceId, a.oldConversationId, a.targetConversationId);
    for (const r of writes.removedConversations) conversations.remove(r.instanceId, r.conversationId);
    for (const record of writes.conversations) conversations.put(record);
    for (const person of writes.persons) putPerson(person);
    for (const claim of writes.replyClaims) ledgerWrites.updateReplyClaim(claim);
    for (const decision of writes.decisions) ledgerWrites.putDecision(decision);
    for (const entry of writes.events) updateEvent(journalRow(entry));
  });
  // Webhooks answered and lanes committing in the same turn share one transaction (group-commit.ts).
  const commits = groupCommit(db);

  return {
    ...ledger,
    ...sqliteSiteLifecycle(db),
    addEvent: (entry) => commits.write(() => (addEvent.run(...journalRow(entry)).changes === 1 ? 'added' as const : 'duplicate' as const)),
    getEvent: async (instanceId, eventId) => parse<JournalEntry>(getEvent.get(instanceId, eventId)?.entry),
    updateEvent: async (entry) => void updateEvent(journalRow(entry)),
    dueEvents: async (now, limit) => dueEvents.all(now, limit).map((row) => JSON.parse(row.entry) as JournalEntry),

    getConversation: async (instanceId, conversationId) => conversations.get(instanceId, conversationId),
    putConversation: async (record) => conversations.put(record),
    removeConversation: async (instanceId, conversationId) => conversations.remove(instanceId, conversationId),
    listConversations: async (instanceId, query) => conversations.list(instanceId, query),
    findConversationsByParticipant: async (instanceId, ids) => conversations.byParticipant(instanceId, ids),

    getAlias: async (instanceId, conversationId) => getAlias.get(instanceId, conversationId)?.target,
    setAlias: async (instanceId, oldId, targetId) => void setAlias.run(instanceId, oldId, targetId),
    aliasesTo: async (instanceId, targetId) => aliasesTo.all(instanceId, targetId).map((row) => row.old),

    getPerson: async (instanceId, ids) => personUnder(instanceId, participantKeys(ids)),
    putPerson: async (person) => putPerson(person),
    writeBatch: (writes) => commits.write(() => writeBatch(writes)),

    // The dashboard's cards (sqlite-stats.ts).
    conversationStats: async (instanceId, period) => conversationStats(instanceId, period),
    // The conversion funnel (sqlite-funnel.ts).
    conversionFunnel: async (instanceId, period) => conversionFunnel(instanceId, period),

    async close() {
      commits.flush();
      await checkpointer?.close();
      if (db.open) db.close();
    },
  };
}

/** The journal's columns, and a row of them (journalRow). */
const JOURNAL_COLUMNS = 'instance_id, event_id, received_at, next_attempt_at, done, entry';
type JournalRow = [instanceId: string, eventId: string, receivedAt: string, nextAttemptAt: string, done: 0 | 1, entry: string];

function parse<T>(json: string | undefined): T | undefined {
  return json === undefined ? undefined : (JSON.parse(json) as T);
}
