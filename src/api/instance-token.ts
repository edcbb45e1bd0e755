import { createHmac, timingSafeEqual } from 'node:crypto';
import { UnauthorizedError } from './errors.js';

/** The facts a verified Wix instance token gives: which site is asking. */
export interface InstanceFacts {
  instanceId: string;
  appDefId?: string;
  signDate?: string;
}

/**
 * How long an instance token is honoured after Wix signed it (`signDate`): Wix signs a fresh one each time the
 * dashboard page opens, so a panel left open longer than this asks to be reloaded. A token dated later than now
 * (beyond a little clock skew) is refused too.
 */
export const INSTANCE_TOKEN_MAX_AGE_MS = 24 * 60 * 60 * 1000;
export const INSTANCE_TOKEN_CLOCK_SKEW_MS = 5 * 60 * 1000;
/** Longer than any token Wix signs; past it the token is refused before any work is done on it. */
const MAX_TOKEN_LENGTH = 4096;

/**
 * Verifies the `instance` parameter Wix gives a self-hosted dashboard page: `<sig>.<payload>`, where payload is
 * base64url JSON and sig is base64url HMAC-SHA256 of the payload string keyed with the app secret. Then checks its
 * age against `now` — the wall clock, as Wix's `signDate` is (not the app's domain clock).
 */
export function verifyInstanceToken(token: string | null | undefined, appSecret: string, appId?: string, now: Date = new Date()): InstanceFacts {
  if (!token) throw new UnauthorizedError('Missing instance token: open the panel from the Wix dashboard, or pass ?instance=… / Authorization');
  if (token.length > MAX_TOKEN_LENGTH) throw new UnauthorizedError('Instance token is too long to be one Wix signed');
  const [signature, payload, ...rest] = token.replace(/^Bearer\s+/i, '').split('.');
  if (!signature || !payload || rest.length > 0) throw new UnauthorizedError('Instance token is not of the form <signature>.<payload>');
  const expected = createHmac('sha256', appSecret).update(payload).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new UnauthorizedError('Instance token signature does not match: it was not signed with this app\'s secret (check WIX_APP_SECRET)');
  }
  const facts = parsePayload(payload);
  if (appId && facts.appDefId && facts.appDefId !== appId) {
    throw new UnauthorizedError(`Instance token is for app ${facts.appDefId}, not this app (${appId})`);
  }
  checkAge(facts.signDate, now);
  return facts;
}

function checkAge(signDate: unknown, now: Date): void {
  const signedAt = typeof signDate === 'string' ? Date.parse(signDate) : Number.NaN;
  if (Number.isNaN(signedAt)) throw new UnauthorizedError('Instance token has no signDate: open the panel from the Wix dashboard again', 'TOKEN_EXPIRED');
  const age = now.getTime() - signedAt;
  if (age > INSTANCE_TOKEN_MAX_AGE_MS) {
    throw new UnauthorizedError(`Instance token expired: signed ${new Date(signedAt).toISOString()}, over ${INSTANCE_TOKEN_MAX_AGE_MS / 3_600_000} hours ago; reload the panel from the Wix dashboard`, 'TOKEN_EXPIRED');
  }
  if (age < -INSTANCE_TOKEN_CLOCK_SKEW_MS) {
    throw new UnauthorizedError(`Instance token is dated in the future (${new Date(signedAt).toISOString()}): check this server's clock`, 'TOKEN_NOT_YET_VALID');
  }
}

/** Signs an instance token the way Wix does; used by the local mode and tests to open the dashboard. */
export function signInstanceToken(facts: InstanceFacts, appSecret: string): string {
  const payload = Buffer.from(JSON.stringify({ signDate: new Date().toISOString(), ...facts })).toString('base64url');
  const signature = createHmac('sha256', appSecret).update(payload).digest('base64url');
  return `${signature}.${payload}`;
}

function parsePayload(payload: string): InstanceFacts {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw new UnauthorizedError('Instance token payload is not base64url JSON');
  }
  const instanceId = (parsed as { instanceId?: unknown })?.instanceId;
  if (typeof instanceId !== 'string' || !instanceId) throw new UnauthorizedError('Instance token has no instanceId');
  const { appDefId, signDate } = parsed as Record<string, unknown>;
  if (appDefId !== undefined && typeof appDefId !== 'string') throw new UnauthorizedError('Instance token has an appDefId that is not text');
  return { instanceId, appDefId, signDate: typeof signDate === 'string' ? signDate : undefined };
}
