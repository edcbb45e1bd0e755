import type { APIRoute } from 'astro';
import { businessNameFromInbox, dryRun } from '../../../api/dry-run';
import { forSite, readJsonBody, noRoute } from '../../../wix/hosted/dashboard-caller';
import { hostedStore } from '../../../wix/hosted/dashboard-store';
import { hostedInbox } from '../../../wix/hosted/hosted-deps';

/** The site's name as Wix Inbox puts it on conversations, looked up at most every few minutes per site and isolate. */
const siteBusinessName = businessNameFromInbox(hostedStore, hostedInbox);

/** POST /api/settings/dry-run — what the app would answer now to this participant and text, and why. */
export const POST: APIRoute = ({ request }) =>
  forSite(request, async (store, site) => dryRun(store, site, await readJsonBody(request), new Date(), siteBusinessName));

/** Any other method: a JSON 404, as self-hosted. */
export const ALL = noRoute;
