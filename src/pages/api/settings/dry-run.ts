import type { APIRoute } from 'astro';
import { dryRun } from '../../../api/dry-run';
import { forSite, readJsonBody } from '../../../wix/hosted/dashboard-caller';

/** POST /api/settings/dry-run — what the app would answer now to this participant and text, and why. */
export const POST: APIRoute = ({ request }) =>
  forSite(request, async (store, site) => dryRun(store, site, await readJsonBody(request), new Date()));
