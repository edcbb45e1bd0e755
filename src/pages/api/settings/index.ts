import type { APIRoute } from 'astro';
import { readSettings, writeSettings } from '../../../api/settings';
import { forSite, readJsonBody } from '../../../wix/hosted/dashboard-caller';

/** GET /api/settings — the site's auto-reply rules (defaults until the owner saves). */
export const GET: APIRoute = ({ request }) => forSite(request, (store, site) => readSettings(store, site));

/** PUT /api/settings — saves the rules; a bad field is a 400 naming it, and nothing is saved. */
export const PUT: APIRoute = ({ request }) =>
  forSite(request, async (store, site) => writeSettings(store, site, await readJsonBody(request)));
