import type { APIRoute } from 'astro';
import { dryRun } from '../../../api/dry-run';
import { dashboardSite, readJsonBody, respond } from '../../../wix/hosted/dashboard-caller';
import { hostedStore } from '../../../wix/hosted/hosted-deps';

/** POST /api/settings/dry-run — what the app would answer now to this participant and text, and why. */
export const POST: APIRoute = ({ request }) =>
  respond(async () => dryRun(hostedStore(), await dashboardSite(), await readJsonBody(request), new Date()));
