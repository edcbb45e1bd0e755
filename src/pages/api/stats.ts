import type { APIRoute } from 'astro';
import { conversationStats } from '../../api/stats';
import { forSite, noRoute } from '../../wix/hosted/dashboard-caller';

/** GET /api/stats?from&to — the panel's cards for a period. */
export const GET: APIRoute = ({ request }) =>
  forSite(request, (store, site) => conversationStats(store, site, new URL(request.url).searchParams, new Date()));

/** HEAD as GET (what Astro does for a route with no ALL); any other method: a JSON 404, as self-hosted. */
export const HEAD = GET;
export const ALL = noRoute;
