import path from 'node:path';

/** The self-hosted server's settings, all from the environment. */
export interface ServerConfig {
  port: number;
  appId: string;
  appSecret: string;
  publicKey: string;
  apiUrl: string;
  dataDir: string;
  /** The app's own pacing of each site's Wix calls (WIX_RATE_LIMIT_PER_MINUTE; default Wix's 200). */
  rateLimitPerMinute?: number;
  /**
   * WIX_PACING=off, a benchmark and development setting: Wix calls are not paced at all, to measure the app's own
   * cost against the emulator (with its rate limit off). Refused when WIX_API_URL is Wix's own API.
   */
  pacingOff?: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and checks the settings; a missing or bad one is named, with what to set it to. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number; got "${env.PORT}"`);
  const apiUrl = (env.WIX_API_URL || 'https://www.wixapis.com').replace(/\/+$/, '');
  if (!/^https?:\/\//.test(apiUrl)) throw new ConfigError(`WIX_API_URL must be an http(s) URL; got "${apiUrl}"`);
  return {
    port,
    appId: required(env, 'WIX_APP_ID', 'the app ID from the Wix Dev Center (OAuth page)'),
    appSecret: required(env, 'WIX_APP_SECRET', 'the app secret key from the Wix Dev Center (OAuth page)'),
    publicKey: required(env, 'WIX_PUBLIC_KEY', 'the webhook public key (PEM or base64 PEM) from the Dev Center webhooks page'),
    apiUrl,
    dataDir: path.resolve(env.DATA_DIR || 'data'),
    ...rateLimitOf(env),
    ...pacingOf(env, apiUrl),
  };
}

function required(env: NodeJS.ProcessEnv, name: string, what: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(`${name} is not set: set it to ${what}`);
  return value;
}

function pacingOf(env: NodeJS.ProcessEnv, apiUrl: string): { pacingOff?: boolean } {
  if (!env.WIX_PACING || env.WIX_PACING === 'on') return {};
  if (env.WIX_PACING !== 'off') throw new ConfigError(`WIX_PACING must be "on" or "off"; got "${env.WIX_PACING}"`);
  if (apiUrl === 'https://www.wixapis.com') {
    throw new ConfigError('WIX_PACING=off is for benchmarks against the local emulator: Wix itself allows 200 requests per minute per site. Unset it, or set WIX_API_URL to the emulator');
  }
  return { pacingOff: true };
}

function rateLimitOf(env: NodeJS.ProcessEnv): { rateLimitPerMinute?: number } {
  if (!env.WIX_RATE_LIMIT_PER_MINUTE) return {};
  const perMinute = Number(env.WIX_RATE_LIMIT_PER_MINUTE);
  if (!Number.isInteger(perMinute) || perMinute < 2 || perMinute > 200) {
    throw new ConfigError(`WIX_RATE_LIMIT_PER_MINUTE must be a whole number from 2 to 200 (Wix allows 200); got "${env.WIX_RATE_LIMIT_PER_MINUTE}"`);
  }
  return { rateLimitPerMinute: perMinute };
}
