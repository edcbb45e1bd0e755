import type { Caller } from '../auth/token-issuer.js';

/** What a route handler receives: the parsed request and, for Wix API routes, the calling app. */
export interface RouteContext {
  method: string;
  path: string;
  params: Record<string, string>;
  /** Query fields for GET (plain or `.r`), the JSON body otherwise, with path params merged in. */
  fields: Record<string, unknown>;
  caller: Caller;
}

export type RouteHandler = (ctx: RouteContext) => unknown | Promise<unknown>;

export interface Route {
  method: string;
  /** `/inbox/v2/conversations/{conversationId}` */
  template: string;
  handler: RouteHandler;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export function route(method: string, template: string, handler: RouteHandler): Route {
  return { method, template, handler };
}

export function matchRoute(routes: Route[], method: string, path: string): RouteMatch | undefined {
  const segments = path.split('/');
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const params = matchTemplate(candidate.template.split('/'), segments);
    if (params) return { route: candidate, params };
  }
  return undefined;
}

function matchTemplate(template: string[], segments: string[]): Record<string, string> | undefined {
  if (template.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const part = template[i]!;
    const segment = segments[i]!;
    if (part.startsWith('{') && part.endsWith('}')) {
      if (!segment) return undefined;
      params[part.slice(1, -1)] = decodeURIComponent(segment);
    } else if (part !== segment) {
      return undefined;
    }
  }
  return params;
}
