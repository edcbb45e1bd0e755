import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
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
