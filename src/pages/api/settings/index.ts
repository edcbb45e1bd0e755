import type { APIRoute } from 'astro';
import { readSettings, writeSettings } from '../../../api/settings';
import { dashboardSite, readJsonBody, respond } from '../../../wix/hosted/dashboard-caller';
import { hostedStore } from '../../../wix/hosted/hosted-deps';

/** GET /api/settings — the site's auto-reply rules (defaults until the owner saves). */
export const GET: APIRoute = () => respond(async () => readSettings(hostedStore(), await dashboardSite()));

/** PUT /api/settings — saves the rules; a bad field is a 400 naming it, and nothing is saved. */
export const PUT: APIRoute = ({ request }) =>
  respond(async () => writeSettings(hostedStore(), await dashboardSite(), await readJsonBody(request)));
