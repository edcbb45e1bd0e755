import type { Database } from 'better-sqlite3';

export interface GroupCommit {
  /** Runs `write` with the others asked for in this turn of the event loop; resolves with its result once that commit is done. */
  write<R>(write: () => R): Promise<R>;
  /** Commits what is waiting now (before the database closes). */
  flush(): void;
}

/**
 * Group commit: the writes asked for in one turn of the event loop (the webhooks whose bodies arrived together, the
 * lanes that finished together, whatever kind of write each is) share one transaction, committed at the end of that
 * turn. Each caller still hears back only after its write is committed. The transaction's fixed cost and the pages
 * the writes share (the journal's newest page, its pending index, the day counts) are paid once for the group.
 *
 * Each write must be atomic by itself (one statement, or a `db.transaction`, which nests as a savepoint): one that
 * throws is undone alone and fails alone; the others commit. If the commit itself fails, every caller gets its error.
 */
export function groupCommit(db: Database): GroupCommit {
  type Waiting = { write: () => unknown; resolve: (result: unknown) => void; reject: (error: unknown) => void };
  type Outcome = { ok: true; result: unknown } | { ok: false; error: unknown };
  const writeAll = db.transaction((group: Waiting[]): Outcome[] => group.map(({ write }) => {
    try {
      return { ok: true, result: write() };
    } catch (error) {
      return { ok: false, error };
    }
  }));
  let waiting: Waiting[] = [];

  const flush = () => {
    const group = waiting;
    waiting = [];
    if (group.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = writeAll(group);
    } catch (error) {
      for (const w of group) w.reject(error);
      return;
    }
    group.forEach((w, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) w.resolve(outcome.result);
      else w.reject(outcome.error);
    });
  };

  return {
    write: <R>(write: () => R) => new Promise<R>((resolve, reject) => {
      if (waiting.push({ write, resolve: resolve as (result: unknown) => void, reject }) === 1) setImmediate(flush);
    }),
    flush,
  };
}
