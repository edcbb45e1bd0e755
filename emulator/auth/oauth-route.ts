import { WixError } from '../http/wix-error.js';
import type { World } from '../state/world.js';
import type { TokenIssuer } from './token-issuer.js';

export interface AppCredentials {
  appId: string;
  appSecret: string;
}

/** `POST /oauth2/token` with the client-credentials grant, as `AppStrategy` sends it. */
export function grantToken(
  body: Record<string, unknown>,
  app: AppCredentials,
  world: World,
  issuer: TokenIssuer,
): ReturnType<TokenIssuer['issue']> {
  if (body.grant_type !== 'client_credentials') {
    throw new WixError(400, 'UNSUPPORTED_GRANT_TYPE',
      `grant_type "${String(body.grant_type)}" is not supported by the emulator: use "client_credentials"`);
  }
  if (body.client_id !== app.appId) {
    throw new WixError(401, 'INVALID_CLIENT',
      `client_id "${String(body.client_id)}" is not the emulated app (${app.appId}): check WIX_APP_ID`);
  }
  if (body.client_secret !== app.appSecret) {
    throw new WixError(401, 'INVALID_CLIENT_SECRET',
      `client_secret is wrong for app ${app.appId}: check WIX_APP_SECRET`);
  }
  const instanceId = typeof body.instance_id === 'string' ? body.instance_id : '';
  if (!world.hasSite(instanceId)) {
    throw new WixError(400, 'INSTANCE_NOT_FOUND',
      `instance_id "${instanceId}" is not a site with the app installed: check WIX_INSTANCE_ID or create a site`);
  }
  return issuer.issue({ appId: app.appId, instanceId });
}
