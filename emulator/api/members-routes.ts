import { memberView } from '../crm/members.js';
import { asList } from '../http/request-fields.js';
import { route, type Route } from '../http/router.js';
import { notFound } from '../http/wix-error.js';
import { matchesFilter, type Filter } from '../query/filter.js';
import { offsetPage, sortBy, type SortSpec } from '../query/sort-and-page.js';
import { callerSite, type ApiDeps } from './api-deps.js';

interface MemberQuery {
  filter?: Filter;
  sort?: SortSpec[];
  sorting?: SortSpec[];
  paging?: { limit?: unknown; offset?: unknown };
}

/** Members v1: Get Member (fieldset PUBLIC by default) and Query Members (`{members, metadata}`). */
export function membersRoutes(deps: ApiDeps): Route[] {
  return [
    route('POST', '/members/v1/members/query', (ctx) => {
      const query = (ctx.fields.query ?? {}) as MemberQuery;
      const fieldsets = asList(ctx.fields.fieldsets);
      const members = [...callerSite(deps, ctx).members.values()].filter((m) => matchesFilter(m, query.filter));
      const page = offsetPage(sortBy(members, query.sort ?? query.sorting), query.paging, { limit: 50, max: 100 });
      return {
        members: page.items.map((m) => memberView(m, fieldsets)),
        metadata: { count: page.items.length, offset: page.offset, total: page.total, tooManyToCount: false },
      };
    }),
    route('GET', '/members/v1/members/{id}', (ctx) => {
      const member = callerSite(deps, ctx).members.get(ctx.params.id!);
      if (!member) throw notFound('MEMBER_NOT_FOUND', `Member ${ctx.params.id} not found`, { id: ctx.params.id });
      return { member: memberView(member, asList(ctx.fields.fieldsets)) };
    }),
  ];
}
