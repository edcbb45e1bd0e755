import { createHmac, timingSafeEqual } from 'node:crypto';
import { UnauthorizedError } from './errors.js';

/** The facts a verified Wix instance token gives: which site is asking. */
export interface InstanceFacts {
  instanceId: string;
  appDefId?: string;
  signDate?: string;
}

/**
 * Verifies the `instance` parameter Wix gives a self-hosted dashboard page: `<sig>.<payload>`, where payload is
 * base64url JSON and sig is base64url HMAC-SHA256 of the payload string keyed with the app secret.
 */
export function verifyInstanceToken(token: string | null | undefined, appSecret: string, appId?: string): InstanceFacts {
  if (!token) throw new UnauthorizedError('Missing instance token: open the panel from the Wix dashboard, or pass ?instance=… / Authorization');
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
  return facts;
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
  const { appDefId, signDate } = parsed as InstanceFacts;
  return { instanceId, appDefId, signDate };
}
