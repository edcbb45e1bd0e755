import type { items } from '@wix/data';
import type { Store } from '../../core/ports.js';
import { type DataItems, dateField, MAX_PAGE, READ } from './data-items.js';

/**
 * Journal pruning and App Removed over the site-items collection, each in as few requests as Wix Data allows: one
 * query and one bulk remove per page of old entries; one remove-by-filter for a whole site (Wix removes the items
 * in the background).
 */
export function dataSiteLifecycle(items: DataItems, collection: string, query: () => items.WixDataQuery): Pick<Store, 'pruneJournal' | 'deleteSite'> {
  return {
    async pruneJournal(receivedBefore, limit) {
      if (limit <= 0) return 0;
      const old = await query().eq('kind', 'event').eq('done', true).lt('receivedAt', dateField(receivedBefore))
        .limit(Math.min(limit, MAX_PAGE)).find(READ);
      if (old.items.length > 0) await items.bulkRemove(collection, old.items.map((item) => String(item._id)));
      return old.items.length;
    },
    async deleteSite(instanceId) {
      await items.asyncRemoveByFilter(collection, items.filter().eq('instanceId', instanceId));
    },
  };
}

/**
 * Removes one site's done journal entries received before a time, and the leftovers of conversations merged away
 * before it (kind `merged`: a bulk save cannot delete, so a merge retires them), however many, in one request (Wix
 * removes them in the background): how a Wix-hosted request with room to spare keeps the collection from growing
 * forever. Nothing reads either after that long.
 */
export async function removeExpiredItems(items: DataItems, collection: string, instanceId: string, before: string): Promise<void> {
  const at = dateField(before);
  const oldEvents = items.filter().eq('kind', 'event').eq('done', true).lt('receivedAt', at);
  const oldRetired = items.filter().eq('kind', 'merged').lt('_updatedDate', at);
  await items.asyncRemoveByFilter(collection, items.filter().eq('instanceId', instanceId).and(oldEvents.or(oldRetired)));
}
