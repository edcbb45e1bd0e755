import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { startWalCheckpointer } from '../../src/store/wal-checkpointer.js';
import { journalEntry, SITE_A } from './battery/fixtures.js';

const dirs: string[] = [];
const tempFile = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'inbox-identity-wal-'));
  dirs.push(dir);
  return join(dir, 'store.db');
};
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('checkpoints off the event loop', () => {
  it('copies what the WAL holds into the database file without the writer ever checkpointing', async () => {
    const file = await tempFile();
    const store = openSqliteStore({ file });
    try {
      const before = statSync(file).size;
      // About 600 kB of journal in one transaction: some 200 pages, below the 1000 at which SQLite's writer would
      // checkpoint on its own.
      const events = Array.from({ length: 600 }, (_, i) => ({ ...journalEntry({ eventId: `evt-${i}` }), payload: JSON.stringify({ text: 'x'.repeat(1000) }) }));
      await store.writeBatch!({ conversations: [], removedConversations: [], aliases: [], persons: [], decisions: [], replyClaims: [], events });
      await expect.poll(() => statSync(file).size, { timeout: 5000 }).toBeGreaterThan(before + 500_000);
      expect(await store.getEvent(SITE_A, 'evt-599')).toMatchObject({ eventId: 'evt-599' });
    } finally {
      await store.close();
    }
  });

  it('starts a long WAL over while commits keep coming, so it stays short, and cuts the file back after the burst', async () => {
    const file = await tempFile();
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const commit = db.transaction(() => {
      for (let i = 0; i < 8; i++) insert.run(Buffer.alloc(3000, i));
    });
    // 256 pages (1 MB) and a 2 MB file here; the store's are 32 and 64 MB.
    const checkpointer = startWalCheckpointer(db, file, { restartPages: 256, sizeLimitBytes: 2 * 1024 * 1024 });
    try {
      // A WAL starts over with new salts in its header (bytes 16–23).
      const salts = () => {
        const header = Buffer.alloc(8);
        const fd = openSync(`${file}-wal`, 'r');
        readSync(fd, header, 0, 8, 16);
        closeSync(fd);
        return header.toString('hex');
      };
      let longest = 0;
      let commits = 0;
      const seen = new Set<string>();
      // Commits for 1.5 s, a millisecond apart: the worker checkpoints every 250 ms while they keep coming.
      const started = performance.now();
      while (performance.now() - started < 1500) {
        commit();
        commits++;
        longest = Math.max(longest, statSync(`${file}-wal`).size);
        seen.add(salts());
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      const written = commits * 8 * 4096;
      expect(seen.size).toBeGreaterThan(2);
      expect(longest).toBeLessThan(written / 2);
      expect(longest).toBeGreaterThan(2 * 1024 * 1024);
      // Once the commits pause, the worker copies the rest; the next commit starts the WAL over and cuts the file back.
      await new Promise((resolve) => setTimeout(resolve, 600));
      commit();
      expect(statSync(`${file}-wal`).size).toBeLessThanOrEqual(2 * 1024 * 1024);
    } finally {
      await checkpointer.close();
      db.close();
    }
  });

  it('hands checkpoints back to the writer when its worker fails', async () => {
    const file = await tempFile();
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    try {
      // The worker cannot open a file that is not there: it fails at once.
      const checkpointer = startWalCheckpointer(db, join(file, 'missing'));
      await expect.poll(() => checkpointer.running).toBe(false);
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    } finally {
      db.close();
    }
  });

  it('turns the writer’s own checkpoint off while the worker runs, and hands it back when closed', async () => {
    const file = await tempFile();
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    const checkpointer = startWalCheckpointer(db, file);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    expect(checkpointer.running).toBe(true);
    await checkpointer.close();
    expect(checkpointer.running).toBe(false);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    db.close();
  });

  it('closes in a process with nothing else to do: the close keeps it alive until the worker has gone', async () => {
    const file = await tempFile();
    // A script that opens a store and closes it at once; its top-level await must settle (exit 0, not 13).
    const script = `import { openSqliteStore } from ${JSON.stringify(new URL('../../src/store/sqlite-store.ts', import.meta.url).href)};
      await openSqliteStore({ file: ${JSON.stringify(file)} }).close(); console.log('closed');`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect({ status: run.status, stdout: run.stdout.trim() }).toStrictEqual({ status: 0, stdout: 'closed' });
  });
});
