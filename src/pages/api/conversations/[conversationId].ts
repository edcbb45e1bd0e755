import type { APIRoute } from 'astro';
import { conversationTimeline, mergedHintOf } from '../../../api/conversation-timeline';
import { forSite, noRoute } from '../../../wix/hosted/dashboard-caller';

/**
 * GET /api/conversations/:conversationId[?merged=…] — the person's timeline: the record and its auto-reply decisions,
 * read in one query; for a person whose conversations were merged, the decisions made in the old ones come in the same
 * query when `merged` names them (the panel passes the row's `mergedFrom`), else in one more.
 */
export const GET: APIRoute = ({ params, request }) =>
  forSite(request, async (store, site) => {
    const id = params.conversationId ?? '';
    const query = new URL(request.url).searchParams;
    if (id) await store.prefetch(site, { conversationIds: [id], keys: [], eventIds: [], decisionsOf: [id, ...mergedHintOf(query)] });
    return conversationTimeline(store, site, id, query);
  });

/** HEAD as GET (what Astro does for a route with no ALL); any other method: a JSON 404, as self-hosted. */
export const HEAD = GET;
export const ALL = noRoute;
