import type { APIRoute } from 'astro';
import { listConversations } from '../../../api/list-conversations';
import { forSite, noRoute } from '../../../wix/hosted/dashboard-caller';

/** GET /api/conversations on Wix hosting: the same list as the self-hosted server, for the caller's site. */
export const GET: APIRoute = ({ request }) =>
  forSite(request, (store, site) => listConversations(store, site, new URL(request.url).searchParams));

/** HEAD as GET (what Astro does for a route with no ALL); any other method: a JSON 404, as self-hosted. */
export const HEAD = GET;
export const ALL = noRoute;
