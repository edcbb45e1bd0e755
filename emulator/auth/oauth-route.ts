import { WixError } from '../http/wix-error.js';
import type { World } from '../state/world.js';
import type { TokenIssuer } from './token-issuer.js';

export interface AppCredentials {
  appId: string;
  appSecret: string;
}

/**
 * `POST /oauth2/token`. The grants the SDK sends: `client_credentials` (`AppStrategy` with an instance ID: the
 * app's elevated token for one site), `strip_bound_session` (`AppStrategy` with a caller's access token: an app
 * token for the caller's site) and `anonymous` (`OAuthStrategy`, camelCase fields: a visitor's token, which the
 * Wix-hosted runtime asks for when a request carries no token).
 */
export function grantToken(
  body: Record<string, unknown>,
  app: AppCredentials,
  world: World,
  issuer: TokenIssuer,
): Record<string, unknown> {
  const grantType = body.grant_type ?? body.grantType;
  if (grantType === 'client_credentials') return clientCredentials(body, app, world, issuer);
  if (grantType === 'strip_bound_session') return stripBoundSession(body, app, issuer);
  if (grantType === 'anonymous') return anonymous(body, app, issuer);
  throw new WixError(400, 'UNSUPPORTED_GRANT_TYPE',
    `grant_type "${String(grantType)}" is not supported by the emulator: use "client_credentials", ` +
    '"strip_bound_session" or "anonymous"');
}

function clientCredentials(body: Record<string, unknown>, app: AppCredentials, world: World, issuer: TokenIssuer) {
  checkClient(body.client_id, app);
  checkSecret(body.client_secret, app);
  const instanceId = typeof body.instance_id === 'string' ? body.instance_id : '';
  if (!world.hasSite(instanceId)) {
    throw new WixError(400, 'INSTANCE_NOT_FOUND',
      `instance_id "${instanceId}" is not a site with the app installed: check WIX_INSTANCE_ID or create a site`);
  }
  return issuer.issue({ appId: app.appId, instanceId });
}

function stripBoundSession(body: Record<string, unknown>, app: AppCredentials, issuer: TokenIssuer) {
  checkSecret(body.client_secret, app);
  const caller = issuer.lookup(typeof body.access_token === 'string' ? body.access_token : undefined);
  if (caller.appId !== app.appId) {
    throw new WixError(401, 'INVALID_CLIENT', `access_token was issued for app ${caller.appId}, not ${app.appId}`);
  }
  return issuer.issue({ appId: app.appId, instanceId: caller.instanceId });
}

function anonymous(body: Record<string, unknown>, app: AppCredentials, issuer: TokenIssuer) {
  checkClient(body.clientId, app);
  return issuer.issueVisitor({ appId: app.appId, instanceId: '' });
}

function checkClient(clientId: unknown, app: AppCredentials): void {
  if (clientId !== app.appId) {
    throw new WixError(401, 'INVALID_CLIENT',
      `client_id "${String(clientId)}" is not the emulated app (${app.appId}): check WIX_APP_ID`);
  }
}

function checkSecret(secret: unknown, app: AppCredentials): void {
  if (secret !== app.appSecret) {
    throw new WixError(401, 'INVALID_CLIENT_SECRET', `client_secret is wrong for app ${app.appId}: check WIX_APP_SECRET`);
  }
}
