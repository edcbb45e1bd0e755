import { WixError } from '../http/wix-error.js';
import type { SiteState } from '../state/site-state.js';
import type { DataItem } from '../state/types.js';

/** A site's collection; created on first write, empty (not missing) before that. */
export function collection(state: SiteState, dataCollectionId: unknown, create = false): Map<string, DataItem> {
  if (typeof dataCollectionId !== 'string' || !dataCollectionId) {
    throw new WixError(400, 'WDE0001', 'WDE0001: Collection name must be a string.');
  }
  let items = state.collections.get(dataCollectionId);
  if (!items) {
    items = new Map();
    if (create) state.collections.set(dataCollectionId, items);
  }
  return items;
}

export const itemMissing = (id: string, collectionId: string) =>
  new WixError(404, 'WDE0073', `WDE0073: Item [${id}] does not exist in collection [${collectionId}].`, {
    itemId: id,
    collectionId,
  });

export const itemExists = (id: string, collectionId: string) =>
  new WixError(409, 'WDE0074', `WDE0074: An item with _id [${id}] already exists in collection [${collectionId}].`, {
    itemId: id,
    collectionId,
  });
