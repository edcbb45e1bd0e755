import { conversations } from '@wix/inbox';
import { expect, it } from 'vitest';
import { createWixClient } from '../../../src/wix/client.js';
import { isRetryable } from '../../../src/wix/retry.js';
import { isSiteUnknown, unknownSites } from '../../../src/wix/site-unknown.js';

/**
 * How a refusal of the token call is read: the site is unknown to Wix (give the event up after a few widely spaced
 * tries) or the app's own settings are wrong (a configuration error, the same for every site). The emulator answers
 * an unknown instance with 400 INSTANCE_NOT_FOUND (unknown-sites.test.ts); Wix's other answers are played here by
 * the HTTP layer under the real SDK client.
 */
async function refusalOf(status: number, body: Record<string, unknown>) {
  let tokenCalls = 0;
  const refused = unknownSites();
  const client = createWixClient({
    appId: 'app-1', appSecret: 'secret', instanceId: 'site-1', apiUrl: 'http://127.0.0.1:9', modules: { conversations }, unknownSites: refused,
    fetch: async () => {
      tokenCalls++;
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    },
  });
  const call = () => client.conversations.getConversation('c-1').then(() => undefined, (error: unknown) => error);
  const first = await call();
  const second = await call();
  return { first, second, tokenCalls, remembered: refused.size };
}

it.each([
  [404, { message: 'App instance not found' }],
  [400, { message: 'invalid instance id', details: { applicationError: { code: 'INSTANCE_NOT_FOUND' } } }],
  [401, { message: 'App is not installed on this site' }],
  [403, { message: 'Instance was removed' }],
])('reads a %i from the token call as a site Wix does not know: not retried inline, remembered (one token call)', async (status, body) => {
  const { first, second, tokenCalls, remembered } = await refusalOf(status, body);
  expect(isSiteUnknown(first)).toBe(true);
  expect(isRetryable(first)).toBe(false);
  expect(isSiteUnknown(second)).toBe(true);
  expect(tokenCalls).toBe(1);
  expect(remembered).toBe(1);
});

it.each([
  [401, { message: 'client_secret is wrong for app app-1', details: { applicationError: { code: 'INVALID_CLIENT_SECRET' } } }],
  [400, { message: 'client_id "x" is not a known app', details: { applicationError: { code: 'INVALID_CLIENT' } } }],
])('reads a %i about the app\'s own credentials as a configuration error, asked again each time', async (status, body) => {
  const { first, tokenCalls, remembered } = await refusalOf(status, body);
  expect(isSiteUnknown(first)).toBe(false);
  expect(JSON.stringify(first)).toMatch(/WIX_APP_SECRET|WIX_APP_ID/);
  expect(tokenCalls).toBe(2);
  expect(remembered).toBe(0);
});
