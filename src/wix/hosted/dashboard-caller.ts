import { auth } from '@wix/essentials';
import type { APIRoute } from 'astro';
import { ApiError, NotFoundError, PayloadTooLargeError, UnauthorizedError, errorBody } from '../../api/errors.js';
import { API_SECURITY_HEADERS } from '../../api/api-headers.js';
import { parseJsonBody } from '../../api/json-body.js';
import { MAX_JSON_BODY_BYTES, checkDeclaredLength, checkUrlLength } from '../../api/request-limits.js';
import { hostedStore, type HostedDashboardStore } from './dashboard-store.js';

/** How long an isolate trusts what token-info said of a caller's token (the runtime checks every request itself too). */
const TOKEN_INFO_TTL_MS = 60_000;
const MAX_TOKENS = 500;
const sites = new Map<string, { instanceId: string; until: number }>();

/**
 * The site a Wix-hosted API call is for, from the caller's own dashboard authentication — never a parameter
 * the caller picks. Only a Wix user (the site owner or a collaborator in the dashboard) may read it. A dashboard
 * polls with the same token, so the answer is kept a minute per isolate: one token check per request, the runtime's.
 */
export async function dashboardSite(request: Request): Promise<string> {
  const token = request.headers.get('authorization') ?? '';
  const known = token ? sites.get(token) : undefined;
  if (known && known.until > Date.now()) return known.instanceId;
  const info = await auth.getTokenInfo();
  if (info.subjectType !== 'USER' || !info.instanceId) {
    throw new UnauthorizedError('Only the site\'s dashboard may call this API: open it from the app\'s dashboard page');
  }
  if (token) {
    if (sites.size >= MAX_TOKENS) sites.delete(sites.keys().next().value!);
    sites.set(token, { instanceId: info.instanceId, until: Date.now() + TOKEN_INFO_TTL_MS });
  }
  return info.instanceId;
}

/** Runs a dashboard API handler for the caller's site with that site's store. */
export function forSite(request: Request, handler: (store: HostedDashboardStore, instanceId: string) => Promise<unknown>): Promise<Response> {
  return respond(async () => {
    const url = new URL(request.url);
    checkUrlLength(url.pathname + url.search);
    const instanceId = await dashboardSite(request);
    return handler(hostedStore(instanceId), instanceId);
  });
}

/** Runs an API handler and answers in the same JSON shapes, with the same security headers, as the self-hosted server. */
export async function respond(handler: () => Promise<unknown>): Promise<Response> {
  const headers = API_SECURITY_HEADERS;
  try {
    return Response.json(await handler(), { headers });
  } catch (error) {
    if (error instanceof ApiError) return Response.json(errorBody(error), { status: error.status, headers });
    console.error('inbox-identity API error', error);
    return Response.json({ error: { code: 'INTERNAL', message: 'Something went wrong; the app\'s logs have the details' } }, { status: 500, headers });
  }
}

/** The request's JSON body, at most MAX_JSON_BODY_BYTES (a 413 past it, as self-hosted); anything else is a 400 that says so. */
export async function readJsonBody(request: Request): Promise<unknown> {
  return parseJsonBody(await bodyText(request, MAX_JSON_BODY_BYTES));
}

/** The body as text, refusing more than `limit` bytes without reading the rest (as self-hosted's readBody). */
async function bodyText(request: Request, limit: number): Promise<string> {
  checkDeclaredLength(request.headers.get('content-length'), limit);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new PayloadTooLargeError(limit);
    }
    chunks.push(read.value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * An API route's answer to a method it does not take (exported as the route's `ALL`) and to a path no route has: a 404
 * in the API's JSON error shape, as the self-hosted server answers, not the framework's HTML page.
 */
export const noRoute: APIRoute = ({ request }) =>
  respond(async () => {
    const { pathname } = new URL(request.url);
    throw new NotFoundError(`No route for ${request.method} ${pathname.length > 200 ? `${pathname.slice(0, 200)}…` : pathname}`);
  });
