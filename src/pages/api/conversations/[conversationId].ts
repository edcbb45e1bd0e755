import type { APIRoute } from 'astro';
import { conversationTimeline } from '../../../api/conversation-timeline';
import { forSite } from '../../../wix/hosted/dashboard-caller';

/** GET /api/conversations/:conversationId — the person's timeline: the record and its auto-reply decisions. */
export const GET: APIRoute = ({ params, request }) =>
  forSite(request, (store, site) => conversationTimeline(store, site, params.conversationId ?? ''));
