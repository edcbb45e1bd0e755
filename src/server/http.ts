import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parseJsonBody } from '../api/json-body.js';
import { ApiError, BadRequestError, NotFoundError, PayloadTooLargeError, errorBody } from '../api/errors.js';
import { MAX_BODY_BYTES, MAX_JSON_BODY_BYTES, checkDeclaredLength, checkUrlLength } from '../api/request-limits.js';
import { errorField, type Logger } from './logger.js';
import { setSecurityHeaders } from './security-headers.js';

/** Reads the whole body as text, refusing more than `limit` bytes without reading the rest. */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  checkDeclaredLength(req.headers['content-length'], limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new PayloadTooLargeError(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendJsonText(res, status, JSON.stringify(body));
}

/** A body that is JSON already. */
export function sendJsonText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Every error leaves in one JSON shape; anything unexpected is a 500 that says where to look. */
export function sendError(res: ServerResponse, error: unknown, log: Logger): void {
  const known = error instanceof ApiError ? error : undefined;
  if (!known) log.error({ event: 'unexpected-error', err: errorField(error, true) }, 'unexpected error');
  const apiError = known ?? new ApiError(500, 'INTERNAL', 'Something went wrong on the server; its log has the details');
  if (!res.headersSent) sendJson(res, apiError.status, errorBody(apiError));
  else res.end();
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL, params: Record<string, string>) => Promise<void>;

/** What a handler learnt about a request (the site, the event) for its one log line. */
const notes = new WeakMap<IncomingMessage, Record<string, unknown>>();

export function noteOnRequest(req: IncomingMessage, fields: Record<string, unknown>): void {
  notes.set(req, { ...notes.get(req), ...fields });
}

/**
 * A small method + path table; `:name` in a path matches one segment and hands it to the handler in `params`.
 * Exact paths win over patterns; an unknown route is a 404 that names it. Every response carries the security
 * headers, and every request leaves one JSON log line (path without its query: the query may hold a token).
 */
export function router(routes: Record<string, RouteHandler>, log: Logger) {
  const patterns = Object.entries(routes).filter(([key]) => key.includes('/:')).map(([key, handler]) => {
    const names: string[] = [];
    const source = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:([A-Za-z]+)/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    return { regex: new RegExp(`^${source}$`), names, handler };
  });
  const find = (route: string): [RouteHandler, Record<string, string>] | undefined => {
    if (Object.hasOwn(routes, route)) return [routes[route]!, {}];
    for (const { regex, names, handler } of patterns) {
      const match = regex.exec(route);
      if (match) return [handler, Object.fromEntries(names.map((name, i) => [name, decodeSegment(match[i + 1]!)]))];
    }
    return undefined;
  };
  return async (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    setSecurityHeaders(res);
    let path = '(unparsed)';
    let failure: unknown;
    try {
      const url = requestUrl(req);
      path = url.pathname;
      const found = find(`${req.method} ${url.pathname}`);
      if (!found) throw new NotFoundError(`No route for ${req.method} ${url.pathname}`);
      await found[0](req, res, url, found[1]);
    } catch (error) {
      failure = error;
      sendError(res, error, log);
    }
    const status = res.statusCode;
    const line = {
      event: path === '/webhooks' ? 'webhook' : 'request',
      method: req.method,
      path: path.length > 200 ? `${path.slice(0, 200)}…` : path,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...notes.get(req),
      ...(failure instanceof ApiError ? { code: failure.code, reason: failure.message } : {}),
    };
    if (status >= 500) log.error(line);
    else if (status >= 400) log.warn(line);
    else log.info(line);
  };
}

/** The request target as a URL; a target too long or not a URL is a 400. */
function requestUrl(req: IncomingMessage): URL {
  const target = req.url ?? '/';
  checkUrlLength(target);
  try {
    return new URL(target, 'http://localhost');
  } catch {
    throw new BadRequestError('The request URL is not a valid URL');
  }
}

/** One path segment, percent-decoded; malformed encoding (`%E0%A4%A`, `%zz`) is a 400, not a crash. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new BadRequestError(`The path segment "${segment.slice(0, 60)}" has malformed percent-encoding`, 'BAD_PATH');
  }
}

/** The body as JSON; a body that is not JSON is a 400 that says so. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  return parseJsonBody(await readBody(req, MAX_JSON_BODY_BYTES));
}
