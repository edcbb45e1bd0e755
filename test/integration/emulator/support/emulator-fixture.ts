import { contacts } from '@wix/crm';
import { items } from '@wix/data';
import { conversations, messages } from '@wix/inbox';
import { members } from '@wix/members';
import { silentLogger, startEmulator, type Emulator, type EmulatorOptions } from '../../../../emulator/index.js';
import { createWixClient } from '../../../../src/wix/client.js';

export const MODULES = { conversations, messages, contacts, members, items };

export const startQuietEmulator = (options: EmulatorOptions = {}) => startEmulator({ log: silentLogger, ...options });

/** The real SDK modules, talking HTTP to the emulator as the app on one site instance. */
export function siteClient(emu: Emulator, instanceId: string, overrides: { appSecret?: string } = {}) {
  return createWixClient({
    appId: emu.app.appId,
    appSecret: overrides.appSecret ?? emu.app.appSecret,
    instanceId,
    apiUrl: emu.url,
    publicKey: emu.app.publicKeyPem,
    modules: MODULES,
  });
}

export type SiteClient = ReturnType<typeof siteClient>;

export interface SdkError {
  message: string;
  status?: number;
  details?: { applicationError?: { code?: string; data?: Record<string, unknown> } };
}

/** The error a call rejects with (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** A raw API call with a fresh token, for what the SDK hides (headers, unknown routes). */
export async function rawCall(emu: Emulator, instanceId: string, method: string, path: string, body?: unknown) {
  const tokenResponse = await fetch(`${emu.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: emu.app.appId,
      client_secret: emu.app.appSecret, instance_id: instanceId }),
  });
  const { access_token } = (await tokenResponse.json()) as { access_token: string };
  return fetch(`${emu.url}${path}`, {
    method,
    headers: { authorization: access_token, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}
