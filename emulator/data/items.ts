import { newGuid } from '../util/ids.js';
import type { SiteState } from '../state/site-state.js';
import type { DataItem, Json } from '../state/types.js';
import { collection, itemExists, itemMissing } from './collections.js';

export interface ItemWrite {
  id?: string;
  data?: Json;
}

export interface WriteContext {
  nowIso: string;
  ownerId: string;
}

/** Insert: a duplicate `_id` is WDE0074 (the natural "claim" on Wix). */
export function insertItem(state: SiteState, collectionId: string, write: ItemWrite, ctx: WriteContext): DataItem {
  const items = collection(state, collectionId, true);
  const id = itemId(write);
  if (items.has(id)) throw itemExists(id, collectionId);
  return store(items, collectionId, id, write.data ?? {}, ctx, ctx.nowIso);
}

export function updateItem(state: SiteState, collectionId: string, write: ItemWrite, ctx: WriteContext): DataItem {
  const items = collection(state, collectionId, true);
  const id = itemId(write);
  const existing = items.get(id);
  if (!existing) throw itemMissing(id, collectionId);
  return store(items, collectionId, id, write.data ?? {}, ctx, createdOf(existing));
}

export function saveItem(state: SiteState, collectionId: string, write: ItemWrite, ctx: WriteContext): DataItem {
  const items = collection(state, collectionId, true);
  const id = itemId(write);
  const existing = items.get(id);
  return store(items, collectionId, id, write.data ?? {}, ctx, existing ? createdOf(existing) : ctx.nowIso);
}

export function getItem(state: SiteState, collectionId: string, id: string): DataItem {
  const item = collection(state, collectionId).get(id);
  if (!item) throw itemMissing(id, collectionId);
  return item;
}

export function removeItem(state: SiteState, collectionId: string, id: string): DataItem {
  const items = collection(state, collectionId);
  const item = items.get(id);
  if (!item) throw itemMissing(id, collectionId);
  items.delete(id);
  return item;
}

function store(items: Map<string, DataItem>, collectionId: string, id: string, data: Json, ctx: WriteContext,
  createdIso: string): DataItem {
  const item: DataItem = {
    id,
    dataCollectionId: collectionId,
    data: {
      ...structuredClone(data),
      _id: id,
      _owner: ctx.ownerId,
      _createdDate: { $date: createdIso },
      _updatedDate: { $date: ctx.nowIso },
    },
  };
  items.set(id, item);
  return item;
}

const itemId = (write: ItemWrite): string => write.id ?? (write.data?._id as string | undefined) ?? newGuid();

const createdOf = (item: DataItem): string => (item.data._createdDate as { $date: string }).$date;
