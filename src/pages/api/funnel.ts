import type { APIRoute } from 'astro';
import { conversionFunnel } from '../../api/funnel';
import { forSite, noRoute } from '../../wix/hosted/dashboard-caller';

/** GET /api/funnel?from&to — the panel's conversion funnel: one Wix Data query (src/wix/data-store/site-funnel.ts). */
export const GET: APIRoute = ({ request }) =>
  forSite(request, (store, site) => conversionFunnel(store, site, new URL(request.url).searchParams, new Date()));

/** HEAD as GET (what Astro does for a route with no ALL); any other method: a JSON 404, as self-hosted. */
export const HEAD = GET;
export const ALL = noRoute;
