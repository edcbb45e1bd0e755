import { WixError } from '../http/wix-error.js';
import { matchesFilter, type Filter } from '../query/filter.js';
import { compareValues, valuesAt } from '../query/field-values.js';
import { offsetPage, sortBy, type SortSpec } from '../query/sort-and-page.js';
import type { SiteState } from '../state/site-state.js';
import { collection } from './collections.js';

interface Operation {
  resultFieldName?: string;
  itemCount?: object;
  sum?: { itemFieldName?: string };
  average?: { itemFieldName?: string };
  min?: { itemFieldName?: string };
  max?: { itemFieldName?: string };
}

interface AggregateRequest {
  dataCollectionId?: unknown;
  initialFilter?: Filter;
  aggregation?: { groupingFields?: string[]; operations?: Operation[] };
  finalFilter?: Filter;
  sort?: SortSpec[];
  paging?: { limit?: unknown; offset?: unknown };
  returnTotalCount?: boolean;
}

/**
 * Aggregate Data Items (POST /wix-data/v2/items/aggregate): `initialFilter` picks items, `groupingFields` groups
 * them, each operation (itemCount, sum, average, min, max) fills its `resultFieldName`; `finalFilter` and `sort`
 * apply to the groups. Each result carries its group as `_id` (an object of the grouping fields) and the grouping
 * fields at the top level, as Wix's data item service answers.
 */
export function aggregateItems(state: SiteState, request: AggregateRequest) {
  const groupingFields = request.aggregation?.groupingFields ?? [];
  const operations = request.aggregation?.operations ?? [];
  if (operations.length === 0) throw new WixError(400, 'WDE0080', 'aggregation.operations must name at least one operation');
  const groups = new Map<string, { key: Record<string, unknown>; data: Record<string, unknown>[] }>();
  for (const item of collection(state, request.dataCollectionId).values()) {
    if (!matchesFilter(item.data, request.initialFilter)) continue;
    const key = Object.fromEntries(groupingFields.map((field) => [field, valuesAt(item.data, field)[0] ?? null]));
    const id = JSON.stringify(key);
    const group = groups.get(id) ?? { key, data: [] };
    group.data.push(item.data);
    groups.set(id, group);
  }
  const results = [...groups.values()].map(({ key, data }) => ({
    ...(groupingFields.length ? { _id: key, ...key } : { _id: null }),
    ...Object.fromEntries(operations.map((operation) => [resultName(operation), apply(operation, data)])),
  })).filter((result) => matchesFilter(result, request.finalFilter));
  const page = offsetPage(sortBy(results, request.sort), request.paging, { limit: 50, max: 1000 });
  return {
    results: page.items,
    pagingMetadata: {
      count: page.items.length, offset: page.offset, tooManyToCount: false, hasNext: page.hasNext,
      ...(request.returnTotalCount ? { total: page.total } : {}),
    },
  };
}

function resultName(operation: Operation): string {
  if (!operation.resultFieldName) throw new WixError(400, 'WDE0080', 'every aggregation operation needs a resultFieldName');
  return operation.resultFieldName;
}

function apply(operation: Operation, data: Record<string, unknown>[]): unknown {
  if (operation.itemCount) return data.length;
  const [kind, spec] = (['sum', 'average', 'min', 'max'] as const).map((k) => [k, operation[k]] as const).find(([, s]) => s) ?? [];
  if (!kind || !spec?.itemFieldName) throw new WixError(400, 'WDE0080', `aggregation operation ${operation.resultFieldName} names no field`);
  const values = data.map((d) => valuesAt(d, spec.itemFieldName!)[0]).filter((v) => v !== undefined && v !== null);
  if (kind === 'min' || kind === 'max') {
    const sorted = [...values].sort(compareValues);
    return (kind === 'min' ? sorted[0] : sorted.at(-1)) ?? null;
  }
  const numbers = values.filter((v): v is number => typeof v === 'number');
  const sum = numbers.reduce((total, n) => total + n, 0);
  return kind === 'sum' ? sum : numbers.length ? sum / numbers.length : null;
}
