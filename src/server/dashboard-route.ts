import type { IncomingMessage, ServerResponse } from 'node:http';
import { dashboardBundle } from './dashboard-bundle.js';
import { pageHtml } from './dashboard-html.js';
import type { RouteHandler } from './http.js';
import { checkContactPage, checkDashboardPage } from './page-params.js';
import { PAGE_CSP } from './security-headers.js';

/**
 * The dashboard page as Wix opens a self-hosted page: `GET /dashboard?instance=<token>`, then its script and
 * stylesheet. The page itself needs the token (it authenticates every API call with it, and it is verified here,
 * after the page's own parameters: a bad or expired one is a 401 at once); the assets are public. `GET /dashboard/contact?contactId=…&instance=…`
 * is the contact-page modal, the same component Wix opens from a CRM contact's "More actions" menu.
 */
export function dashboardRoutes(verifyPageToken: (req: IncomingMessage, url: URL) => void): Record<string, RouteHandler> {
  return {
    'GET /dashboard': async (req, res, url) => {
      checkDashboardPage(url);
      verifyPageToken(req, url);
      sendPage(res, pageHtml('Inbox identity', '/dashboard', 'dashboard'));
    },
    'GET /dashboard/dashboard.js': asset('dashboard.js'),
    'GET /dashboard/dashboard.css': asset('dashboard.css'),
    'GET /dashboard/contact': async (req, res, url) => {
      checkContactPage(url);
      verifyPageToken(req, url);
      sendPage(res, pageHtml('Inbox identity — contact', '/dashboard', 'contact'));
    },
    'GET /dashboard/contact.js': asset('contact.js'),
    'GET /dashboard/contact.css': asset('contact.css'),
  };
}

/** Serves one built file of the browser bundle (built on first request, kept in memory). */
export function asset(name: string): RouteHandler {
  return async (_req: IncomingMessage, res: ServerResponse) => {
    const file = (await dashboardBundle()).get(name);
    if (!file) throw new Error(`The browser bundle has no ${name}; see BROWSER_ENTRIES in scripts/bundle.mjs`);
    send(res, 200, file.contentType, file.body, 'public, max-age=300');
  };
}

function sendPage(res: ServerResponse, html: string): void {
  res.setHeader('content-security-policy', PAGE_CSP);
  send(res, 200, 'text/html; charset=utf-8', html, 'no-store');
}

function send(res: ServerResponse, status: number, contentType: string, body: string | Uint8Array, cache: string): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), 'cache-control': cache });
  res.end(body);
}
