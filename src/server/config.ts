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
  };
}

function required(env: NodeJS.ProcessEnv, name: string, what: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(`${name} is not set: set it to ${what}`);
  return value;
}

function rateLimitOf(env: NodeJS.ProcessEnv): { rateLimitPerMinute?: number } {
  if (!env.WIX_RATE_LIMIT_PER_MINUTE) return {};
  const perMinute = Number(env.WIX_RATE_LIMIT_PER_MINUTE);
  if (!Number.isInteger(perMinute) || perMinute < 2 || perMinute > 200) {
    throw new ConfigError(`WIX_RATE_LIMIT_PER_MINUTE must be a whole number from 2 to 200 (Wix allows 200); got "${env.WIX_RATE_LIMIT_PER_MINUTE}"`);
  }
  return { rateLimitPerMinute: perMinute };
}
