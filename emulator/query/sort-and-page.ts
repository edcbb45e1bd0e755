import { WixError } from '../http/wix-error.js';
import { compareValues, valuesAt } from './field-values.js';

export interface SortSpec {
  fieldName?: string;
  order?: string;
}

/** Sorts by each `{fieldName, order}` in turn (ASC unless DESC). */
export function sortBy<T>(items: T[], sort: SortSpec[] | undefined, view: (item: T) => unknown = (i) => i): T[] {
  if (!sort?.length) return items;
  return [...items].sort((a, b) => {
    for (const { fieldName, order } of sort) {
      if (!fieldName) continue;
      const diff = compareValues(valuesAt(view(a), fieldName)[0], valuesAt(view(b), fieldName)[0]);
      if (diff !== 0) return order === 'DESC' ? -diff : diff;
    }
    return 0;
  });
}

export interface OffsetPage<T> {
  items: T[];
  offset: number;
  total: number;
  hasNext: boolean;
}

/** Offset paging `{limit, offset}` with the service's default and maximum limit. */
export function offsetPage<T>(
  items: T[],
  paging: { limit?: unknown; offset?: unknown } | undefined,
  defaults: { limit: number; max: number },
): OffsetPage<T> {
  const limit = paging?.limit === undefined || paging.limit === null ? defaults.limit : Number(paging.limit);
  const offset = paging?.offset === undefined || paging.offset === null ? 0 : Number(paging.offset);
  if (!Number.isInteger(limit) || limit < 0 || limit > defaults.max) {
    throw new WixError(400, 'ILLEGAL_LIMIT', `paging.limit must be an integer from 0 to ${defaults.max}`);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new WixError(400, 'ILLEGAL_OFFSET', 'paging.offset must be a non-negative integer');
  }
  const page = items.slice(offset, offset + limit);
  return { items: page, offset, total: items.length, hasNext: offset + page.length < items.length };
}
