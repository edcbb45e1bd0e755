import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TokenIssuer } from '../auth/token-issuer.js';
import type { FaultInjector } from '../gateway/faults.js';
import type { RateLimiter } from '../gateway/rate-limit.js';
import { newRequestId } from '../util/ids.js';
import type { Logger } from '../util/logger.js';
import { nearestRoutes } from './nearest-routes.js';
import { queryFields, readJsonBody } from './request-fields.js';
import { sendJson } from './respond.js';
import { matchRoute, type Route } from './router.js';
import { WixError } from './wix-error.js';

export interface GatewayDeps {
  apiRoutes: Route[];
  /** OAuth and monitoring: no access token, no rate limit (faults still apply). */
  platformRoutes: Route[];
  controlRoutes: Route[];
  issuer: TokenIssuer;
  faults: FaultInjector;
  rateLimiter: RateLimiter;
  log: Logger;
}

const CONTROL_PREFIX = '/_emulator';
const CONTROL_CALLER = { appId: 'emulator-control', instanceId: '' };
const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS' };

/**
 * One request through the emulated Wix edge: injected faults, route, token, rate limit, handler.
 * Control requests (`/_emulator/...`) skip faults, tokens and limits; platform routes (OAuth, monitoring) skip
 * tokens and limits.
 */
export function createGateway(deps: GatewayDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = newRequestId();
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname;
    const control = path.startsWith(CONTROL_PREFIX);
    const headers: Record<string, string> = { 'x-wix-request-id': requestId, ...(control ? CORS : {}) };
    try {
      if (control && method === 'OPTIONS') return sendJson(res, 204, {}, headers);
      const afterServe = control ? undefined : await deps.faults.apply(method, path);
      const platform = control ? undefined : matchRoute(deps.platformRoutes, method, path);
      const routes = control ? deps.controlRoutes : deps.apiRoutes;
      const match = platform ?? matchRoute(routes, method, path);
      if (!match) throw unknownRoute([...routes, ...(control ? [] : deps.platformRoutes)], method, path);
      const open = control || platform !== undefined;
      const caller = open ? CONTROL_CALLER : deps.issuer.verify(req.headers.authorization);
      if (!open) deps.rateLimiter.take(caller.instanceId);
      const fields = method === 'GET' || method === 'DELETE' ? queryFields(url.searchParams) : await readJsonBody(req);
      const body = await match.route.handler({ method, path, params: match.params, fields: { ...fields, ...match.params },
        caller });
      if (afterServe) {
        // Served and committed; now the answer is lost: an injected error, or a dropped connection.
        await deps.faults.failAnswer(afterServe);
        if (!afterServe.status) return void res.destroy();
      }
      sendJson(res, 200, body ?? {}, headers);
    } catch (error) {
      if (error instanceof WixError) {
        if (error.code === 'UNKNOWN_ROUTE') deps.log(error.message);
        return sendJson(res, error.status, error.toBody(), { ...headers, ...error.headers });
      }
      deps.log(`${method} ${path} failed inside the emulator: ${(error as Error).stack ?? String(error)}`);
      sendJson(res, 500, new WixError(500, 'EMULATOR_BUG', `Emulator error: ${String(error)}`).toBody(), headers);
    }
  };
}

function unknownRoute(routes: Route[], method: string, path: string): WixError {
  const nearest = nearestRoutes(routes, method, path);
  return new WixError(404, 'UNKNOWN_ROUTE',
    `Wix emulator has no route for ${method} ${path}. Nearest known routes: ${nearest.join(', ')}`,
    { method, path, nearest });
}
