import { contacts } from '@wix/crm';
import { conversations, messages } from '@wix/inbox';
import { members } from '@wix/members';
import type { Inbox } from '../core/ports.js';
import { createWixClient } from './client.js';
import { createWixInbox } from './inbox.js';
import type { RetryOptions } from './retry.js';
import { createRateLimiter, rateLimitedFetch, type RateLimiter, type RateLimiterOptions } from './rate-limiter.js';

const MODULES = { contacts, members, conversations, messages };

export interface AppCredentials {
  appId: string;
  appSecret: string;
  apiUrl?: string;
  /** The fetch under the rate limiter (tests count or fault calls with it). */
  fetch?: typeof fetch;
}

export type SiteClient = ReturnType<typeof createWixClient<typeof MODULES>>;

/** The SDK client of each site, and the rate limiter every call of that site goes through. */
export interface SiteClients {
  (instanceId: string): SiteClient;
  limiter(instanceId: string): RateLimiter;
}

/** One SDK client per site, made on first use and kept (its token is cached inside), paced under Wix's rate limit. */
export function siteClients(credentials: AppCredentials & { rateLimit?: RateLimiterOptions }): SiteClients {
  const clients = new Map<string, SiteClient>();
  const limiters = new Map<string, RateLimiter>();
  const limiter = (instanceId: string) => {
    let found = limiters.get(instanceId);
    if (!found) limiters.set(instanceId, (found = createRateLimiter(credentials.rateLimit)));
    return found;
  };
  const create = (instanceId: string) =>
    createWixClient({ ...credentials, instanceId, modules: MODULES, fetch: rateLimitedFetch(limiter(instanceId), credentials.fetch) });
  const clientFor = (instanceId: string) => {
    let client = clients.get(instanceId);
    if (!client) clients.set(instanceId, (client = create(instanceId)));
    return client;
  };
  return Object.assign(clientFor, { limiter });
}

/** Wix Inbox for every site, through the same clients and pacing; Retry-After comes from the site's pacer. */
export function siteInbox(clients: SiteClients, appId: string, retry?: RetryOptions): Inbox {
  return createWixInbox(clients, { appId, retry, retryAfterSeconds: (instanceId) => clients.limiter(instanceId).pausedForSeconds() });
}
