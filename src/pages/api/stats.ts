import type { APIRoute } from 'astro';
import { conversationStats } from '../../api/stats';
import { dashboardSite, respond } from '../../wix/hosted/dashboard-caller';
import { hostedStore } from '../../wix/hosted/hosted-deps';

/** GET /api/stats?from&to — the panel's cards for a period. */
export const GET: APIRoute = ({ request }) =>
  respond(async () => conversationStats(hostedStore(), await dashboardSite(), new URL(request.url).searchParams, new Date()));
