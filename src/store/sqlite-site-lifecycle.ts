import type { Database } from 'better-sqlite3';
import type { Store } from '../core/ports.js';

/**
 * Journal pruning and App Removed for the SQLite store. `deleteSite` clears every table that has an `instance_id`
 * column, found from the schema itself, so a table added later is covered without a change here.
 */
export function sqliteSiteLifecycle(db: Database): Pick<Store, 'pruneJournal' | 'deleteSite'> {
  const prune = db.prepare(`DELETE FROM journal WHERE (instance_id, event_id) IN (
    SELECT instance_id, event_id FROM journal WHERE done = 1 AND received_at < ? LIMIT ?)`);
  const siteTables = () => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[])
    .map((t) => t.name)
    .filter((name) => (db.pragma(`table_info("${name.replace(/"/g, '""')}")`) as { name: string }[]).some((c) => c.name === 'instance_id'));
  const deleteSite = db.transaction((instanceId: string) => {
    for (const table of siteTables()) db.prepare(`DELETE FROM "${table.replace(/"/g, '""')}" WHERE instance_id = ?`).run(instanceId);
  });
  return {
    pruneJournal: async (receivedBefore, limit) => prune.run(receivedBefore, Math.max(0, Math.floor(limit))).changes,
    deleteSite: async (instanceId) => void deleteSite(instanceId),
  };
}
