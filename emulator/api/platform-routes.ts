import { grantToken, type AppCredentials } from '../auth/oauth-route.js';
import type { TokenIssuer } from '../auth/token-issuer.js';
import { route, type Route } from '../http/router.js';
import type { World } from '../state/world.js';
import type { Clock } from '../util/clock.js';

/** One post the Wix-hosted runtime made to Wix's monitoring (telemetry, OpenTelemetry logs and traces, BI). */
export interface TelemetryRecord {
  kind: 'telemetry' | 'otel-logs' | 'otel-traces' | 'bi';
  at: string;
  path: string;
  /** How many messages, log records or spans the post carried (1 for a BI event). */
  items: number;
}

export interface PlatformDeps {
  app: AppCredentials;
  world: World;
  issuer: TokenIssuer;
  clock: Clock;
  telemetry: TelemetryRecord[];
}

/**
 * Wix endpoints that take no access token and do not count toward a site's API rate limit: OAuth
 * (`/oauth2/token`, `/oauth2/token-info`), the monitoring collectors the hosted runtime posts to, and the site
 * scripts it injects into pages.
 */
export function platformRoutes(deps: PlatformDeps): Route[] {
  const record = (kind: TelemetryRecord['kind'], count: (fields: Record<string, unknown>) => number) =>
    (ctx: { path: string; fields: Record<string, unknown> }) => {
      deps.telemetry.push({ kind, at: new Date(deps.clock.now()).toISOString(), path: ctx.path, items: count(ctx.fields) });
      return {};
    };
  const length = (key: string) => (fields: Record<string, unknown>) =>
    Array.isArray(fields[key]) ? (fields[key] as unknown[]).length : 0;
  return [
    route('POST', '/oauth2/token', (ctx) => grantToken(ctx.fields, deps.app, deps.world, deps.issuer)),
    route('POST', '/oauth2/token-info', (ctx) =>
      deps.issuer.info(typeof ctx.fields.token === 'string' ? ctx.fields.token : undefined)),
    route('POST', '/wixcode/v1/telemetry/telemetry-messages', record('telemetry', length('messages'))),
    route('POST', '/_api/wix-code-telemetry-collector/v1/telemetry-messages', record('telemetry', length('messages'))),
    route('POST', '/otel-collector/v1/logs', record('otel-logs', length('resourceLogs'))),
    route('POST', '/otel-collector/v1/traces', record('otel-traces', length('resourceSpans'))),
    // frog.wix.com (BI events, a GET with query fields); the hosted harness sends it here.
    route('GET', '/_frog/', record('bi', () => 1)),
    // The site's embedded scripts for a page: the hosted runtime's html-embeds middleware asks for them before it sends
    // any text/html answer (Astro's own 404 page included) and fails the request without them. An emulated site has none.
    route('GET', '/assets/scripts/v1/site-scripts', () => ({ siteScripts: [] })),
  ];
}
