import type { Database, Statement } from 'better-sqlite3';

export interface GroupedInserts<Row> {
  /** Inserts `row` (INSERT OR IGNORE) with the others of this turn; answers whether it was new. */
  insert(row: Row): Promise<'added' | 'duplicate'>;
  /** Writes what is waiting now (before the database closes). */
  flush(): void;
}

/**
 * Inserts that arrive in the same turn of the event loop, written in one transaction at its end: under load the
 * webhooks that came in together share one commit — and the pages they all write (the table's last page, the end
 * of the pending index) — where each was a commit of its own. A caller waits for its commit as before; one alone
 * waits a turn. Should the transaction fail, every insert in it fails (none was written).
 */
export function groupedInserts<Row>(db: Database, statement: Statement<[Row]>): GroupedInserts<Row> {
  let waiting: { row: Row; resolve: (added: 'added' | 'duplicate') => void; reject: (error: unknown) => void }[] = [];
  const write = db.transaction((rows: Row[]) => rows.map((row) => statement.run(row).changes === 1));
  const flush = () => {
    const batch = waiting;
    waiting = [];
    if (batch.length === 0) return;
    try {
      const added = write(batch.map((w) => w.row));
      batch.forEach((w, i) => w.resolve(added[i] ? 'added' : 'duplicate'));
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  };
  return {
    insert: (row) => new Promise((resolve, reject) => {
      if (waiting.length === 0) setImmediate(flush);
      waiting.push({ row, resolve, reject });
    }),
    flush,
  };
}
