import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { groupCommit } from '../../src/store/group-commit.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { conversation, journalEntry } from './battery/fixtures.js';

const dirs: string[] = [];
const open: Database.Database[] = [];
async function twoConnections() {
  const dir = await mkdtemp(join(tmpdir(), 'inbox-identity-group-'));
  dirs.push(dir);
  const writer = new Database(join(dir, 'x.db'));
  writer.pragma('journal_mode = WAL');
  writer.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)');
  const reader = new Database(join(dir, 'x.db'), { readonly: true });
  open.push(writer, reader);
  const committed = () => (reader.prepare('SELECT k FROM t ORDER BY k').all() as { k: string }[]).map((r) => r.k);
  return { writer, committed };
}
afterEach(async () => {
  for (const db of open.splice(0)) db.close();
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('group commit', () => {
  it('commits the writes of one turn in one transaction, and answers each only once it is committed', async () => {
    const { writer, committed } = await twoConnections();
    const insert = writer.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
    const inTransaction: boolean[] = [];
    const group = groupCommit(writer);
    const write = (k: string) => () => {
      inTransaction.push(writer.inTransaction);
      return insert.run(k, 1).changes;
    };
    const seenAtAnswer: string[][] = [];
    const answers = ['a', 'b', 'c'].map((k) => group.write(write(k)).then((changes) => (seenAtAnswer.push(committed()), changes)));
    expect(committed()).toEqual([]);
    expect(await Promise.all(answers)).toEqual([1, 1, 1]);
    expect(inTransaction).toEqual([true, true, true]);
    // Every caller heard back after all three rows were visible to another connection: one commit for the three.
    expect(seenAtAnswer).toEqual([['a', 'b', 'c'], ['a', 'b', 'c'], ['a', 'b', 'c']]);
  });

  it('fails a write that throws alone, undone, and commits the others of its group', async () => {
    const { writer, committed } = await twoConnections();
    const insert = writer.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
    // Two statements that must stand or fall together: the second fails for 'bad' after the first has run.
    const pair = writer.transaction((k: string) => {
      insert.run(`${k}-1`, 1);
      insert.run(`${k}-2`, k === 'bad' ? null : 2);
    });
    const group = groupCommit(writer);
    const outcomes = await Promise.allSettled(['x', 'bad', 'y'].map((k) => group.write(() => pair(k))));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/NOT NULL/);
    expect(committed()).toEqual(['x-1', 'x-2', 'y-1', 'y-2']);
  });

  it('starts a new group for writes asked for after the last one committed', async () => {
    const { writer, committed } = await twoConnections();
    const insert = writer.prepare('INSERT INTO t (k, v) VALUES (?, 1)');
    const group = groupCommit(writer);
    const write = (k: string) => () => insert.run(k).changes;
    await group.write(write('first'));
    expect(committed()).toEqual(['first']);
    await Promise.all([group.write(write('second')), group.write(write('third'))]);
    expect(committed()).toEqual(['first', 'second', 'third']);
  });

  it('commits what is waiting when the store closes', async () => {
    // In memory there is no checkpointer to wait for: close() would reach the database before the turn ends.
    const store = openSqliteStore({ file: ':memory:' });
    const added = store.addEvent(journalEntry({ eventId: 'evt-at-close' }));
    await store.close();
    expect(await added).toBe('added');
  });

  it('tells a duplicate within one group from the first delivery', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'inbox-identity-group-'));
    dirs.push(dir);
    const store = openSqliteStore({ file: join(dir, 'store.db') });
    try {
      const entry = journalEntry({ eventId: 'evt-twice' });
      expect(await Promise.all([store.addEvent(entry), store.addEvent(entry), store.addEvent(journalEntry({ eventId: 'evt-other' }))]))
        .toEqual(['added', 'duplicate', 'added']);
    } finally {
      await store.close();
    }
  });

  it("shares one transaction between a webhook's journal insert and a lane's writes asked for in the same turn", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'inbox-identity-group-'));
    dirs.push(dir);
    const file = join(dir, 'store.db');
    const store = openSqliteStore({ file });
    try {
      const reader = new Database(file, { readonly: true });
      open.push(reader);
      const seen = () => ({
        events: (reader.prepare('SELECT count(*) AS n FROM journal').get() as { n: number }).n,
        conversations: (reader.prepare('SELECT count(*) AS n FROM conversations').get() as { n: number }).n,
      });
      const writes = { conversations: [conversation({ conversationId: 'conv-1' })], removedConversations: [], aliases: [], persons: [],
        decisions: [], replyClaims: [], events: [] };
      // Each caller looks at the file the moment it hears back: one commit shows it both writes, two would not.
      const added = store.addEvent(journalEntry({ eventId: 'evt-1' })).then(seen);
      const batch = store.writeBatch!(writes).then(seen);
      expect(await added).toEqual({ events: 1, conversations: 1 });
      expect(await batch).toEqual({ events: 1, conversations: 1 });
    } finally {
      await store.close();
    }
  });
});
