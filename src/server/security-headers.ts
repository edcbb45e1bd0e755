import type { ServerResponse } from 'node:http';

/** Where Wix shows a self-hosted dashboard page: inside the Wix dashboard's frame, and nowhere else. */
export const WIX_FRAME_ANCESTORS = 'https://manage.wix.com https://*.wix.com';

/**
 * The panel's page: its own script and stylesheet only, inline styles (the design system sets style attributes),
 * Wix's fonts, API calls to this server; framed only by the Wix dashboard.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data: https://static.parastorage.com",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  `frame-ancestors ${WIX_FRAME_ANCESTORS}`,
].join('; ');

/** Everything else (JSON, the bundle's files, errors): nothing to run or load. */
export const API_CSP = `default-src 'none'; frame-ancestors ${WIX_FRAME_ANCESTORS}`;

/** Sets the headers every response of the server carries; an HTML page widens the policy with `PAGE_CSP`. */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('content-security-policy', API_CSP);
  res.setHeader('x-content-type-options', 'nosniff');
  // The page's URL carries the instance token: never send it on as a referrer.
  res.setHeader('referrer-policy', 'no-referrer');
}
