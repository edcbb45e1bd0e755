import type { APIRoute } from 'astro';
import { contactConversations } from '../../api/contact-conversations';
import { dashboardSite, respond } from '../../wix/hosted/dashboard-caller';
import { hostedStore } from '../../wix/hosted/hosted-deps';

/** GET /api/contact-conversations?contactId=… — the contact-page plugin's data. */
export const GET: APIRoute = ({ request }) =>
  respond(async () => contactConversations(hostedStore(), await dashboardSite(), new URL(request.url).searchParams));
