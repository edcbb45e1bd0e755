/**
 * The app's Wix Data collections used by the store. A collection ID at run time is `<namespace>/<idSuffix>`,
 * the namespace coming from wix.config.json. The suffixes match src/extensions/backend/data-collections.
 */
export const STORE_COLLECTION_SUFFIXES = {
  conversations: 'conversations',
  aliases: 'aliases',
  journal: 'processed-events',
  persons: 'participants',
  settings: 'settings',
  replyClaims: 'reply-claims',
  decisions: 'decisions',
} as const;

export type StoreCollections = Record<keyof typeof STORE_COLLECTION_SUFFIXES, string>;

export function storeCollections(namespace: string): StoreCollections {
  if (!namespace || namespace.endsWith('/')) {
    throw new Error(`Wix Data store: collection namespace "${namespace}" is not valid; use "namespace" from wix.config.json`);
  }
  const ids = Object.entries(STORE_COLLECTION_SUFFIXES).map(([name, suffix]) => [name, `${namespace}/${suffix}`]);
  return Object.fromEntries(ids) as StoreCollections;
}
