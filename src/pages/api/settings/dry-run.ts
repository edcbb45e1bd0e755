import type { APIRoute } from 'astro';
import { businessNameFromInbox, dryRun, type SiteBusinessName } from '../../../api/dry-run';
import { dashboardSite, readJsonBody, respond } from '../../../wix/hosted/dashboard-caller';
import { hostedDeps } from '../../../wix/hosted/hosted-deps';

let siteBusinessName: SiteBusinessName | undefined;

/** POST /api/settings/dry-run — what the app would answer now to this participant and text, and why. */
export const POST: APIRoute = ({ request }) =>
  respond(async () => {
    siteBusinessName ??= businessNameFromInbox(hostedDeps().store, hostedDeps().inbox);
    return dryRun(hostedDeps().store, await dashboardSite(), await readJsonBody(request), new Date(), siteBusinessName);
  });
