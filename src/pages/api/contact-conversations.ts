import type { APIRoute } from 'astro';
import { contactConversations } from '../../api/contact-conversations';
import { forSite, noRoute } from '../../wix/hosted/dashboard-caller';

/** GET /api/contact-conversations?contactId= — a CRM contact's conversations, for the contact-page plugin. */
export const GET: APIRoute = ({ request }) =>
  forSite(request, (store, site) => contactConversations(store, site, new URL(request.url).searchParams));

/** HEAD as GET (what Astro does for a route with no ALL); any other method: a JSON 404, as self-hosted. */
export const HEAD = GET;
export const ALL = noRoute;
