import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { itemOf } from '../../src/core/conversation-item.js';
import { statsOf } from '../../src/core/conversation-stats.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { SCALE_SCHEMA } from '../../src/store/sqlite-scale-schema.js';
import { MIGRATIONS } from '../../src/store/sqlite-schema.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { conversation, fullConversation, journalEntry, SITE_A } from './battery/fixtures.js';
import { storeBattery } from './store-battery.js';

const tempDirs: string[] = [];
async function tempFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'inbox-identity-sqlite-'));
  tempDirs.push(dir);
  return join(dir, 'data', 'store.db');
}
afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

storeBattery('SQLite :memory:', async () => {
  const store = openSqliteStore({ file: ':memory:' });
  return { store, cleanup: () => store.close() };
});

storeBattery('SQLite file', async () => {
  const store = openSqliteStore({ file: await tempFile() });
  return { store, cleanup: () => store.close() };
});

describe('SQLite store on disk', () => {
  it('keeps journal entries, their dedupe, and conversations across a restart', async () => {
    const file = await tempFile();
    const first = openSqliteStore({ file });
    const entry = journalEntry({ eventId: 'evt-durable', lastError: 'crashed mid-way' });
    const record = fullConversation('conv-durable');
    await first.addEvent(entry);
    await first.putConversation(record);
    await first.setAlias(SITE_A, 'old', 'conv-durable');
    await first.close();

    const second = openSqliteStore({ file });
    expect(await second.getEvent(SITE_A, 'evt-durable')).toStrictEqual(entry);
    expect(await second.addEvent(entry)).toBe('duplicate');
    expect(await second.dueEvents('2030-01-01T00:00:00.000Z', 10)).toStrictEqual([entry]);
    expect(await second.getConversation(SITE_A, 'conv-durable')).toStrictEqual(record);
    expect(await second.getAlias(SITE_A, 'old')).toBe('conv-durable');
    await second.close();
  });

  it('writes in WAL mode and records the schema version', async () => {
    const file = await tempFile();
    await openSqliteStore({ file }).close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('reopens an up-to-date file without migrating it again', async () => {
    const file = await tempFile();
    const first = openSqliteStore({ file });
    await first.putConversation(conversation({ conversationId: 'c' }));
    await first.close();
    const second = openSqliteStore({ file });
    expect((await second.listConversations(SITE_A, { sort: { field: 'displayName', order: 'asc' }, offset: 0, limit: 5 })).total).toBe(1);
    await second.close();
  });

  it('opens an up-to-date file without writing: a writer holding the lock elsewhere does not stop it starting', async () => {
    const file = await tempFile();
    const first = openSqliteStore({ file });
    await first.putConversation(conversation({ conversationId: 'c' }));
    await first.close();
    const writer = new Database(file);
    writer.exec('BEGIN IMMEDIATE');
    try {
      // A write at open (the schema step's transaction) would wait out the busy timeout and fail with SQLITE_BUSY.
      const second = openSqliteStore({ file });
      expect((await second.getConversation(SITE_A, 'c'))?.conversationId).toBe('c');
      await second.close();
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
  });

  it('brings a file of the schema before the dashboard\'s scale steps up: totals, became-times, day counts and list items backfilled', async () => {
    const file = await tempFile();
    await mkdir(dirname(file), { recursive: true });
    const old = new Database(file);
    const before = MIGRATIONS.indexOf(SCALE_SCHEMA);
    for (const step of MIGRATIONS.slice(0, before)) old.exec(step);
    old.pragma(`user_version = ${before}`);
    const rows = [fullConversation('conv-a'), { ...fullConversation('conv-b'), participantType: 'CONTACT' as const, typeHistory: fullConversation('x').typeHistory.slice(0, 2) }];
    const insert = old.prepare(`INSERT INTO conversations (instance_id, conversation_id, participant_type, display_name_key, email_key,
      last_message_at, first_message_at, message_count, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const r of rows) {
      insert.run(r.instanceId, r.conversationId, r.participantType, r.displayName.toLowerCase(), r.email ?? null, r.lastMessageAt ?? null, r.firstMessageAt ?? null, r.messageCount, JSON.stringify(r));
    }
    const decision = { instanceId: SITE_A, eventId: 'e-1', conversationId: 'conv-a', outcome: 'replied' as const, decidedAt: '2025-02-15T08:00:00.000Z' };
    old.prepare('INSERT INTO decisions (instance_id, event_id, conversation_id, outcome, decided_at, decision) VALUES (?, ?, ?, ?, ?, ?)')
      .run(decision.instanceId, decision.eventId, decision.conversationId, decision.outcome, decision.decidedAt, JSON.stringify(decision));
    old.close();

    const store = openSqliteStore({ file });
    const sort = { field: 'lastMessageAt', order: 'desc' } as const;
    const page = await store.listConversations(SITE_A, { sort, offset: 0, limit: 5 });
    expect(page.total).toBe(2);
    expect(page.itemsJson!.map((json) => JSON.parse(json) as unknown)).toStrictEqual(page.items.map(itemOf));
    expect((await store.listConversations(SITE_A, { type: 'CONTACT', sort, offset: 0, limit: 1 })).total).toBe(1);
    for (const period of [{ from: '2025-01-01T00:00:00.000Z', to: '2025-12-31T00:00:00.000Z' }, { from: '2025-02-10T08:00:00.000Z', to: '2025-02-20T08:00:00.000Z' }]) {
      expect(await store.conversationStats(SITE_A, period)).toStrictEqual(statsOf(rows, [decision], period));
    }
    // The funnel's columns were backfilled from the records: the same funnel as the reference store's.
    const reference = createMemoryStore();
    for (const r of rows) await reference.putConversation(r);
    const year = { from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' };
    expect(await store.conversionFunnel(SITE_A, year)).toStrictEqual(await reference.conversionFunnel(SITE_A, year));
    await store.close();
  });

  it('moves the journal of a file from before the rowid journal: entries due, done and deduplicated as before', async () => {
    const file = await tempFile();
    await mkdir(dirname(file), { recursive: true });
    const old = new Database(file);
    const before = MIGRATIONS.length - 1;
    for (const step of MIGRATIONS.slice(0, before)) old.exec(step);
    old.pragma(`user_version = ${before}`);
    const due = journalEntry({ eventId: 'evt-due' });
    const done = journalEntry({ eventId: 'evt-done', stage: 'replied', doneAt: '2025-03-01T10:00:05.000Z' });
    const insert = old.prepare('INSERT INTO journal (instance_id, event_id, received_at, next_attempt_at, done, entry) VALUES (?, ?, ?, ?, ?, ?)');
    for (const e of [due, done]) insert.run(e.instanceId, e.eventId, e.receivedAt, e.nextAttemptAt, e.doneAt ? 1 : 0, JSON.stringify(e));
    old.close();

    const store = openSqliteStore({ file });
    expect(await store.dueEvents('2030-01-01T00:00:00.000Z', 10)).toStrictEqual([due]);
    expect(await store.getEvent(SITE_A, 'evt-done')).toStrictEqual(done);
    expect(await store.addEvent(due)).toBe('duplicate');
    await store.updateEvent({ ...due, stage: 'replied', doneAt: '2025-03-01T10:00:09.000Z' });
    expect(await store.dueEvents('2030-01-01T00:00:00.000Z', 10)).toStrictEqual([]);
    expect(await store.pruneJournal('2030-01-01T00:00:00.000Z', 10)).toBe(2);
    await store.close();
  });

  it('refuses a file written by a newer schema, naming the setting to change', async () => {
    const file = await tempFile();
    await openSqliteStore({ file }).close();
    const db = new Database(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openSqliteStore({ file })).toThrow(/schema version .* DATA_DIR/);
  });

  it('refuses work after close', async () => {
    const store = openSqliteStore({ file: ':memory:' });
    await store.close();
    await expect(store.getAlias(SITE_A, 'x')).rejects.toThrow(/not open/);
  });
});
