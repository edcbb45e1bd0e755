/**
 * The app keeps everything in ONE Wix Data collection, `<namespace>/site-items`, with a `kind` per item: a request
 * on Wix hosting may make only 20 sub-requests, and one collection lets a request read all it needs about a person in
 * one query and write all it changed in one bulk save. The suffix matches src/extensions/backend/data-collections.
 */
export const SITE_ITEMS_SUFFIX = 'site-items';

export function siteItemsCollection(namespace: string): string {
  if (!namespace || namespace.endsWith('/')) {
    throw new Error(`Wix Data store: collection namespace "${namespace}" is not valid; use "namespace" from wix.config.json`);
  }
  return `${namespace}/${SITE_ITEMS_SUFFIX}`;
}

/** What an item is. A folded conversation keeps its `_id` with kind `merged`, so no delete is needed. */
export type ItemKind = 'event' | 'conversation' | 'merged' | 'alias' | 'person' | 'claim' | 'decision' | 'type-change' | 'settings';
