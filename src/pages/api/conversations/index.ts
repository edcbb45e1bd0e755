import type { APIRoute } from 'astro';
import { listConversations } from '../../../api/list-conversations';
import { dashboardSite, respond } from '../../../wix/hosted/dashboard-caller';
import { hostedStore } from '../../../wix/hosted/hosted-deps';

/** GET /api/conversations on Wix hosting: the same list as the self-hosted server, for the caller's site. */
export const GET: APIRoute = ({ request }) =>
  respond(async () => listConversations(hostedStore(), await dashboardSite(), new URL(request.url).searchParams));
