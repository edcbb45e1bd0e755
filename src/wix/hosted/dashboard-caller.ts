import { auth } from '@wix/essentials';
import { ApiError, UnauthorizedError, errorBody } from '../../api/errors.js';
import { parseJsonBody } from '../../api/json-body.js';
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
    const instanceId = await dashboardSite(request);
    return handler(hostedStore(instanceId), instanceId);
  });
}

/** Runs an API handler and answers in the same JSON shapes as the self-hosted server. */
export async function respond(handler: () => Promise<unknown>): Promise<Response> {
  try {
    return Response.json(await handler());
  } catch (error) {
    if (error instanceof ApiError) return Response.json(errorBody(error), { status: error.status });
    console.error('inbox-identity API error', error);
    return Response.json({ error: { code: 'INTERNAL', message: 'Something went wrong; the app\'s logs have the details' } }, { status: 500 });
  }
}

/** The request's JSON body; anything else is a 400 that says so. */
export async function readJsonBody(request: Request): Promise<unknown> {
  return parseJsonBody(await request.text());
}
