import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseJsonBody } from '../api/json-body.js';
import { ApiError, NotFoundError, PayloadTooLargeError, errorBody } from '../api/errors.js';

export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the whole body as text, refusing more than `limit` bytes without reading the rest. */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new PayloadTooLargeError(limit);
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
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Every error leaves in one JSON shape; anything unexpected is a 500 that says where to look. */
export function sendError(res: ServerResponse, error: unknown, log: (message: string) => void): void {
  const known = error instanceof ApiError ? error : undefined;
  if (!known) log(`unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  const apiError = known ?? new ApiError(500, 'INTERNAL', 'Something went wrong on the server; its log has the details');
  if (!res.headersSent) sendJson(res, apiError.status, errorBody(apiError));
  else res.end();
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL, params: Record<string, string>) => Promise<void>;

/**
 * A small method + path table; `:name` in a path matches one segment and hands it to the handler in `params`.
 * Exact paths win over patterns; an unknown route is a 404 that names it.
 */
export function router(routes: Record<string, RouteHandler>, log: (message: string) => void) {
  const patterns = Object.entries(routes).filter(([key]) => key.includes('/:')).map(([key, handler]) => {
    const names: string[] = [];
    const source = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:([A-Za-z]+)/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    return { regex: new RegExp(`^${source}$`), names, handler };
  });
  const find = (route: string): [RouteHandler, Record<string, string>] | undefined => {
    if (routes[route]) return [routes[route]!, {}];
    for (const { regex, names, handler } of patterns) {
      const match = regex.exec(route);
      if (match) return [handler, Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]))];
    }
    return undefined;
  };
  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      const found = find(`${req.method} ${url.pathname}`);
      if (!found) throw new NotFoundError(`No route for ${req.method} ${url.pathname}`);
      await found[0](req, res, url, found[1]);
    } catch (error) {
      sendError(res, error, log);
    }
  };
}

/** The body as JSON; a body that is not JSON is a 400 that says so. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  return parseJsonBody(await readBody(req));
}
