import type { Database, Statement } from 'better-sqlite3';
import {
  SEARCH_TOTAL_CAP,
  type ConversationCursor,
  type ConversationPage,
  type ConversationQuery,
  type ConversationRecord,
  type ConversationSortField,
} from '../core/conversation.js';
import { foldCase } from '../core/conversation-order.js';
import { listIndex, SORT_COLUMNS } from './sqlite-scale-schema.js';

/** A row's place in the list: rowid, sort value, conversationId, and its list item's JSON when the walk read it (raw rows: no object per row). */
type Key = [id: number, value: string | number | null, conversationId: string, item?: string];
type Sort = ConversationQuery['sort'];
/** A list's rows come in two segments when the sort field may be missing: rows with a value, then rows without. */
type Segment = 'values' | 'nulls';
type From = 'start' | 'after' | 'offset';

interface Params {
  instanceId: string;
  type: string | null;
  search: string | null;
  afterValue: string | number | null;
  afterId: string;
  limit: number;
  offset: number;
}

const NULLABLE = new Set<ConversationSortField>(['lastMessageAt', 'firstMessageAt']);

/**
 * One site's conversation list in SQLite, near the cost of reading one page whatever the site's size:
 * - every (filter × sort × segment × start) shape is its own statement over the index made for it
 *   (sqlite-scale-schema.ts), walked in the list's order and stopped after the page: keyset paging, the cursor
 *   being the last row's (sort value, conversationId); `offset` still works, walking the index to it;
 * - a page's list items (kept as JSON) are read with it, only for its rows (a search's counting walk reads keys,
 *   then its page's items by rowid); the records themselves are read only if asked for;
 * - the total of an unsearched list is the kept count; a search's is counted in the same walk that finds its
 *   page, up to SEARCH_TOTAL_CAP matches (a substring has no index: past that a scan per page would be the cost);
 *   a page deeper than the cap walks from its cursor alone, the rows before it being the cursor's `seen`.
 */
export function sqliteConversationList(db: Database) {
  const statements = new Map<string, Statement<[Params], Key>>();
  // A search's walk to count its matches reads keys only; every other walk reads the page's items as it goes.
  const walk = (search: boolean, type: boolean, sort: Sort, segment: Segment, from: From, items: boolean) => {
    const key = `${search}|${type}|${sort.field}|${sort.order}|${segment}|${from}|${items}`;
    let statement = statements.get(key);
    if (!statement) {
      statement = db.prepare<[Params], Key>(walkSql(search, type, sort, segment, from, items)).raw(true);
      statements.set(key, statement);
    }
    return statement;
  };
  const countValues = new Map<string, Statement<[Params], number>>();
  const byRowid = (column: 'record' | 'item') =>
    db.prepare<[string], [number, string]>(`SELECT rowid, ${column} FROM conversations WHERE rowid IN (SELECT value FROM json_each(?))`).raw(true);
  const recordsById = byRowid('record');
  const itemsById = byRowid('item');
  const siteTotal = db.prepare<[string], number>('SELECT coalesce(sum(n), 0) FROM conversation_counts WHERE instance_id = ?').pluck();
  const typeTotal = db.prepare<[string, string], number>('SELECT coalesce(sum(n), 0) FROM conversation_counts WHERE instance_id = ? AND participant_type = ?').pluck();

  /** Up to `limit` rows after the cursor (from the start without one), across both segments; `items`: read their items too. */
  const keysAfter = (params: Params, sort: Sort, after: ConversationCursor | undefined, limit: number, items = true): Key[] => {
    const search = params.search !== null;
    const type = params.type !== null;
    const run = (segment: Segment, from: From, n: number) => walk(search, type, sort, segment, from, items).all({ ...params, limit: n });
    const values = after && after.value === null ? [] : run('values', after ? 'after' : 'start', limit);
    if (!NULLABLE.has(sort.field) || values.length >= limit) return values;
    return [...values, ...run('nulls', after?.value === null ? 'after' : 'start', limit - values.length)];
  };

  /** Up to `limit` rows past the first `offset` (old clients): the index is walked to the offset. */
  const keysFromOffset = (params: Params, sort: Sort, limit: number): Key[] => {
    const search = params.search !== null;
    const type = params.type !== null;
    const values = walk(search, type, sort, 'values', 'offset', true).all({ ...params, limit });
    if (!NULLABLE.has(sort.field) || values.length >= limit) return values;
    const key = `${search}|${type}|${sort.field}`;
    let counter = countValues.get(key);
    if (!counter) {
      counter = db.prepare<[Params], number>(`SELECT count(*) FROM conversations INDEXED BY ${listIndex(sort.field, type && !search)}
        WHERE ${filterSql(search, type)} AND ${SORT_COLUMNS[sort.field]} IS NOT NULL`).pluck();
      countValues.set(key, counter);
    }
    const offset = Math.max(0, params.offset - counter.get(params)!);
    return [...values, ...walk(search, type, sort, 'nulls', 'offset', true).all({ ...params, offset, limit: limit - values.length })];
  };

  /** The rows' JSON from `statement`, in the rows' order. */
  const jsonOf = (statement: typeof recordsById, ids: number[]): string[] => {
    const byId = new Map(ids.length > 0 ? statement.all(JSON.stringify(ids)) : []);
    return ids.map((id) => byId.get(id)!);
  };

  return function list(instanceId: string, query: ConversationQuery): ConversationPage {
    const params: Params = {
      instanceId,
      type: query.type ?? null,
      search: query.search ? foldCase(query.search) : null,
      afterValue: query.after?.value ?? null,
      afterId: query.after?.conversationId ?? '',
      limit: query.limit + 1,
      offset: query.offset,
    };
    const { sort, after } = query;
    const pageKeys = (n: number) => (after || query.offset === 0 ? keysAfter(params, sort, after, n) : keysFromOffset(params, sort, n));
    let keys: Key[];
    let total: number;
    let capped = false;
    if (params.search === null) {
      total = params.type === null ? siteTotal.get(instanceId)! : typeTotal.get(instanceId, params.type)!;
      keys = total === 0 ? [] : pageKeys(query.limit + 1);
    } else if (after?.seen !== undefined && after.seen + query.limit + 1 > SEARCH_TOTAL_CAP) {
      // Deep in a search: the rows before the cursor already reach the cap, or will with this page.
      keys = keysAfter(params, sort, after, query.limit + 1);
      capped = after.seen + keys.length > SEARCH_TOTAL_CAP;
      total = Math.min(after.seen + keys.length, SEARCH_TOTAL_CAP);
    } else {
      // One walk from the start counts the matches (up to the cap) and holds the page whenever it lies within them.
      const hits = keysAfter(params, sort, undefined, SEARCH_TOTAL_CAP + 1, false);
      capped = hits.length > SEARCH_TOTAL_CAP;
      total = Math.min(hits.length, SEARCH_TOTAL_CAP);
      const start = after ? hits.findIndex((k) => k[2] === after.conversationId && k[1] === after.value) + 1 : query.offset;
      const within = (start > 0 || !after) && (!capped || start + query.limit + 1 <= hits.length);
      keys = within ? hits.slice(start, start + query.limit + 1) : pageKeys(query.limit + 1);
    }
    const shown = keys.slice(0, query.limit);
    const read = shown.filter((k) => k[3] !== undefined).length === shown.length;
    const itemsJson = read ? shown.map((k) => k[3]!) : jsonOf(itemsById, shown.map((k) => k[0]));
    const last = shown.at(-1);
    let records: ConversationRecord[] | undefined;
    return {
      // The records themselves only when asked for: the list's answer is written from itemsJson.
      get items() {
        return (records ??= jsonOf(recordsById, shown.map((k) => k[0])).map((json) => JSON.parse(json) as ConversationRecord));
      },
      itemsJson,
      ...(last ? { last: { value: last[1], conversationId: last[2] } } : {}),
      total,
      ...(capped ? { totalCapped: true as const } : {}),
      hasMore: keys.length > query.limit,
    };
  };
}

function filterSql(search: boolean, type: boolean): string {
  return [
    'instance_id = @instanceId',
    ...(type ? ['participant_type = @type'] : []),
    ...(search ? ['(instr(display_name_key, @search) > 0 OR instr(email_key, @search) > 0)'] : []),
  ].join(' AND ');
}

/** One shape's statement: rowid, sort value, conversationId (and list item) of the next `@limit` rows of one segment. */
function walkSql(search: boolean, type: boolean, sort: Sort, segment: Segment, from: From, items: boolean): string {
  const column = SORT_COLUMNS[sort.field];
  const after = sort.order === 'asc' ? '>' : '<';
  const where = [filterSql(search, type)];
  if (segment === 'nulls') {
    where.push(`${column} IS NULL`);
    if (from === 'after') where.push(`conversation_id ${after} @afterId`);
  } else if (from === 'after') {
    where.push(`(${column}, conversation_id) ${after} (@afterValue, @afterId)`);
  } else if (NULLABLE.has(sort.field)) {
    where.push(`${column} IS NOT NULL`);
  }
  const order = segment === 'nulls' ? `conversation_id ${sort.order}` : `${column} ${sort.order}, conversation_id ${sort.order}`;
  return `SELECT rowid, ${segment === 'nulls' ? 'NULL' : column}, conversation_id${items ? ', item' : ''} FROM conversations INDEXED BY ${listIndex(sort.field, type && !search)}
    WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT @limit${from === 'offset' ? ' OFFSET @offset' : ''}`;
}
