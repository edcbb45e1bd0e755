import { WixError } from '../http/wix-error.js';
import type { SiteState } from '../state/site-state.js';
import type { DataItem } from '../state/types.js';
import { insertItem, removeItem, saveItem, updateItem, type ItemWrite, type WriteContext } from './items.js';

type Action = 'INSERT' | 'UPDATE' | 'DELETE';

interface Outcome {
  action: Action;
  item: DataItem;
}

/** Runs one operation per item and reports each result the way the Bulk endpoints do. */
function bulk<T>(inputs: T[], run: (input: T) => Outcome, idOf: (input: T) => string | undefined) {
  const results = inputs.map((input, originalIndex) => {
    try {
      const { action, item } = run(input);
      return { action, itemMetadata: { id: item.id, originalIndex, success: true }, dataItem: item };
    } catch (error) {
      if (!(error instanceof WixError)) throw error;
      const failure = { code: error.code, description: error.message, data: error.data };
      return { itemMetadata: { id: idOf(input), originalIndex, success: false, error: failure } };
    }
  });
  const totalSuccesses = results.filter((r) => r.itemMetadata.success).length;
  return {
    results,
    bulkActionMetadata: { totalSuccesses, totalFailures: results.length - totalSuccesses, undetailedFailures: 0 },
  };
}

const writeId = (w: ItemWrite) => w.id ?? (w.data?._id as string | undefined);

export const bulkInsert = (state: SiteState, collectionId: string, writes: ItemWrite[], ctx: WriteContext) =>
  bulk(writes, (w) => ({ action: 'INSERT', item: insertItem(state, collectionId, w, ctx) }), writeId);

export const bulkUpdate = (state: SiteState, collectionId: string, writes: ItemWrite[], ctx: WriteContext) =>
  bulk(writes, (w) => ({ action: 'UPDATE', item: updateItem(state, collectionId, w, ctx) }), writeId);

export const bulkSave = (state: SiteState, collectionId: string, writes: ItemWrite[], ctx: WriteContext) =>
  bulk(writes, (w) => {
    const existed = state.collections.get(collectionId)?.has(writeId(w) ?? '') ?? false;
    return { action: existed ? 'UPDATE' : 'INSERT', item: saveItem(state, collectionId, w, ctx) };
  }, writeId);

export const bulkRemove = (state: SiteState, collectionId: string, ids: string[]) =>
  bulk(ids, (id) => ({ action: 'DELETE', item: removeItem(state, collectionId, id) }), (id) => id);
