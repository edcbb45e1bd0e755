import type { APIRoute } from 'astro';
import { conversationTimeline } from '../../../api/conversation-timeline';
import { forSite } from '../../../wix/hosted/dashboard-caller';

/**
 * GET /api/conversations/:conversationId — the person's timeline: the record and its auto-reply decisions, read in
 * one query (a person whose conversations were merged needs one more for the decisions made in the old ones).
 */
export const GET: APIRoute = ({ params, request }) =>
  forSite(request, async (store, site) => {
    const id = params.conversationId ?? '';
    if (id) await store.prefetch(site, { conversationIds: [id], keys: [], eventIds: [], decisionsOf: [id] });
    return conversationTimeline(store, site, id);
  });
