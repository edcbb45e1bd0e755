import { expect, it } from 'vitest';
import type { MessageEvent } from '../../../src/core/inbox-event.js';
import type { Directory, Inbox, Store, StoreWrites } from '../../../src/core/ports.js';
import { withDefaults } from '../../../src/core/auto-reply/settings.js';
import { journalEntryOf } from '../../../src/services/event-journal.js';
import { createEventWorker } from '../../../src/services/event-worker.js';
import { openSqliteStore } from '../../../src/store/sqlite-store.js';

/** A visitor's messages to a site whose auto-replies are off: every step runs, and none needs a Wix call. */
const visitorMessage = (site: number, n: number): MessageEvent => ({
  kind: 'message', eventId: `e-${site}-${n}`, instanceId: `site-${site}`, at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  conversationId: `c-${site}`, message: { direction: 'PARTICIPANT_TO_BUSINESS', sender: { anonymousVisitorId: `v-${site}` } }, text: 'hello',
});
const noWix = new Proxy({}, { get: (_t, name) => () => { throw new Error(`no Wix call expected here (${String(name)})`); } });

it('runs each event once though polls find it due between every step while its lane has not committed it yet', async () => {
  const sqlite = openSqliteStore({ file: ':memory:' });
  const batches: StoreWrites[] = [];
  const store: Store = {
    ...sqlite,
    async writeBatch(writes) {
      batches.push(writes);
      await sqlite.writeBatch!(writes);
    },
  };
  const clock = { now: () => new Date() };
  // A poll between every two steps: it finds due every event whose end the lane holds and has not written yet.
  const pause = async () => {
    worker.kick();
    await new Promise((resolve) => setImmediate(resolve));
  };
  const worker = createEventWorker({ store, clock, directory: noWix as Directory, inbox: noWix as Inbox, pause }, { pollMs: 60_000 });
  const entries = Array.from({ length: 40 }, (_, i) => journalEntryOf(visitorMessage(i % 4, i), clock));
  for (const entry of entries) await store.addEvent(entry);
  for (const site of [0, 1, 2, 3]) await store.putSettings(`site-${site}`, { ...withDefaults(undefined), enabled: false });
  worker.start();
  for (const entry of entries) worker.offer(entry);
  while ((await store.dueEvents('9999-01-01T00:00:00.000Z', 100)).length > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  await worker.idle();
  await worker.stop();
  const decided = batches.flatMap((b) => b.decisions.map((d) => d.eventId));
  expect(decided.sort()).toEqual(entries.map((e) => e.eventId).sort());
  // Fewer transactions than events: a lane's events back to back are one.
  expect(batches.length).toBeLessThan(entries.length);
  for (const site of [0, 1, 2, 3]) {
    expect(await store.listDecisions(`site-${site}`, [`c-${site}`], 20)).toHaveLength(10);
    expect((await store.getConversation(`site-${site}`, `c-${site}`))?.messageCount).toBe(10);
  }
  await sqlite.close();
});
