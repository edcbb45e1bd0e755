import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/api/errors.js';
import { INSTANCE_TOKEN_CLOCK_SKEW_MS, INSTANCE_TOKEN_MAX_AGE_MS, signInstanceToken, verifyInstanceToken } from '../../../src/api/instance-token.js';

const SECRET = 'the-app-secret';
const APP = '0c1b2a39-4857-4665-8374-92a1b0c9d8e7';
const SITE = '5b6d2f1a-9c3e-4d8b-a7f0-3e2c1d4b6a90';
const NOW = new Date('2026-12-01T12:00:00.000Z');

/** A token as Wix signs it, with the payload given (signDate and all). */
function signed(payload: Record<string, unknown>, secret = SECRET): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${createHmac('sha256', secret).update(body).digest('base64url')}.${body}`;
}
const dated = (offsetMs: number) => signed({ instanceId: SITE, appDefId: APP, signDate: new Date(NOW.getTime() + offsetMs).toISOString() });

function refusal(token: string | undefined): ApiError {
  try {
    verifyInstanceToken(token, SECRET, APP, NOW);
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('the token was accepted');
}

describe('verifyInstanceToken', () => {
  it('gives the site of a fresh token signed with the app secret', () => {
    expect(verifyInstanceToken(dated(-60_000), SECRET, APP, NOW)).toMatchObject({ instanceId: SITE, appDefId: APP });
    expect(verifyInstanceToken(signInstanceToken({ instanceId: SITE }, SECRET), SECRET, APP)).toMatchObject({ instanceId: SITE });
  });

  it.each<[string, string | undefined, string, RegExp]>([
    ['dated 2001', signed({ instanceId: SITE, signDate: '2001-09-09T01:46:40.000Z' }), 'TOKEN_EXPIRED', /expired.*reload the panel/],
    ['a second past the maximum age', dated(-INSTANCE_TOKEN_MAX_AGE_MS - 1000), 'TOKEN_EXPIRED', /over 24 hours ago/],
    ['dated 2099', signed({ instanceId: SITE, signDate: '2099-01-01T00:00:00.000Z' }), 'TOKEN_NOT_YET_VALID', /in the future/],
    ['beyond the clock skew ahead', dated(INSTANCE_TOKEN_CLOCK_SKEW_MS + 1000), 'TOKEN_NOT_YET_VALID', /in the future/],
    ['without a signDate', signed({ instanceId: SITE }), 'TOKEN_EXPIRED', /no signDate/],
    ['with a signDate that is not a date', signed({ instanceId: SITE, signDate: 'soon' }), 'TOKEN_EXPIRED', /no signDate/],
    ['with a numeric signDate', signed({ instanceId: SITE, signDate: 1 }), 'TOKEN_EXPIRED', /no signDate/],
    ['signed with another secret', signed({ instanceId: SITE, signDate: NOW.toISOString() }, 'other'), 'UNAUTHORIZED', /WIX_APP_SECRET/],
    ['for another app', signed({ instanceId: SITE, appDefId: 'another-app', signDate: NOW.toISOString() }), 'UNAUTHORIZED', /not this app/],
    ['missing', undefined, 'UNAUTHORIZED', /Missing instance token/],
    ['of three parts', 'a.b.c', 'UNAUTHORIZED', /<signature>\.<payload>/],
    ['over 4 kB', `${'a'.repeat(5000)}.b`, 'UNAUTHORIZED', /too long/],
  ])('refuses a token %s with a 401', (_label, token, code, message) => {
    const error = refusal(token);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code, message: expect.stringMatching(message) });
  });

  it('accepts a token a little ahead of this clock (skew) and one just under the maximum age', () => {
    expect(verifyInstanceToken(dated(INSTANCE_TOKEN_CLOCK_SKEW_MS - 1000), SECRET, APP, NOW).instanceId).toBe(SITE);
    expect(verifyInstanceToken(dated(-INSTANCE_TOKEN_MAX_AGE_MS + 1000), SECRET, APP, NOW).instanceId).toBe(SITE);
  });
});
