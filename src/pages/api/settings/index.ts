import type { APIRoute } from 'astro';
import { readSettings, writeSettings } from '../../../api/settings';
import { forSite, readJsonBody, noRoute } from '../../../wix/hosted/dashboard-caller';
import { keepJournalPruned } from '../../../wix/hosted/journal-upkeep';

/**
 * GET /api/settings — the site's auto-reply rules (defaults until the owner saves). Read from the isolate's cache it
 * makes no Wix call of its own, so it has room for the journal's upkeep (see journal-upkeep.ts): a site whose every
 * message gets a reply is pruned when its owner opens the settings.
 */
export const GET: APIRoute = ({ request }) => forSite(request, async (store, site) => {
  const settings = await readSettings(store, site);
  if (store.wixCalls() === 0) await keepJournalPruned(store, site, new Date());
  return settings;
});

/** PUT /api/settings — saves the rules; a bad field is a 400 naming it, and nothing is saved. */
export const PUT: APIRoute = ({ request }) =>
  forSite(request, async (store, site) => writeSettings(store, site, await readJsonBody(request)));

/** HEAD as GET (what Astro does for a route with no ALL); any other method: a JSON 404, as self-hosted. */
export const HEAD = GET;
export const ALL = noRoute;
