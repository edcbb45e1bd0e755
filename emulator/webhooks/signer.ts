import type { KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Clock } from '../util/clock.js';
import type { EmittedEvent } from './domain-events.js';

export interface SignOptions {
  /** Seconds since epoch; defaults to the emulator clock. */
  issuedAt?: number;
  /** Lifetime of the JWT; negative makes an already-expired token (for tests). */
  expiresInSeconds?: number;
}

/**
 * The webhook body Wix sends: an RS256 JWT whose `data` claim is a JSON string of
 * `{data: "<DomainEvent JSON>", instanceId, eventType, identity: "<JSON>", accountInfo}`.
 */
export function createWebhookSigner(appId: string, privateKey: KeyObject, clock: Clock) {
  return async function sign(event: EmittedEvent, options: SignOptions = {}): Promise<string> {
    const iat = options.issuedAt ?? Math.floor(clock.now() / 1000);
    const data = JSON.stringify({
      data: JSON.stringify(event.domainEvent),
      instanceId: event.instanceId,
      eventType: event.eventType,
      ...(event.identity ? { identity: JSON.stringify(event.identity) } : {}),
      accountInfo: event.accountInfo,
    });
    return new SignJWT({ data })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuer('wix.com')
      .setAudience(appId)
      .setIssuedAt(iat)
      .setExpirationTime(iat + (options.expiresInSeconds ?? 3600))
      .sign(privateKey);
  };
}

export type WebhookSigner = ReturnType<typeof createWebhookSigner>;
