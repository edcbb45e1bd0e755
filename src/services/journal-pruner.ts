import type { Clock, Store } from '../core/ports.js';

/**
 * How long a done journal entry is kept for dedupe. Wix resends an unanswered webhook for about two days
 * (13 deliveries, the last ~48 h after the first); a week covers that with room for a server that was down.
 */
export const JOURNAL_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
export const PRUNE_EVERY_MS = 60 * 60 * 1000;
const PRUNE_BATCH = 1000;

export interface JournalPruner {
  /** Deletes every done entry received before now − retention; answers how many. */
  pruneNow(): Promise<number>;
  start(): void;
  /** Stops the timer and waits for a prune in progress (it stops after its current batch). */
  stop(): Promise<void>;
}

/** Prunes the journal on a timer, a batch at a time (so a large backlog never holds the event loop for long). */
export function journalPruner(store: Store, clock: Clock, options: { retentionMs?: number; everyMs?: number; onError?: (e: unknown) => void } = {}): JournalPruner {
  const retentionMs = options.retentionMs ?? JOURNAL_RETENTION_MS;
  const everyMs = options.everyMs ?? PRUNE_EVERY_MS;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  async function prune(): Promise<number> {
    const before = new Date(clock.now().getTime() - retentionMs).toISOString();
    let total = 0;
    for (;;) {
      const deleted = await store.pruneJournal(before, PRUNE_BATCH);
      total += deleted;
      if (deleted < PRUNE_BATCH || stopped) return total;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  const pruneNow = () => (running ??= prune().finally(() => (running = undefined)));
  return {
    pruneNow,
    start() {
      stopped = false;
      const tick = () => void pruneNow().catch((error) => options.onError?.(error));
      tick();
      timer ??= setInterval(tick, everyMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
  };
}
