import type { items } from '@wix/data';
import type { Store } from '../../core/ports.js';
import { type DataItems, dateField, findAll, MAX_PAGE, READ } from './data-items.js';

/** Removes items by `_id`, a few at a time (DataItems has no bulk remove; this runs rarely: pruning, App Removed). */
async function removeAll(items: DataItems, collection: string, found: Record<string, unknown>[]): Promise<void> {
  const idsOf = found.map((item) => String(item._id));
  for (let i = 0; i < idsOf.length; i += 10) await Promise.all(idsOf.slice(i, i + 10).map((id) => items.remove(collection, id)));
}

/** Journal pruning and App Removed over the site-items collection. */
export function dataSiteLifecycle(items: DataItems, collection: string, query: () => items.WixDataQuery): Pick<Store, 'pruneJournal' | 'deleteSite'> {
  return {
    async pruneJournal(receivedBefore, limit) {
      if (limit <= 0) return 0;
      const old = await query().eq('kind', 'event').eq('done', true).lt('receivedAt', dateField(receivedBefore))
        .limit(Math.min(limit, MAX_PAGE)).find(READ);
      await removeAll(items, collection, old.items as Record<string, unknown>[]);
      return old.items.length;
    },
    async deleteSite(instanceId) {
      await removeAll(items, collection, await findAll(query().eq('instanceId', instanceId)));
    },
  };
}
