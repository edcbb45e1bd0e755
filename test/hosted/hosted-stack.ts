import { silentLogger, startEmulator, WIX_RETRY_SCHEDULE_MS, type Clock, type EmittedEvent, type Emulator,
  type DeliverySettings } from '../../emulator/index.js';
import { hostedApp, startHostedWorker, type HostedRequestRecord, type HostedWorker } from '../../emulator/hosting/index.js';
import type { ConversationList } from '../../src/api/list-conversations.js';
import { textOf, type HostUnderTest } from '../scenarios/site-owner-view.js';

/**
 * Wix's resend schedule with one minute played as one millisecond: the same 12 resends in the same proportions,
 * over about 3 seconds instead of two days.
 */
export const FAST_WIX_RESENDS = WIX_RETRY_SCHEDULE_MS.map((ms) => ms / 60_000);

/**
 * Wix's limits, enforced by default. To see what a failing test needs beyond them (never in `npm test`):
 * `HOSTED_SUBREQUEST_LIMIT=1000` lifts the 20 sub-requests per request, `HOSTED_RATE_LIMIT=off` the 200 calls
 * a minute per site.
 */
const SUBREQUEST_LIMIT = Number(process.env.HOSTED_SUBREQUEST_LIMIT ?? 20);
const RATE_LIMIT = process.env.HOSTED_RATE_LIMIT === 'off' ? false : Number(process.env.HOSTED_RATE_LIMIT ?? 200);

/** The built worker as Wix hosting runs it, its Wix calls answered by the emulator, driven as a site owner sees it. */
export interface HostedStack {
  emulator: Emulator;
  hosted: HostedWorker;
  /** Every webhook delivered or given up (Wix's resends included) and every request finished. */
  settle(): Promise<void>;
  /** A dashboard user's token for the site (what `httpClient.fetchWithAuth` sends). */
  userToken(instanceId: string): string;
  /** Calls the worker's `/api/...` as the site's dashboard (or with the token given). */
  api(instanceId: string, method: string, path: string, options?: { body?: unknown; token?: string | null }):
  Promise<{ status: number; json: any }>;
  list(instanceId: string, params?: Record<string, string>): Promise<ConversationList>;
  timeline(instanceId: string, conversationId: string): Promise<{ conversation: any; decisions: any[] }>;
  putSettings(instanceId: string, settings: unknown): Promise<void>;
  /** The texts the app sent on a site, oldest first (what the emulator says it received). */
  repliesOn(instanceId: string): string[];
  /** Posts a signed event to its callback URL as Wix does: the raw JWT, `text/plain`. */
  deliver(event: EmittedEvent, contentType?: string): Promise<Response>;
  /** The records of the webhooks of one event, in order. */
  requestsFor(eventId: string): HostedRequestRecord[];
  close(): Promise<void>;
}

export interface HostedStackOptions {
  subrequestLimit?: number;
  delivery?: Partial<DeliverySettings>;
  emulatorClock?: Clock;
  rateLimitPerMinute?: number | false;
  /** Isolates serving the requests round-robin, each with its own memory (default 1). */
  isolates?: number;
}

export async function startHostedStack(options: HostedStackOptions = {}): Promise<HostedStack> {
  const emulator = await startEmulator({
    app: hostedApp(),
    log: silentLogger,
    delivery: { retryDelaysMs: FAST_WIX_RESENDS, ...options.delivery },
    ...(options.emulatorClock ? { clock: options.emulatorClock } : {}),
    rateLimitPerMinute: options.rateLimitPerMinute ?? RATE_LIMIT,
  });
  const hosted = await startHostedWorker({ emulator, subrequestLimit: options.subrequestLimit ?? SUBREQUEST_LIMIT,
    isolates: options.isolates ?? 1 });
  const tokens = new Map<string, string>();
  const userToken = (instanceId: string) => {
    let token = tokens.get(instanceId);
    if (!token) tokens.set(instanceId, (token = emulator.issueToken(instanceId, { subjectType: 'USER' })));
    return token;
  };

  const stack: HostedStack = {
    emulator,
    hosted,
    async settle() {
      await emulator.webhooks.settled();
      await hosted.settled();
    },
    userToken,
    async api(instanceId, method, path, { body, token } = {}) {
      const auth = token === undefined ? userToken(instanceId) : token;
      const response = await fetch(`${hosted.url}${path}`, {
        method,
        headers: { ...(auth ? { authorization: auth } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      let json: unknown = text;
      try {
        json = JSON.parse(text);
      } catch { /* not JSON: kept as text for the assertion message */ }
      return { status: response.status, json };
    },
    async list(instanceId, params = {}) {
      const { status, json } = await stack.api(instanceId, 'GET', `/api/conversations?${new URLSearchParams(params)}`);
      if (status !== 200) throw new Error(`GET /api/conversations → ${status}: ${JSON.stringify(json)}`);
      return json;
    },
    async timeline(instanceId, conversationId) {
      const { status, json } = await stack.api(instanceId, 'GET', `/api/conversations/${conversationId}`);
      if (status !== 200) throw new Error(`GET /api/conversations/${conversationId} → ${status}: ${JSON.stringify(json)}`);
      return json;
    },
    async putSettings(instanceId, settings) {
      const { status, json } = await stack.api(instanceId, 'PUT', '/api/settings', { body: settings });
      if (status !== 200) throw new Error(`PUT /api/settings → ${status}: ${JSON.stringify(json)}`);
    },
    repliesOn: (instanceId) => emulator.sentByApp(instanceId).map(({ message }) => textOf(message.content)),
    async deliver(event, contentType = 'text/plain') {
      const path = hosted.app.webhooks[event.eventType];
      if (!path) throw new Error(`The built manifest has no webhook for ${event.eventType}`);
      return fetch(`${hosted.url}${path}`, { method: 'POST', headers: { 'content-type': contentType },
        body: await emulator.webhooks.sign(event) });
    },
    requestsFor: (eventId) => hosted.requests().filter((r) => r.event?.eventId === eventId),
    async close() {
      await hosted.close();
      await emulator.close();
    },
  };
  return stack;
}

/** The built worker as a host the shared scenarios (test/scenarios/) run on, with `settings` for every stack they start. */
export const onWixHosting = (settings: HostedStackOptions = {}): HostUnderTest =>
  ({ name: 'on Wix hosting', start: (options = {}) => startHostedStack({ ...settings, ...options }) });
