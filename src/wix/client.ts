import { createClient, type AuthenticationStrategy, type Descriptors } from '@wix/sdk';
import { importSPKI, jwtVerify, type KeyLike } from 'jose';
import { SiteUnknownError, type UnknownSites } from './site-unknown.js';

/** Where the SDK sends every call; `apiUrl` replaces this origin (e.g. the local emulator). */
export const WIX_API_URL = 'https://www.wixapis.com';
const SDK_ORIGINS = ['https://www.wixapis.com', 'https://edge.wixapis.com'];

export interface WixClientSettings<T extends Descriptors> {
  appId: string;
  appSecret: string;
  instanceId: string;
  apiUrl?: string;
  /** The app's public key (PEM or base64 PEM), needed only to verify webhooks with `client.webhooks.process`. */
  publicKey?: string;
  modules: T;
  fetch?: typeof fetch;
  /** Sites the token endpoint refused lately: their calls fail at once, with no token call (see site-unknown.ts). */
  unknownSites?: UnknownSites;
}

/**
 * The real SDK client for one site instance. Calls go to `apiUrl` instead of www.wixapis.com,
 * authorised with a client-credentials token fetched from `${apiUrl}/oauth2/token` and cached.
 */
export function createWixClient<T extends Descriptors>(settings: WixClientSettings<T>) {
  const { auth, fetch } = siteConnection(settings);
  return createClient({ modules: settings.modules, auth, fetch });
}

/**
 * What makes an SDK call one site's: the client-credentials auth (its token cached) and the fetch to `apiUrl`
 * that drops the token on a 401. createWixClient puts them in a client of their own; site-clients.ts lends them
 * to one shared client, call by call.
 */
export function siteConnection(settings: Omit<WixClientSettings<Descriptors>, 'modules'>) {
  const apiUrl = (settings.apiUrl ?? WIX_API_URL).replace(/\/+$/, '');
  const baseFetch = settings.fetch ?? globalThis.fetch;
  const auth = instanceTokenAuth({ ...settings, apiUrl, fetch: baseFetch });
  const fetchAtApiUrl: typeof fetch = async (input, init) => {
    const response = await baseFetch(rewriteOrigin(input, apiUrl), init);
    if (response.status === 401) auth.forgetToken();
    return response;
  };
  return { auth, fetch: fetchAtApiUrl };
}

/** A client that only verifies and dispatches webhooks (no site instance, no API calls). */
export function createWebhookClient<T extends Descriptors>(settings: { appId: string; publicKey: string; modules: T }) {
  const auth: AuthenticationStrategy<undefined> = {
    getAuthHeaders: () => {
      throw new WixSettingError('This client only verifies webhooks: use createWixClient with WIX_INSTANCE_ID to call Wix');
    },
    decodeJWT: webhookVerifier(settings.appId, settings.publicKey),
  };
  return createClient({ modules: settings.modules, auth });
}

/**
 * A configuration problem, named by the setting to fix. The SDK replaces the message of errors thrown
 * while authorising with "System error occurred: <JSON of the error>", so the JSON form is the message.
 */
export class WixSettingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WixSettingError';
  }

  toJSON(): string {
    return this.message;
  }
}

interface InstanceAuthSettings {
  appId: string;
  appSecret: string;
  instanceId: string;
  apiUrl: string;
  publicKey?: string;
  fetch: typeof fetch;
  unknownSites?: UnknownSites;
}

function instanceTokenAuth(settings: InstanceAuthSettings) {
  const tokenUrl = `${settings.apiUrl}/oauth2/token`;
  let cached: { token: string; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;

  async function requestToken(): Promise<string> {
    let response: Response;
    try {
      response = await settings.fetch(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials', client_id: settings.appId,
          client_secret: settings.appSecret, instance_id: settings.instanceId }),
      });
    } catch (error) {
      throw new WixSettingError(`Cannot reach ${tokenUrl} (${String((error as Error).cause ?? error)}): check WIX_API_URL`);
    }
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.status !== 200 || typeof body.access_token !== 'string') {
      const message = tokenError(settings, tokenUrl, response.status, body);
      if (siteUnknown(response.status, body)) {
        const refused = new SiteUnknownError(settings.instanceId, `Wix does not know site ${settings.instanceId} for this app: ${message}`);
        settings.unknownSites?.remember(refused);
        throw refused;
      }
      throw new WixSettingError(message);
    }
    const ttlMs = Number(body.expires_in ?? 0) * 1000;
    cached = { token: body.access_token, renewAt: Date.now() + ttlMs - Math.min(60_000, ttlMs / 2) };
    return body.access_token;
  }

  return {
    async getAuthHeaders() {
      const refused = settings.unknownSites?.refusal(settings.instanceId);
      if (refused) throw refused;
      if (!cached || cached.renewAt <= Date.now()) {
        pending ??= requestToken().finally(() => (pending = undefined));
        await pending;
      }
      return { headers: { Authorization: cached!.token } };
    },
    decodeJWT: webhookVerifier(settings.appId, settings.publicKey),
    /** Drops the cached token (after a 401) so the next call fetches a fresh one. */
    forgetToken() {
      cached = undefined;
    },
  };
}

/**
 * The token endpoint refused the site, not the app: 404; 400 about the instance; 401/403 that does not name the
 * app's own client ID or secret (those are configuration errors, the same for every site).
 */
function siteUnknown(status: number, body: Record<string, unknown>): boolean {
  const code = String((body.details as { applicationError?: { code?: string } } | undefined)?.applicationError?.code ?? '');
  const text = `${String(body.message ?? body.error_description ?? body.error ?? '')} ${code}`;
  if (status === 404) return true;
  if (status === 400) return /instance/i.test(text);
  if (status === 401 || status === 403) return !/client_id|client_secret|INVALID_CLIENT|secret/i.test(text);
  return false;
}

function tokenError(settings: InstanceAuthSettings, url: string, status: number, body: Record<string, unknown>) {
  const detail = String(body.message ?? body.error_description ?? body.error ?? 'no message');
  const code = String((body.details as { applicationError?: { code?: string } } | undefined)?.applicationError?.code ?? '');
  const setting = /client_id|INVALID_CLIENT$/i.test(`${detail} ${code}`) ? `WIX_APP_ID (${settings.appId})`
    : /instance/i.test(`${detail} ${code}`) ? `WIX_INSTANCE_ID (${settings.instanceId})`
    : status === 401 || status === 403 ? 'WIX_APP_SECRET'
    : 'WIX_APP_ID, WIX_APP_SECRET or WIX_INSTANCE_ID';
  return `${setting} rejected by ${url} (${status}): ${detail}`;
}

/** How far in the future a webhook's `iat` may be (the sender's clock ahead of ours). */
export const WEBHOOK_CLOCK_SKEW_SECONDS = 60;

/**
 * Verifies webhook JWTs as the SDK's AppStrategy does (RS256 with the app's public key, `exp` enforced when present),
 * and stricter only in what a genuine token never trips: RS256 alone, and an `iat` at most WEBHOOK_CLOCK_SKEW_SECONDS
 * in the future. Neither claim is required: Wix sends both, the SDK accepts a token without them, and only the
 * holder of Wix's private key can sign one, so requiring them would refuse nothing a forger could send. Imports the
 * key once: AppStrategy re-imports it on every call, which costs ~9× the verification itself.
 */
function webhookVerifier(appId: string, publicKey: string | undefined) {
  let key: Promise<KeyLike> | undefined;
  return async (jwt: string) => {
    if (!publicKey) throw new WixSettingError('WIX_PUBLIC_KEY is not set: cannot verify webhooks');
    key ??= importSPKI(pemOf(publicKey), 'RS256').catch((error) => {
      key = undefined;
      throw new WixSettingError(`WIX_PUBLIC_KEY is not a valid RSA public key (PEM or base64 PEM): ${(error as Error).message}`);
    });
    try {
      const { payload } = await jwtVerify(jwt, await key, { algorithms: ['RS256'] });
      if (payload.iat !== undefined && payload.iat > Date.now() / 1000 + WEBHOOK_CLOCK_SKEW_SECONDS) {
        throw Object.assign(new Error(`"iat" claim is in the future (${new Date(payload.iat * 1000).toISOString()})`), { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED' });
      }
      return { decoded: { data: payload.data }, valid: true };
    } catch (error) {
      const reason = (error as Error).message;
      throw Object.assign(new Error(`Webhook JWT rejected (${reason}): is WIX_PUBLIC_KEY the key of app ${appId}?`,
        { cause: error }), { code: (error as { code?: string }).code });
    }
  };
}

/** The Dev Center shows the key as PEM; environment variables often carry it base64-encoded. */
function pemOf(publicKey: string): string {
  const trimmed = publicKey.trim();
  if (trimmed.startsWith('-----BEGIN')) return trimmed.replace(/\\n/g, '\n');
  return Buffer.from(trimmed, 'base64').toString('utf8');
}

function rewriteOrigin(input: string | URL | Request, apiUrl: string): string | URL | Request {
  if (apiUrl === WIX_API_URL) return input;
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const origin = SDK_ORIGINS.find((o) => url === o || url.startsWith(`${o}/`));
  if (!origin) return input;
  const rewritten = apiUrl + url.slice(origin.length);
  return input instanceof Request ? new Request(rewritten, input) : rewritten;
}
