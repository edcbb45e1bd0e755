import { route, type Route } from '../http/router.js';
import { notFound } from '../http/wix-error.js';
import { matchesFilter, type Filter } from '../query/filter.js';
import { offsetPage, sortBy, type SortSpec } from '../query/sort-and-page.js';
import { callerSite, type ApiDeps } from './api-deps.js';

interface ContactQuery {
  filter?: Filter;
  sort?: SortSpec[];
  paging?: { limit?: unknown; offset?: unknown };
}

/** Contacts v4: Get Contact and Query Contacts (`{contacts, pagingMetadata}`). */
export function contactsRoutes(deps: ApiDeps): Route[] {
  return [
    route('POST', '/contacts/v4/contacts/query', (ctx) => {
      const query = (ctx.fields.query ?? {}) as ContactQuery;
      const contacts = [...callerSite(deps, ctx).contacts.values()].filter((c) => matchesFilter(c, query.filter));
      const sorted = sortBy(contacts, query.sort?.length ? query.sort : [{ fieldName: 'createdDate', order: 'DESC' }]);
      const page = offsetPage(sorted, query.paging, { limit: 50, max: 1000 });
      return {
        contacts: structuredClone(page.items),
        pagingMetadata: { count: page.items.length, offset: page.offset, total: page.total, tooManyToCount: false },
      };
    }),
    route('GET', '/contacts/v4/contacts/{id}', (ctx) => {
      const contact = callerSite(deps, ctx).contacts.get(ctx.params.id!);
      if (!contact) throw notFound('CONTACT_NOT_FOUND', `Contact ${ctx.params.id} not found`, { id: ctx.params.id });
      return { contact: structuredClone(contact), responseType: 'REGULAR' };
    }),
  ];
}
