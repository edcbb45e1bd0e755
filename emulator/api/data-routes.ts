import { bulkInsert, bulkRemove, bulkSave, bulkUpdate } from '../data/bulk-items.js';
import { aggregateItems } from '../data/aggregate-items.js';
import { collection } from '../data/collections.js';
import { getItem, insertItem, removeItem, saveItem, updateItem, type ItemWrite } from '../data/items.js';
import { countItems, queryItems, removeByFilter } from '../data/query-items.js';
import type { Filter } from '../query/filter.js';
import { route, type Route, type RouteContext } from '../http/router.js';
import { callerSite, nowIso, type ApiDeps } from './api-deps.js';

/** Wix Data v2 items, as `@wix/data` `items.*` calls them. Collections live per site. */
export function dataRoutes(deps: ApiDeps): Route[] {
  const site = (ctx: RouteContext) => callerSite(deps, ctx);
  const write = (ctx: RouteContext) => ({ nowIso: nowIso(deps), ownerId: ctx.caller.appId });
  const collectionOf = (ctx: RouteContext) => String(ctx.fields.dataCollectionId ?? '');
  const item = (ctx: RouteContext) => (ctx.fields.dataItem ?? {}) as ItemWrite;
  const items = (ctx: RouteContext) => (ctx.fields.dataItems ?? []) as ItemWrite[];
  const query = (ctx: RouteContext) => queryItems(site(ctx), ctx.fields);
  return [
    route('GET', '/wix-data/v2/items/query', query),
    route('POST', '/wix-data/v2/items/query', query),
    route('POST', '/wix-data/v2/items/aggregate', (ctx) => aggregateItems(site(ctx), ctx.fields)),
    route('POST', '/wix-data/v2/items/count', (ctx) => countItems(site(ctx), ctx.fields)),
    route('POST', '/wix-data/v2/items', (ctx) =>
      ({ dataItem: insertItem(site(ctx), collectionOf(ctx), item(ctx), write(ctx)) })),
    route('GET', '/wix-data/v2/items/{dataItemId}', (ctx) =>
      ({ dataItem: getItem(site(ctx), collectionOf(ctx), ctx.params.dataItemId!) })),
    route('POST', '/wix-data/v2/items/update', (ctx) =>
      ({ dataItem: updateItem(site(ctx), collectionOf(ctx), item(ctx), write(ctx)) })),
    route('POST', '/wix-data/v2/items/save', (ctx) => {
      const id = item(ctx).id ?? (item(ctx).data?._id as string | undefined) ?? '';
      const existed = collection(site(ctx), collectionOf(ctx)).has(id);
      const dataItem = saveItem(site(ctx), collectionOf(ctx), item(ctx), write(ctx));
      return { action: existed ? 'UPDATED' : 'INSERTED', dataItem };
    }),
    route('POST', '/wix-data/v2/items/remove', (ctx) =>
      ({ dataItem: removeItem(site(ctx), collectionOf(ctx), String(ctx.fields.dataItemId ?? '')) })),
    route('POST', '/wix-data/v2/items/truncate', (ctx) => {
      collection(site(ctx), collectionOf(ctx)).clear();
      return {};
    }),
    route('POST', '/wix-data/v2/bulk/items/insert', (ctx) => bulkInsert(site(ctx), collectionOf(ctx), items(ctx), write(ctx))),
    route('POST', '/wix-data/v2/bulk/items/update', (ctx) => bulkUpdate(site(ctx), collectionOf(ctx), items(ctx), write(ctx))),
    route('POST', '/wix-data/v2/bulk/items/save', (ctx) => bulkSave(site(ctx), collectionOf(ctx), items(ctx), write(ctx))),
    route('POST', '/wix-data/v2/bulk/items/async-remove-by-filter', (ctx) =>
      removeByFilter(site(ctx), collectionOf(ctx), ctx.fields.filter as Filter | undefined)),
    route('POST', '/wix-data/v2/bulk/items/remove', (ctx) =>
      bulkRemove(site(ctx), collectionOf(ctx), (ctx.fields.dataItemIds ?? []) as string[])),
  ];
}
