import type { JournalEntry } from '../core/ports.js';
import type { EventDeps } from './event-steps.js';
import { advanceEvent } from './event-journal.js';

export interface EventWorker {
  /** Processes what is due now; calls made while a pass runs are coalesced into one more pass. */
  kick(): void;
  /** Resolves when no pass is running or queued. */
  idle(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

const BATCH = 100;

/**
 * Drains the event journal. Events of one site run one after another (so a merge and a message never
 * race over the same record); different sites run side by side. Retries wake up on a timer.
 */
export function createEventWorker(deps: EventDeps, options: { pollMs?: number; onError?: (e: unknown) => void } = {}): EventWorker {
  const pollMs = options.pollMs ?? 1000;
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  async function pass(): Promise<void> {
    do {
      again = false;
      const due = await deps.store.dueEvents(deps.clock.now().toISOString(), BATCH);
      await Promise.all([...bySite(due).values()].map(async (entries) => {
        for (const entry of entries) await advanceEvent(deps, entry);
      }));
      if (due.length === BATCH) again = true;
    } while (again);
  }

  function kick(): void {
    if (running) {
      again = true;
      return;
    }
    running = pass()
      .catch((error) => options.onError?.(error))
      .finally(() => { running = undefined; });
  }

  return {
    kick,
    async idle() {
      while (running) await running;
    },
    start() {
      kick();
      timer ??= setInterval(kick, pollMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      while (running) await running;
    },
  };
}

function bySite(entries: JournalEntry[]): Map<string, JournalEntry[]> {
  const groups = new Map<string, JournalEntry[]>();
  for (const entry of entries) groups.set(entry.instanceId, [...(groups.get(entry.instanceId) ?? []), entry]);
  return groups;
}
