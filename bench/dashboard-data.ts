import Database from 'better-sqlite3';
import type { DecisionRecord } from '../src/core/auto-reply/ledger.js';
import type { ConversationRecord, TypeChange } from '../src/core/conversation.js';
import { foldCase } from '../src/core/conversation-order.js';
import type { ParticipantType } from '../src/core/participant.js';
import { sqliteConversations } from '../src/store/sqlite-conversations.js';
import { sqliteAutoReplyLedger } from '../src/store/sqlite-ledger.js';
import { migrate } from '../src/store/sqlite-schema.js';

/** The end of the seeded year: every conversation's messages fall in the 365 days before it. */
export const SEED_END = Date.parse('2026-11-30T00:00:00.000Z');
const DAY = 86_400_000;
const FIRST = ['Ana', 'Bruno', 'Carla', 'Duarte', 'Eva', 'Filipe', 'Gita', 'Hugo', 'Inês', 'João', 'Kiko', 'Lia', 'Marta', 'Nuno', 'Olga', 'Pedro', 'Rita', 'Sara', 'Tomás', 'Vera'];
const LAST = ['Sousa', 'Lima', 'Dias', 'Reis', 'Costa', 'Martins', 'Pereira', 'Alves', 'Ferreira', 'Gomes', 'Ribeiro', 'Carvalho', 'Pinto', 'Moreira', 'Teixeira', 'Mendes', 'Nunes', 'Vieira', 'Rocha', 'Cardoso'];
const DOMAINS = ['example.pt', 'mail.example.com', 'shop.example.org', 'correio.example.net'];
/** What the benchmark searches for: a surname (1 person in 20) and an email fragment no one has. */
export const SEARCH_TERMS = { name: 'teixeira', none: 'zz-nobody' } as const;

/** A deterministic pseudo-random number in [0, 1) for row i and purpose k. */
const rand = (i: number, k: number) => {
  let x = (i * 2654435761 + k * 40503) >>> 0;
  x ^= x >>> 15; x = Math.imul(x, 2246822507) >>> 0; x ^= x >>> 13; x = Math.imul(x, 3266489909) >>> 0; x ^= x >>> 16;
  return (x >>> 0) / 4294967296;
};
const iso = (ms: number) => new Date(ms).toISOString();

/** Conversation i of a site: 60% visitors, 30% contacts, 10% members, written over a year, as the registry keeps them. */
export function seededConversation(instanceId: string, i: number): ConversationRecord {
  const roll = rand(i, 1);
  const type: ParticipantType = roll < 0.6 ? 'ANONYMOUS_VISITOR' : roll < 0.9 ? 'CONTACT' : 'MEMBER';
  const conversationId = `${hex(i, 8)}-0000-4000-8000-${hex(i * 7919, 12)}`;
  const last = SEED_END - Math.floor(rand(i, 2) * 365 * DAY);
  const first = last - Math.floor(rand(i, 3) * 30 * DAY);
  const firstName = FIRST[Math.floor(rand(i, 4) * FIRST.length)]!;
  const lastName = LAST[Math.floor(rand(i, 5) * LAST.length)]!;
  const visitorId = `${hex(i, 8)}-1111-4000-8000-${hex(i, 12)}`;
  const history: TypeChange[] = [{ type: 'ANONYMOUS_VISITOR', at: iso(first), conversationId: `old-${i}` }];
  if (type !== 'ANONYMOUS_VISITOR') history.push({ type: 'CONTACT', at: iso(first + (last - first) / 3), conversationId });
  if (type === 'MEMBER') history.push({ type: 'MEMBER', at: iso(first + (2 * (last - first)) / 3), conversationId });
  const named = type !== 'ANONYMOUS_VISITOR';
  return {
    instanceId,
    conversationId,
    participantType: type,
    participant: {
      anonymousVisitorId: visitorId,
      ...(named ? { contactId: `${hex(i, 8)}-2222-4000-8000-${hex(i, 12)}` } : {}),
      ...(type === 'MEMBER' ? { memberId: `${hex(i, 8)}-3333-4000-8000-${hex(i, 12)}` } : {}),
    },
    displayName: named ? `${firstName} ${lastName}` : `Visitor #${visitorId.slice(-4).toUpperCase()}`,
    ...(named ? { email: `${foldCase(firstName)}.${foldCase(lastName)}${i}@${DOMAINS[i % DOMAINS.length]}` } : {}),
    channel: rand(i, 6) < 0.7 ? 'CHAT' : 'EMAIL',
    firstMessageAt: iso(first),
    lastMessageAt: iso(last),
    lastMessagePreview: 'Hello! Do you still have the sourdough loaves in stock for Saturday morning?',
    messageCount: 1 + Math.floor(rand(i, 7) * 20),
    mergedFrom: type === 'ANONYMOUS_VISITOR' ? [] : [`old-${i}`],
    typeHistory: history,
    resolution: 'resolved',
    autoReply: { status: 'replied', at: iso(last + 1000), text: 'Thanks for writing! We answer within the hour.' },
    updatedAt: iso(last + 2000),
  };
}

function seededDecision(record: ConversationRecord, i: number): DecisionRecord {
  const roll = rand(i, 8);
  return {
    instanceId: record.instanceId,
    eventId: `${hex(i, 8)}-4444-4000-8000-${hex(i, 12)}`,
    conversationId: record.conversationId,
    outcome: roll < 0.5 ? 'replied' : roll < 0.95 ? 'skipped' : 'failed',
    ...(roll >= 0.5 && roll < 0.95 ? { reason: 'cooldown' } : {}),
    decidedAt: record.lastMessageAt!,
  };
}

/** The app's store file with `size` conversations (and a decision each) on one site, written by the app's own code in one transaction. */
export function seedAppStore(file: string, instanceId: string, size: number): void {
  const db = bulkWriter(file);
  db.pragma('recursive_triggers = ON');
  migrate(db);
  const conversations = sqliteConversations(db);
  const ledger = sqliteAutoReplyLedger(db);
  db.transaction(() => {
    for (let i = 0; i < size; i++) {
      const record = seededConversation(instanceId, i);
      conversations.put(record);
      void ledger.putDecision(seededDecision(record, i));
    }
  })();
  db.pragma('journal_mode = WAL');
  db.close();
}

/** The floor's file: the same records in a minimal table, one index for each query the floor answers. */
export function seedFloorStore(file: string, instanceId: string, size: number): void {
  const db = bulkWriter(file);
  db.exec(`CREATE TABLE conversations (conversation_id TEXT PRIMARY KEY, participant_type TEXT NOT NULL, name_key TEXT NOT NULL,
      email_key TEXT, last_at TEXT, record TEXT NOT NULL);
    CREATE INDEX by_last ON conversations (last_at, conversation_id, name_key, email_key);
    CREATE INDEX by_type ON conversations (participant_type, last_at, conversation_id);
    CREATE INDEX by_name ON conversations (name_key, conversation_id);`);
  const insert = db.prepare('INSERT INTO conversations VALUES (?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < size; i++) {
      const r = seededConversation(instanceId, i);
      insert.run(r.conversationId, r.participantType, foldCase(r.displayName), r.email === undefined ? null : foldCase(r.email), r.lastMessageAt ?? null, JSON.stringify(r));
    }
  })();
  db.pragma('journal_mode = WAL');
  db.close();
}

/** A fresh file written in one go: no rollback journal, no syncs, every page in memory until the end. */
function bulkWriter(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1048576');
  return db;
}

function hex(n: number, width: number): string {
  return (n >>> 0).toString(16).padStart(width, '0').slice(-width);
}
