import { WixError } from '../http/wix-error.js';
import { matchesFilter, type Filter } from '../query/filter.js';
import { offsetPage, sortBy, type SortSpec } from '../query/sort-and-page.js';
import type { SiteState } from '../state/site-state.js';
import type { Json } from '../state/types.js';
import { collection } from './collections.js';

interface QueryRequest {
  dataCollectionId?: unknown;
  query?: {
    filter?: Filter;
    sort?: SortSpec[];
    paging?: { limit?: unknown; offset?: unknown };
    cursorPaging?: { limit?: unknown; cursor?: unknown };
    fields?: string[];
  };
  returnTotalCount?: boolean;
}

interface DataCursor {
  filter?: Filter;
  sort?: SortSpec[];
  offset: number;
}

/** Query Data Items: filter, sort, offset or cursor paging (a cursor carries its filter and sort). */
export function queryItems(state: SiteState, request: QueryRequest) {
  const collectionId = String(request.dataCollectionId ?? '');
  const query = request.query ?? {};
  const cursor = query.cursorPaging?.cursor ? decode(query.cursorPaging.cursor) : undefined;
  const filter = cursor ? cursor.filter : query.filter;
  const sort = cursor ? cursor.sort : query.sort;
  const limitSource = query.cursorPaging ?? query.paging;
  const paging = { limit: limitSource?.limit, offset: cursor?.offset ?? query.paging?.offset };

  const matching = [...collection(state, collectionId).values()].filter((item) => matchesFilter(item.data, filter));
  const page = offsetPage(sortBy(matching, sort, (item) => item.data), paging, { limit: 50, max: 1000 });
  const dataItems = page.items.map((item) => ({ ...item, data: project(item.data, query.fields) }));
  const usesCursor = Boolean(query.cursorPaging);
  return {
    dataItems,
    pagingMetadata: {
      count: dataItems.length,
      ...(usesCursor ? {} : { offset: page.offset }),
      ...(request.returnTotalCount ? { total: page.total } : {}),
      tooManyToCount: false,
      hasNext: page.hasNext,
      ...(usesCursor && page.hasNext
        ? { cursors: { next: encode({ filter, sort, offset: page.offset + dataItems.length }) } }
        : {}),
    },
  };
}

export function countItems(state: SiteState, request: { dataCollectionId?: unknown; filter?: Filter }) {
  const items = [...collection(state, String(request.dataCollectionId ?? '')).values()];
  return { totalCount: items.filter((item) => matchesFilter(item.data, request.filter)).length };
}

/**
 * Async Remove Data Items By Filter: Wix answers with a job and removes in the background; the emulator removes at
 * once (a job done before anyone asks), so a test sees the result without polling.
 */
export function removeByFilter(state: SiteState, collectionId: string, filter: Filter | undefined) {
  if (!filter || Object.keys(filter).length === 0) throw new WixError(400, 'WDE0080', 'filter is required: removing by filter needs one');
  const items = collection(state, collectionId);
  for (const [id, item] of items) if (matchesFilter(item.data, filter)) items.delete(id);
  return { jobId: `remove-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}` };
}

function project(data: Json, fields: string[] | undefined): Json {
  if (!fields?.length) return data;
  return Object.fromEntries(Object.entries(data).filter(([key]) => key === '_id' || fields.includes(key)));
}

const encode = (cursor: DataCursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decode(raw: unknown): DataCursor {
  try {
    return JSON.parse(Buffer.from(String(raw), 'base64url').toString('utf8')) as DataCursor;
  } catch {
    throw new WixError(400, 'WDE0080', `cursor "${String(raw)}" was not issued by this query`);
  }
}
