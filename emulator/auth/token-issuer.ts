import type { Clock } from '../util/clock.js';
import { newOpaqueToken } from '../util/ids.js';
import { unauthenticated } from '../http/wix-error.js';

/** Who is calling: the app, on behalf of one site instance. A token never sees another instance. */
export interface Caller {
  appId: string;
  instanceId: string;
}

interface IssuedToken extends Caller {
  expiresAt: number;
}

/** Access tokens from the client-credentials grant, each bound to one instance, each with an expiry. */
export class TokenIssuer {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlSeconds: number,
  ) {}

  issue(caller: Caller): { access_token: string; token_type: string; expires_in: number } {
    const token = newOpaqueToken('OauthNG.JWS');
    this.tokens.set(token, { ...caller, expiresAt: this.clock.now() + this.ttlSeconds * 1000 });
    return { access_token: token, token_type: 'Bearer', expires_in: this.ttlSeconds };
  }

  /** The caller behind an `Authorization` header, or a 401 that says what is wrong. */
  verify(header: string | undefined): Caller {
    if (!header) {
      throw unauthenticated('Missing Authorization header: get an access token from POST /oauth2/token first');
    }
    const token = header.replace(/^Bearer\s+/i, '').trim();
    const issued = this.tokens.get(token);
    if (!issued) throw unauthenticated('Authorization token is not one this Wix emulator issued');
    if (issued.expiresAt <= this.clock.now()) {
      throw unauthenticated(
        `Access token expired at ${new Date(issued.expiresAt).toISOString()}: request a new one from POST /oauth2/token`,
      );
    }
    return { appId: issued.appId, instanceId: issued.instanceId };
  }
}
