import type { IncomingMessage, ServerResponse } from 'node:http';
import { BadRequestError, UnauthorizedError } from '../api/errors.js';
import { dashboardBundle } from './dashboard-bundle.js';
import { pageHtml } from './dashboard-html.js';
import type { RouteHandler } from './http.js';

/**
 * The dashboard page as Wix opens a self-hosted page: `GET /dashboard?instance=<token>`, then its script and
 * stylesheet. The page itself needs the token (it authenticates every API call with it); the assets are public.
 * `GET /dashboard/contact?contactId=…&instance=…` is the contact-page modal, the same component Wix opens from a
 * CRM contact's "More actions" menu.
 */
export function dashboardRoutes(): Record<string, RouteHandler> {
  return {
    'GET /dashboard': async (_req, res, url) => {
      requireInstance(url);
      send(res, 200, 'text/html; charset=utf-8', pageHtml('Inbox identity', '/dashboard', 'dashboard'), 'no-store');
    },
    'GET /dashboard/dashboard.js': asset('dashboard.js'),
    'GET /dashboard/dashboard.css': asset('dashboard.css'),
    'GET /dashboard/contact': async (_req, res, url) => {
      requireInstance(url);
      if (!url.searchParams.get('contactId')?.trim()) {
        throw new BadRequestError('Add ?contactId=<the CRM contact ID>: this page shows one contact\'s conversations');
      }
      send(res, 200, 'text/html; charset=utf-8', pageHtml('Inbox identity — contact', '/dashboard', 'contact'), 'no-store');
    },
    'GET /dashboard/contact.js': asset('contact.js'),
    'GET /dashboard/contact.css': asset('contact.css'),
  };
}

function requireInstance(url: URL): void {
  if (!url.searchParams.get('instance')) {
    throw new UnauthorizedError('Open the panel from the Wix dashboard: this page needs the ?instance= token Wix adds');
  }
}

/** Serves one built file of the browser bundle (built on first request, kept in memory). */
export function asset(name: string): RouteHandler {
  return async (_req: IncomingMessage, res: ServerResponse) => {
    const file = (await dashboardBundle()).get(name);
    if (!file) throw new Error(`The browser bundle has no ${name}; see BROWSER_ENTRIES in src/server/dashboard-bundle.ts`);
    send(res, 200, file.contentType, file.body, 'public, max-age=300');
  };
}

function send(res: ServerResponse, status: number, contentType: string, body: string | Uint8Array, cache: string): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), 'cache-control': cache });
  res.end(body);
}
