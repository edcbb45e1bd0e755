import type { items } from '@wix/data';

/** The fields of a Wix Data item as this store writes them; times are Dates, so they fill DATETIME fields. */
type FieldValue = string | number | boolean | Date | string[];
export type ItemFields = { _id: string; instanceId: string } & Record<string, FieldValue>;
type ReadItem = Record<string, unknown>;

/**
 * The part of the `@wix/data` `items` module the store uses: the ambient module on Wix hosting (inside
 * `auth.elevate`), or `createClient({ modules: { items } }).items` elsewhere.
 */
export interface DataItems {
  insert(dataCollectionId: string, item: ItemFields): Promise<unknown>;
  save(dataCollectionId: string, item: ItemFields): Promise<unknown>;
  get(dataCollectionId: string, itemId: string, options?: typeof READ): Promise<ReadItem | null>;
  /** One request for many items (Wix Data: up to 1000). */
  bulkSave(dataCollectionId: string, items: ItemFields[]): Promise<unknown>;
  query(dataCollectionId: string): items.WixDataQuery;
  /** One request for many removals (Wix Data: up to 1000). */
  bulkRemove(dataCollectionId: string, itemIds: string[]): Promise<unknown>;
  /** Every item a filter matches, removed by Wix in the background: one request (App Removed). */
  asyncRemoveByFilter(dataCollectionId: string, filter: items.WixDataFilter): Promise<unknown>;
  /** Grouped counts in one request (the dashboard's cards). */
  aggregate(dataCollectionId: string): items.WixDataAggregate;
  filter(): items.WixDataFilter;
}

/** Saves items in as few requests as it can: one save for one item, one bulk save for more, none for none. */
export async function saveItems(items: DataItems, dataCollectionId: string, all: ItemFields[]): Promise<void> {
  if (all.length === 1) await items.save(dataCollectionId, all[0]!);
  else if (all.length > 1) await items.bulkSave(dataCollectionId, all);
}

/** WDE0074: an item with this `_id` already exists — the durable "already claimed". */
function isDuplicateItem(error: unknown): boolean {
  return (error as { details?: { applicationError?: { code?: unknown } } })?.details?.applicationError?.code === 'WDE0074';
}

/** Inserts an item whose `_id` is its natural key: false if it exists already. Concurrent callers race safely. */
export async function insertOnce(items: DataItems, dataCollectionId: string, item: ItemFields): Promise<boolean> {
  try {
    await items.insert(dataCollectionId, item);
    return true;
  } catch (error) {
    if (isDuplicateItem(error)) return false;
    throw error;
  }
}

/**
 * Every read goes to the primary: Wix Data reads are otherwise eventually consistent, and the core reads what it
 * has just written (a retried webhook, a merge right after a message).
 */
export const READ = { consistentRead: true } as const;

/** Wix Data's largest page. */
export const MAX_PAGE = 1000;

/** Every item a query matches, page by page. */
export async function findAll(query: items.WixDataQuery): Promise<ReadItem[]> {
  const found: ReadItem[] = [];
  for (let skip = 0; ; skip += MAX_PAGE) {
    const page = await query.skip(skip).limit(MAX_PAGE).find(READ);
    found.push(...(page.items as ReadItem[]));
    if (page.items.length < MAX_PAGE) return found;
  }
}

/** A whole record kept in one text field, so it round-trips exactly (no `_id` renames, no date conversion). */
export function parseField<T>(item: ReadItem | null | undefined, field: string): T | undefined {
  const json = item?.[field];
  return typeof json === 'string' ? (JSON.parse(json) as T) : undefined;
}

/** The fields that are set: an absent optional stays absent on the item, so `isEmpty` finds it. */
export function definedFields(fields: Record<string, FieldValue | undefined>): Record<string, FieldValue> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Record<string, FieldValue>;
}

/** An ISO time as a Wix Data date (`{$date}` on the wire); absent stays absent. */
export function dateField(iso: string): Date;
export function dateField(iso: string | undefined): Date | undefined;
export function dateField(iso: string | undefined): Date | undefined {
  return iso === undefined ? undefined : new Date(iso);
}
