import type { APIRoute } from 'astro';
import { conversationTimeline } from '../../../api/conversation-timeline';
import { dashboardSite, respond } from '../../../wix/hosted/dashboard-caller';
import { hostedStore } from '../../../wix/hosted/hosted-deps';

/** GET /api/conversations/:conversationId — the person's timeline: the record and its auto-reply decisions. */
export const GET: APIRoute = ({ params }) =>
  respond(async () => conversationTimeline(hostedStore(), await dashboardSite(), params.conversationId ?? ''));
