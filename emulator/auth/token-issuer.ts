import type { Clock } from '../util/clock.js';
import { newGuid, newOpaqueToken } from '../util/ids.js';
import { unauthenticated } from '../http/wix-error.js';

/** Who is calling: the app, on behalf of one site instance. A token never sees another instance. */
export interface Caller {
  appId: string;
  instanceId: string;
}

/** Who a token speaks for, as `/oauth2/token-info` reports it. */
export type SubjectType = 'APP' | 'USER' | 'MEMBER' | 'VISITOR';

export interface TokenSubject {
  subjectType: SubjectType;
  subjectId: string;
  siteId?: string;
}

interface IssuedToken extends Caller, TokenSubject {
  issuedAt: number;
  expiresAt: number;
}

/** What `POST /oauth2/token-info` answers (token introspection: an unknown or expired token is `active: false`). */
export interface TokenInfo {
  active: boolean;
  subjectType?: SubjectType;
  subjectId?: string;
  exp?: number;
  iat?: number;
  clientId?: string;
  siteId?: string;
  instanceId?: string;
}

/**
 * Access tokens, each bound to one instance, each with an expiry: app tokens from the client-credentials grant,
 * and the tokens a dashboard user, a site member or a visitor would carry into the app's backend.
 */
export class TokenIssuer {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlSeconds: number,
  ) {}

  issue(caller: Caller, subject?: TokenSubject): { access_token: string; token_type: string; expires_in: number } {
    const token = newOpaqueToken('OauthNG.JWS');
    const now = this.clock.now();
    this.tokens.set(token, {
      ...caller,
      ...(subject ?? { subjectType: 'APP', subjectId: caller.appId }),
      issuedAt: now,
      expiresAt: now + this.ttlSeconds * 1000,
    });
    return { access_token: token, token_type: 'Bearer', expires_in: this.ttlSeconds };
  }

  /** A visitor's anonymous token pair (the `anonymous` grant an OAuth client uses when nobody is signed in). */
  issueVisitor(caller: Caller): { access_token: string; refresh_token: string; token_type: string; expires_in: number } {
    const visitorId = newGuid();
    const issued = this.issue(caller, { subjectType: 'VISITOR', subjectId: visitorId });
    return { ...issued, refresh_token: newOpaqueToken('OauthNG.JWS.refresh') };
  }

  /** The caller behind an `Authorization` header, or a 401 that says what is wrong. */
  verify(header: string | undefined): Caller {
    const issued = this.lookup(header);
    return { appId: issued.appId, instanceId: issued.instanceId };
  }

  /** The facts of a live token, or `active: false` for one this emulator did not issue or that expired. */
  info(token: string | undefined): TokenInfo {
    const issued = token ? this.tokens.get(token.replace(/^Bearer\s+/i, '').trim()) : undefined;
    if (!issued || issued.expiresAt <= this.clock.now()) return { active: false };
    return {
      active: true,
      subjectType: issued.subjectType,
      subjectId: issued.subjectId,
      exp: Math.floor(issued.expiresAt / 1000),
      iat: Math.floor(issued.issuedAt / 1000),
      clientId: issued.appId,
      ...(issued.siteId ? { siteId: issued.siteId } : {}),
      ...(issued.instanceId ? { instanceId: issued.instanceId } : {}),
    };
  }

  /** The full record of a live token (for grants that exchange one token for another). */
  lookup(header: string | undefined): IssuedToken {
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
    return issued;
  }
}
