import { contacts } from '@wix/crm';
import { conversations, messages } from '@wix/inbox';
import { members } from '@wix/members';
import type { Inbox } from '../core/ports.js';
import { createClient } from '@wix/sdk';
import { siteConnection } from './client.js';
import { createWixInbox } from './inbox.js';
import type { RetryOptions } from './retry.js';
import { createRateLimiter, rateLimitedFetch, type RateLimiter, type RateLimiterOptions } from './rate-limiter.js';
import { unknownSites, type UnknownSites } from './site-unknown.js';
import { httpFetch } from './http-fetch.js';
import { timedFetch, WIX_CALL_TIMEOUT_MS } from './timed-fetch.js';

/**
 * Only the SDK calls the app makes: the SDK wraps every function of every module it is given for each client, so
 * whole modules cost ~1.5 ms and ~45 kB a site; these six cost a tenth of that.
 */
const MODULES = {
  contacts: { getContact: contacts.getContact },
  members: { getMember: members.getMember },
  conversations: { getConversation: conversations.getConversation, getOrCreateConversation: conversations.getOrCreateConversation },
  messages: { sendMessage: messages.sendMessage, listMessages: messages.listMessages },
};

/**
 * At most this many sites keep their token and pacer in memory; the least recently used goes first. Four times
 * the worker's lanes: every site being worked on keeps its own, and 10,000 sites cost no more memory than 256.
 */
export const MAX_CACHED_SITES = 256;
/** A site's client unused this long is dropped (its token is fetched again on its next event). */
export const SITE_IDLE_MS = 30 * 60_000;

export interface AppCredentials {
  appId: string;
  appSecret: string;
  apiUrl?: string;
  /** The fetch under the rate limiter (tests count or fault calls with it); node:http(s) by default (http-fetch.ts). */
  fetch?: typeof fetch;
}

export interface SiteCacheOptions {
  maxSites?: number;
  idleMs?: number;
  /** Each call to Wix (token included) is abandoned after this long, as a retryable failure. */
  timeoutMs?: number;
  now?: () => number;
}

type Connection = ReturnType<typeof siteConnection>;

/** One client for every site: its auth and fetch are the site's whose call is being made (see `lend`). */
function sharedClient(bound: () => Connection | undefined) {
  return createClient({
    modules: MODULES,
    useCDN: false,
    auth: () => bound()?.auth ?? UNBOUND,
    // Read by the SDK at the start of each call, like `auth`.
    get fetch() {
      return bound()?.fetch ?? unboundFetch;
    },
  });
}

const unbound = () => new Error('A Wix call was started outside its site (site-clients.ts): no site token to send');
const UNBOUND = { getAuthHeaders: () => Promise.reject(unbound()) };
const unboundFetch: typeof fetch = () => Promise.reject(unbound());

type Shared = ReturnType<typeof sharedClient>;
/** The SDK calls the app makes, for one site. */
export interface SiteClient {
  contacts: Pick<Shared['contacts'], 'getContact'>;
  members: Pick<Shared['members'], 'getMember'>;
  conversations: Pick<Shared['conversations'], 'getConversation' | 'getOrCreateConversation'>;
  messages: Pick<Shared['messages'], 'sendMessage' | 'listMessages'>;
}

/** The SDK calls of each site, and the rate limiter every call of that site goes through. */
export interface SiteClients {
  (instanceId: string): SiteClient;
  limiter(instanceId: string): RateLimiter;
  /** Drops the site's client, pacer and any remembered refusal (App Removed). */
  forget(instanceId: string): void;
  /** How many sites are kept in memory (tests check the bound). */
  readonly size: number;
  /** Sites Wix refused lately (bounded too). */
  readonly unknown: UnknownSites;
}

interface CachedSite {
  client?: SiteClient;
  limiter: RateLimiter;
  usedAt: number;
}

/** Wix's read-after-write marker, kept per site (the shared client would carry one site's to the next). */
const CONSISTENT = 'x-wix-consistent';

/**
 * The SDK calls of each site, paced under Wix's rate limit, each call under a timeout. One SDK client serves every
 * site: a client of its own cost a site ~10 kB and ~0.5 ms to make, and with a new site in every event that churn
 * set the heap's size. A site keeps only what is its own — its token (cached inside its auth), its pacer and its
 * read-after-write marker — and lends them to the shared client for the synchronous start of each call, where the
 * SDK reads `auth` and `fetch` (after that the call holds them itself); a call started any other way fails, with
 * no token sent. The sites are an LRU: at most `maxSites`, and a site idle for `idleMs` is evicted.
 */
export function siteClients(credentials: AppCredentials & { rateLimit?: RateLimiterOptions; cache?: SiteCacheOptions }): SiteClients {
  const maxSites = credentials.cache?.maxSites ?? MAX_CACHED_SITES;
  const idleMs = credentials.cache?.idleMs ?? SITE_IDLE_MS;
  const timeoutMs = credentials.cache?.timeoutMs ?? WIX_CALL_TIMEOUT_MS;
  const now = credentials.cache?.now ?? Date.now;
  const refused = unknownSites({ now });
  const sites = new Map<string, CachedSite>();
  let bound: Connection | undefined;
  const sdk = sharedClient(() => bound);
  /** `call`, with `connection` lent to the shared client while the call starts. */
  const lend = <A extends unknown[], R>(connection: Connection, call: (...args: A) => R) => (...args: A): R => {
    const outer = bound;
    bound = connection;
    try {
      return call(...args);
    } finally {
      bound = outer;
    }
  };
  // One transport for every site: a bounded keep-alive pool per protocol, each call under the timeout.
  const underLimiter = credentials.fetch ? timedFetch(credentials.fetch, timeoutMs) : httpFetch({ timeoutMs });

  const evict = (t: number) => {
    // Map order is least recently used first: evict from the front while over the bound or idle.
    for (const [instanceId, site] of sites) {
      if (sites.size <= maxSites && t - site.usedAt < idleMs) break;
      sites.delete(instanceId);
    }
  };
  const siteOf = (instanceId: string): CachedSite => {
    const t = now();
    let site = sites.get(instanceId);
    if (site) sites.delete(instanceId);
    else site = { limiter: createRateLimiter(credentials.rateLimit), usedAt: t };
    site.usedAt = t;
    sites.set(instanceId, site);
    evict(t);
    return site;
  };
  const clientOf = (site: CachedSite, instanceId: string): SiteClient => {
    let marker: string | undefined;
    const paced = rateLimitedFetch(site.limiter, underLimiter);
    const fetchOfSite: typeof fetch = async (input, init) => {
      const headers = new Headers(init?.headers);
      headers.delete(CONSISTENT);
      if (marker) headers.set(CONSISTENT, marker);
      const response = await paced(input, { ...init, headers });
      marker = response.headers.get(CONSISTENT) ?? marker;
      return response;
    };
    const connection = siteConnection({ ...credentials, instanceId, unknownSites: refused, fetch: fetchOfSite });
    return {
      contacts: { getContact: lend(connection, sdk.contacts.getContact) },
      members: { getMember: lend(connection, sdk.members.getMember) },
      conversations: {
        getConversation: lend(connection, sdk.conversations.getConversation),
        getOrCreateConversation: lend(connection, sdk.conversations.getOrCreateConversation),
      },
      messages: { sendMessage: lend(connection, sdk.messages.sendMessage), listMessages: lend(connection, sdk.messages.listMessages) },
    };
  };
  const clientFor = (instanceId: string) => {
    const site = siteOf(instanceId);
    site.client ??= clientOf(site, instanceId);
    return site.client;
  };
  const clients = Object.assign(clientFor, {
    limiter: (instanceId: string) => siteOf(instanceId).limiter,
    forget(instanceId: string) {
      sites.delete(instanceId);
      refused.forget(instanceId);
    },
    unknown: refused,
  });
  // A getter, not a copied value (Object.assign would read it once).
  return Object.defineProperty(clients, 'size', { get: () => (evict(now()), sites.size) }) as SiteClients;
}

/** Wix Inbox for every site, through the same clients and pacing; Retry-After comes from the site's pacer. */
export function siteInbox(clients: SiteClients, appId: string, retry?: RetryOptions): Inbox {
  return createWixInbox(clients, { appId, retry, retryAfterSeconds: (instanceId) => clients.limiter(instanceId).pausedForSeconds() });
}
