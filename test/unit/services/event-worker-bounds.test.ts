import { expect, it } from 'vitest';
import type { MessageEvent } from '../../../src/core/inbox-event.js';
import type { Directory, Inbox } from '../../../src/core/ports.js';
import { journalEntryOf } from '../../../src/services/event-journal.js';
import { createEventWorker } from '../../../src/services/event-worker.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';

/** The business's own messages: recorded as skipped, with no Wix call, so the worker's bookkeeping is all there is. */
const businessMessage = (site: number, n: number): MessageEvent => ({
  kind: 'message', eventId: `e-${site}-${n}`, instanceId: `site-${site}`, at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  conversationId: `c-${site}`, message: { direction: 'BUSINESS_TO_PARTICIPANT', sender: { wixUserId: 'owner' } }, text: 'we are open',
});
const noWix = new Proxy({}, { get: (_t, name) => () => { throw new Error(`no Wix call expected here (${String(name)})`); } });

it('holds at most maxQueued events in memory, from 300 sites at once, and still processes every one from the journal', async () => {
  const store = createMemoryStore();
  const clock = { now: () => new Date() };
  const worker = createEventWorker({ store, clock, directory: noWix as Directory, inbox: noWix as Inbox }, { maxQueued: 50, maxLanes: 8, pollMs: 10 });
  const entries = Array.from({ length: 300 }, (_, i) => journalEntryOf(businessMessage(i, i % 60), clock));
  for (const entry of entries) await store.addEvent(entry);
  worker.start();
  let mostHeld = 0;
  for (const entry of entries) {
    worker.offer(entry);
    mostHeld = Math.max(mostHeld, worker.held);
  }
  while ((await store.dueEvents('9999-01-01T00:00:00.000Z', 10)).length > 0) {
    mostHeld = Math.max(mostHeld, worker.held);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await worker.idle();
  await worker.stop();
  expect(mostHeld).toBeGreaterThan(0);
  expect(mostHeld).toBeLessThanOrEqual(50);
  for (const entry of entries.slice(0, 20)) expect((await store.getEvent(entry.instanceId, entry.eventId))?.doneAt).toBeDefined();
  expect((await store.listDecisions('site-299', ['c-299'], 5)).map((d) => d.reason)).toEqual(['not-a-participant: BUSINESS_DIRECTION']);
});
