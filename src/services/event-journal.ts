import type { InboxEvent } from '../core/inbox-event.js';
import type { Clock, JournalEntry, Store } from '../core/ports.js';
import { isSiteUnknown } from '../wix/site-unknown.js';
import { DeliveredConcurrentlyError } from './delivered-concurrently.js';
import { giveUp, stepsOf, type EventDeps, type EventStep } from './event-steps.js';
import { unitOfWork, type UnitOfWork } from './unit-of-work.js';

export const RECEIVED = 'received';
export const MAX_ATTEMPTS = 10;
const MAX_BACKOFF_MS = 15 * 60 * 1000;
/** A site Wix does not know (App removed, site deleted): this many tries in all, this far apart, then given up. */
export const UNKNOWN_SITE_ATTEMPTS = 3;
export const UNKNOWN_SITE_BACKOFF_MS = [60_000, 10 * 60_000];

/** Keeps an event durably before anything else happens; a second delivery of it is a duplicate. */
export async function journalEvent(store: Store, clock: Clock, event: InboxEvent): Promise<'added' | 'duplicate'> {
  return store.addEvent(journalEntryOf(event, clock));
}

/** A journal entry for an event just received, with nothing done yet. */
export function journalEntryOf(event: InboxEvent, clock: Clock): JournalEntry {
  const now = clock.now().toISOString();
  return {
    instanceId: event.instanceId,
    eventId: event.eventId,
    eventType: event.kind,
    payload: JSON.stringify(event),
    receivedAt: now,
    stage: RECEIVED,
    attempts: 0,
    nextAttemptAt: now,
  };
}


export interface AdvanceOptions {
  /** The steps to run (by default the entry's own: stepsOf). */
  steps?: readonly EventStep[];
  /** Tries before the event is given up on. */
  maxAttempts?: number;
  /** The lane's unit of work: the event's writes and progress wait for the lane's commit. */
  unit?: UnitOfWork;
}

/**
 * Runs the steps an event has not finished yet, saving after each, so a crash or a failure
 * resumes where it stopped. A failure is retried with backoff (honouring a Retry-After) until MAX_ATTEMPTS.
 * With a store that writes batches, the steps' writes and the event's progress go in one transaction before each
 * Wix call and at the end (see unit-of-work.ts) — or, given the unit of the lane it runs in, at the lane's next
 * commit; otherwise each write, and the progress after each step, at once.
 */
export async function advanceEvent(deps: EventDeps, entry: JournalEntry, options: AdvanceOptions = {}): Promise<JournalEntry> {
  const { steps = stepsOf(entry), maxAttempts = MAX_ATTEMPTS, unit: shared } = options;
  const event = JSON.parse(entry.payload) as InboxEvent;
  const unit = shared ?? unitOfWork(deps.store);
  const stepDeps: EventDeps = unit
    ? { ...deps, store: unit.store, directory: unit.committingBefore(deps.directory), inbox: unit.committingBefore(deps.inbox) }
    : deps;
  const save = async (progress: JournalEntry) => {
    if (unit) unit.progress(progress);
    else await deps.store.updateEvent(progress);
  };
  let current = entry;
  const start = steps.findIndex((step) => step.name === entry.stage) + 1;
  try {
    for (const [i, step] of steps.slice(start).entries()) {
      if (i > 0) await deps.pause?.();
      const outcome = await step.run(stepDeps, event, current);
      current = { ...current, stage: step.name, lastError: undefined };
      if (outcome === 'stop') break;
      await save(current);
    }
    current = { ...current, doneAt: deps.clock.now().toISOString() };
  } catch (error) {
    if (error instanceof DeliveredConcurrentlyError) {
      await unit?.commit();
      throw error;
    }
    current = failedAttempt(current, error, deps.clock.now(), maxAttempts);
    if (current.doneAt) await giveUp(stepDeps, event, current, current.lastError ?? 'failed').catch(() => undefined);
  }
  await save(current);
  if (unit && !shared) {
    await deps.pause?.();
    await unit.commit();
  }
  return current;
}

function failedAttempt(entry: JournalEntry, error: unknown, now: Date, maxAttempts: number): JournalEntry {
  const attempts = entry.attempts + 1;
  const message = error instanceof Error ? error.message : String(error);
  if (isSiteUnknown(error)) {
    if (attempts >= Math.min(maxAttempts, UNKNOWN_SITE_ATTEMPTS)) return { ...entry, attempts, lastError: message, doneAt: now.toISOString() };
    const wait = UNKNOWN_SITE_BACKOFF_MS[Math.min(attempts, UNKNOWN_SITE_BACKOFF_MS.length) - 1]!;
    return { ...entry, attempts, lastError: message, nextAttemptAt: new Date(now.getTime() + wait).toISOString() };
  }
  if (attempts >= maxAttempts) {
    // Given up: done, with the error kept for the owner to see.
    return { ...entry, attempts, lastError: message, doneAt: now.toISOString() };
  }
  const backoff = Math.max(retryAfterMs(error), Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (attempts - 1)));
  return { ...entry, attempts, lastError: message, nextAttemptAt: new Date(now.getTime() + backoff).toISOString() };
}

/** A Retry-After that an error carries (seconds), as milliseconds. */
function retryAfterMs(error: unknown): number {
  const seconds = Number((error as { retryAfterSeconds?: unknown })?.retryAfterSeconds);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}
