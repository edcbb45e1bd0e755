import path from 'node:path';
import type { Clock, Store } from '../core/ports.js';
import { openSqliteStore } from '../store/sqlite-store.js';
import { createWixDirectory } from '../wix/directory.js';
import type { RateLimiterOptions } from '../wix/rate-limiter.js';
import type { RetryOptions } from '../wix/retry.js';
import { siteClients, siteInbox, type SiteCacheOptions, type SiteClients } from '../wix/site-clients.js';
import { createServerApp, type ServerApp } from './app.js';

export interface SelfHostedOptions {
  appId: string;
  appSecret: string;
  publicKey: string;
  /** Where every Wix call goes (www.wixapis.com, or the emulator). */
  apiUrl: string;
  /** The folder of the SQLite store. */
  dataDir: string;
  clock?: Clock;
  log?: (message: string) => void;
  pollMs?: number;
  /** The app's pacing of Wix calls per site (Wix allows 200 a minute). */
  rateLimit?: RateLimiterOptions;
  /** Retries of a Wix call inside one attempt. */
  retry?: RetryOptions;
  /** The HTTP client under the SDK (tests and benchmarks count or fault calls with it). */
  fetch?: typeof fetch;
  /** The per-site client cache's bounds and each Wix call's timeout (defaults: 256 sites, 30 min idle, 10 s). */
  siteCache?: SiteCacheOptions;
}

/**
 * The self-hosted app, wired once for every host that runs it — `npm run serve`, the local mode, the tests and
 * the benchmarks: the SQLite store in `dataDir`, the SDK clients per site, the Directory, the Inbox, the server.
 */
export function openSelfHostedApp(options: SelfHostedOptions): { app: ServerApp; store: Store; clients: SiteClients } {
  const { appId, appSecret, publicKey, apiUrl } = options;
  const store = openSqliteStore({ file: path.join(options.dataDir, 'inbox-identity.sqlite') });
  const clients = siteClients({ appId, appSecret, apiUrl, fetch: options.fetch, rateLimit: options.rateLimit, cache: options.siteCache });
  const app = createServerApp({
    appId,
    appSecret,
    publicKey,
    store,
    directory: createWixDirectory(clients),
    inbox: siteInbox(clients, appId, options.retry),
    clock: options.clock,
    log: options.log,
    pollMs: options.pollMs,
    onSiteRemoved: (instanceId) => clients.forget(instanceId),
  });
  return { app, store, clients };
}
