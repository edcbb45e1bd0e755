import { expect, it } from 'vitest';
import type { JournalEntry } from '../../../src/core/ports.js';
import { JOURNAL_RETENTION_MS, journalPruner } from '../../../src/services/journal-pruner.js';
import { openSqliteStore } from '../../../src/store/sqlite-store.js';

const DAY = 24 * 60 * 60 * 1000;
const entry = (eventId: string, receivedAt: Date, done: boolean): JournalEntry => ({
  instanceId: 'site-1', eventId, eventType: 'message', payload: '{}', receivedAt: receivedAt.toISOString(), stage: 'received',
  attempts: 0, nextAttemptAt: receivedAt.toISOString(), ...(done ? { doneAt: receivedAt.toISOString() } : {}),
});

/** The journal keeps done entries for dedupe for a week (Wix resends for ~2 days), then the pruner deletes them. */
it('prunes done entries older than the retention, in batches, and keeps the rest', async () => {
  expect(JOURNAL_RETENTION_MS).toBe(7 * DAY);
  const now = new Date('2026-06-01T00:00:00.000Z');
  const store = openSqliteStore({ file: ':memory:' });
  for (let i = 0; i < 2500; i++) await store.addEvent(entry(`old-${i}`, new Date(now.getTime() - 8 * DAY), true));
  await store.addEvent(entry('old-pending', new Date(now.getTime() - 8 * DAY), false));
  await store.addEvent(entry('recent-done', new Date(now.getTime() - 6 * DAY), true));
  const pruner = journalPruner(store, { now: () => now });
  expect(await pruner.pruneNow()).toBe(2500);
  expect(await store.getEvent('site-1', 'old-0')).toBeUndefined();
  expect(await store.getEvent('site-1', 'old-pending')).toBeDefined();
  expect(await store.getEvent('site-1', 'recent-done')).toBeDefined();
  expect(await pruner.pruneNow()).toBe(0);
  await store.close();
});
