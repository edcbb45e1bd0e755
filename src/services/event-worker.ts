import type { JournalEntry } from '../core/ports.js';
import type { EventDeps } from './event-steps.js';
import { advanceEvent } from './event-journal.js';
import { unitOfWork } from './unit-of-work.js';

export interface EventWorker {
  /** Looks for due events now (a poll); calls made while one runs are coalesced into one more. */
  kick(): void;
  /** Hands a just-journaled event to its site's lane at once, without waiting for a poll. */
  offer(entry: JournalEntry): void;
  /** Resolves when no poll is running or queued and every lane is empty. */
  idle(): Promise<void>;
  start(): void;
  /**
   * Stops taking work. Without `graceMs`, waits for every lane to drain what it holds; with it, lets each lane
   * finish the event in hand for at most that long and leaves the rest in the journal (the next start resumes it).
   */
  stop(options?: { graceMs?: number }): Promise<void>;
  /**
   * App Removed: drops the site's queued events and resolves when the event in hand (if any) has ended, so its
   * data can be deleted again after anything that event wrote.
   */
  dropSite(instanceId: string): Promise<void>;
  /** Sites with a lane now (running or waiting for a slot). */
  readonly activeSites: number;
  /** Events held in memory now, across all lanes (at most `maxQueued`). */
  readonly held: number;
}

export interface EventWorkerOptions {
  pollMs?: number;
  /** Lanes that run at once; more sites wait for a slot, first come first served. */
  maxLanes?: number;
  /** Events held in memory across all lanes; more stay in the journal until a poll finds them. */
  maxQueued?: number;
  onError?: (e: unknown) => void;
}

/** Due events read per poll. Fresh events do not wait for it: the webhook hands them over (`offer`). */
const BATCH = 500;
export const MAX_LANES = 64;
/**
 * Events held in memory at most (about 2 kB each, and a lane for each site among them; ~4 MB in all): 32 for each
 * lane that can run, so a site's burst is in its lane whole and is committed in a few units of work, each of which
 * writes a conversation once however many of its messages it ran (at 8 a lane, a unit held about one message a
 * conversation, and each message rewrote its conversation's row and three index entries). With 10,000 sites
 * writing at once the rest wait in the journal (more held raised the peak RSS with 10,000 sites past its target).
 */
export const MAX_QUEUED = 2048;
/**
 * Events a lane runs before it commits, though more of its site's are waiting: what a crash can make run again (no
 * Wix call is among them: a unit commits before each), and how long its commit holds the event loop.
 */
export const MAX_BATCH = 128;

interface Lane {
  instanceId: string;
  queue: JournalEntry[];
  running?: Promise<void>;
}

const keyOf = (e: { instanceId: string; eventId: string }) => `${e.instanceId}\u0000${e.eventId}`;

/** One turn of the event loop: what arrived meanwhile (a webhook to answer) runs first. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Drains the event journal in per-site lanes. A site's events run one after another in its lane (so a merge and a
 * message never race over the same record); each site's lane runs on its own, so a site whose Wix calls hang or
 * are paced holds up only itself. Retries are found by a poll on a timer.
 */
export function createEventWorker(given: EventDeps, options: EventWorkerOptions = {}): EventWorker {
  const deps: EventDeps = { ...given, pause: given.pause ?? nextTurn };
  const pollMs = options.pollMs ?? 1000;
  const maxLanes = options.maxLanes ?? MAX_LANES;
  const maxQueued = options.maxQueued ?? MAX_QUEUED;
  const lanes = new Map<string, Lane>();
  const queued = new Set<string>();
  const waiting: Lane[] = [];
  let runningLanes = 0;
  let polling: Promise<void> | undefined;
  let pollAgain = false;
  /** The last poll filled its batch: more may be due beyond it, so a lane that ends polls again at once. */
  let lastPollFull = false;
  /** Events were left in the journal because the lanes held maxQueued already. */
  let overflowed = false;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let draining = false;
  const drained: (() => void)[] = [];

  const isIdle = () => !polling && lanes.size === 0;
  const notifyIfIdle = () => {
    if (isIdle()) for (const resolve of drained.splice(0)) resolve();
  };

  function enqueue(entry: JournalEntry): void {
    if (stopped || queued.has(keyOf(entry))) return;
    if (queued.size >= maxQueued) {
      // Full: the event stays due in the journal; a poll looks for it once half the held events are done.
      overflowed = true;
      return;
    }
    queued.add(keyOf(entry));
    let lane = lanes.get(entry.instanceId);
    if (!lane) {
      lanes.set(entry.instanceId, (lane = { instanceId: entry.instanceId, queue: [] }));
      waiting.push(lane);
    }
    lane.queue.push(entry);
    startLanes();
  }

  function startLanes(): void {
    while (!stopped && runningLanes < maxLanes && waiting.length > 0) {
      const lane = waiting.shift()!;
      runningLanes++;
      lane.running = runLane(lane).finally(() => {
        runningLanes--;
        lanes.delete(lane.instanceId);
        for (const entry of lane.queue) queued.delete(keyOf(entry));
        startLanes();
        // Events beyond the last poll's batch are looked for once the lanes have worked off half of what they hold;
        // retries wait for the timer. (A poll reads and parses a whole batch: one at every lane's end found one new
        // event each time, and its garbage, with thousands of sites due at once, set the heap's size.)
        if (!stopped && ((lastPollFull && queued.size <= Math.min(BATCH, maxQueued) / 2) || (overflowed && queued.size <= maxQueued / 2))) {
          overflowed = false;
          kick();
        }
        notifyIfIdle();
      });
    }
  }

  async function runLane(lane: Lane): Promise<void> {
    // One unit of work for the lane: the events it runs back to back are committed together (see unit-of-work.ts),
    // and each stays held (queued) until then, so a poll cannot hand out again an event whose end is not yet written.
    const unit = unitOfWork(deps.store);
    const ran: JournalEntry[] = [];
    const commit = async () => {
      try {
        await unit?.commit();
      } finally {
        for (const entry of ran.splice(0)) queued.delete(keyOf(entry));
      }
    };
    try {
      while (!stopped && lane.queue.length > 0) {
        const entry = lane.queue.shift()!;
        ran.push(entry);
        try {
          // Re-read (through the unit: its own progress included): a poll's copy may be older than what this lane wrote.
          const current = await (unit?.store ?? deps.store).getEvent(entry.instanceId, entry.eventId);
          if (current && !current.doneAt && current.nextAttemptAt <= deps.clock.now().toISOString()) await advanceEvent(deps, current, { unit });
        } catch (error) {
          options.onError?.(error);
        }
        // A turn between two events (as between two steps): a webhook that arrived meanwhile is answered first.
        await deps.pause?.();
        if (lane.queue.length === 0 || ran.length >= MAX_BATCH) await commit().catch((error) => options.onError?.(error));
      }
    } finally {
      await commit().catch((error) => options.onError?.(error));
    }
  }

  async function poll(): Promise<void> {
    do {
      pollAgain = false;
      const due = await deps.store.dueEvents(deps.clock.now().toISOString(), BATCH);
      lastPollFull = due.length === BATCH;
      for (const entry of due) enqueue(entry);
    } while (pollAgain && !stopped);
  }

  function kick(): void {
    if (stopped || draining) return;
    if (polling) {
      pollAgain = true;
      return;
    }
    polling = poll()
      .catch((error) => options.onError?.(error))
      .finally(() => {
        polling = undefined;
        notifyIfIdle();
      });
  }

  return {
    kick,
    offer(entry) {
      setImmediate(() => enqueue(entry));
    },
    idle() {
      return new Promise<void>((resolve) => {
        // Let an offer made just before run first.
        setImmediate(() => {
          drained.push(resolve);
          notifyIfIdle();
        });
      });
    },
    start() {
      stopped = false;
      draining = false;
      kick();
      timer ??= setInterval(kick, pollMs);
      timer.unref();
    },
    async stop(stopOptions = {}) {
      if (timer) clearInterval(timer);
      timer = undefined;
      draining = true;
      const inFlight = [polling, ...[...lanes.values()].map((lane) => lane.running)].filter(Boolean);
      if (stopOptions.graceMs === undefined) {
        while (!isIdle()) await new Promise<void>((resolve) => drained.push(resolve));
        stopped = true;
        return;
      }
      stopped = true;
      // Lanes not started yet are dropped: their events stay in the journal, due, for the next start.
      for (const lane of waiting.splice(0)) lanes.delete(lane.instanceId);
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled(inFlight),
        new Promise<void>((resolve) => (timeout = setTimeout(resolve, stopOptions.graceMs))),
      ]);
      clearTimeout(timeout);
    },
    async dropSite(instanceId) {
      const lane = lanes.get(instanceId);
      if (!lane) return;
      for (const entry of lane.queue.splice(0)) queued.delete(keyOf(entry));
      const at = waiting.indexOf(lane);
      if (at >= 0) {
        waiting.splice(at, 1);
        lanes.delete(instanceId);
        notifyIfIdle();
        return;
      }
      await lane.running?.catch(() => undefined);
    },
    get activeSites() {
      return lanes.size;
    },
    get held() {
      return queued.size;
    },
  };
}
