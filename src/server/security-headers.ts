import type { ServerResponse } from 'node:http';
import { API_SECURITY_HEADERS, WIX_FRAME_ANCESTORS } from '../api/api-headers.js';

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

/** Sets the headers every response of the server carries; an HTML page widens the policy with `PAGE_CSP`. */
export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) res.setHeader(name, value);
}
