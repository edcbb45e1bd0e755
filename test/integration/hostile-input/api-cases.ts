import { createHmac } from 'node:crypto';
import { signInstanceToken } from '../../../src/api/instance-token.js';
import type { HostileCase } from './hostile-case.js';
import type { HostileStack } from './hostile-stack.js';

type Init = { method?: string; body?: string; headers?: Record<string, string> };

/** A request as the dashboard makes it, with the catalogue site's token unless `token` says otherwise. */
const call = (s: HostileStack, pathAndQuery: string, init: Init = {}, token: string | null = s.tokenFor(s.site.instanceId)) =>
  fetch(`${s.serverUrl}${pathAndQuery}`, {
    method: init.method ?? 'GET',
    body: init.body,
    headers: { ...(token === null ? {} : { authorization: token }), ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
  });

const get = (name: string, status: number, code: string | undefined, pathAndQuery: string | ((s: HostileStack) => string)): HostileCase => ({
  name, status, code, send: (s) => call(s, typeof pathAndQuery === 'string' ? pathAndQuery : pathAndQuery(s)),
});

const withToken = (name: string, code: string, token: (s: HostileStack) => string | null): HostileCase => ({
  name: `auth: ${name}`, status: 401, code, send: (s) => call(s, '/api/conversations', {}, token(s)),
});

/** A token signed with the app secret but with the payload given (as Wix would never sign it). */
const signedPayload = (s: HostileStack, payload: string) =>
  `${createHmac('sha256', s.emulator.app.appSecret).update(payload).digest('base64url')}.${payload}`;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export const API_CASES: HostileCase[] = [
  withToken('no instance token', 'UNAUTHORIZED', () => null),
  withToken('a token signed with another secret', 'UNAUTHORIZED', (s) => signInstanceToken({ instanceId: s.site.instanceId }, 'not-the-app-secret')),
  withToken('a token dated 2001', 'TOKEN_EXPIRED', (s) => s.tokenFor(s.site.instanceId, { signDate: '2001-01-01T00:00:00.000Z' })),
  withToken('a token dated 2099', 'TOKEN_NOT_YET_VALID', (s) => s.tokenFor(s.site.instanceId, { signDate: '2099-01-01T00:00:00.000Z' })),
  withToken('a token 25 hours old', 'TOKEN_EXPIRED', (s) => s.tokenFor(s.site.instanceId, { signDate: new Date(Date.now() - 25 * 3_600_000).toISOString() })),
  withToken('a token without signDate', 'TOKEN_EXPIRED', (s) => signedPayload(s, b64({ instanceId: s.site.instanceId }))),
  withToken('a token for another app', 'UNAUTHORIZED', (s) => s.tokenFor(s.site.instanceId, { appDefId: 'another-app' })),
  withToken('a token whose payload is not JSON', 'UNAUTHORIZED', (s) => signedPayload(s, 'bm90IGpzb24')),
  withToken('a token without an instanceId', 'UNAUTHORIZED', (s) => signedPayload(s, b64({ signDate: new Date().toISOString() }))),
  withToken('a token of three parts', 'UNAUTHORIZED', () => 'a.b.c'),
  withToken('a token 5,000 characters long', 'UNAUTHORIZED', () => `${'a'.repeat(5000)}.b`),
  get('route: an unknown route', 404, 'NOT_FOUND', '/api/nothing-here'),
  { name: 'route: a method the route does not take', status: 404, code: 'NOT_FOUND', send: (s) => call(s, '/api/settings', { method: 'DELETE' }) },
  get('path: malformed percent-encoding (%E0%A4%A)', 400, 'BAD_PATH', '/api/conversations/%E0%A4%A'),
  get('path: malformed percent-encoding (%zz)', 400, 'BAD_PATH', '/api/conversations/%zz'),
  get('path: an encoded walk up the path', 400, 'BAD_REQUEST', '/api/conversations/..%2F..%2Fsettings'),
  get('path: a conversation ID with an encoded query', 400, 'BAD_REQUEST', '/api/conversations/abc%3Fx%3D1'),
  get('path: a conversation ID of 200 characters', 400, 'BAD_REQUEST', `/api/conversations/${'a'.repeat(200)}`),
  get('timeline: a merged hint that is not conversation IDs', 400, 'BAD_REQUEST', '/api/conversations/abc?merged=a/b,c'),
  get('timeline: a merged hint naming 51 conversations', 400, 'BAD_REQUEST', `/api/conversations/abc?merged=${Array.from({ length: 51 }, (_, i) => `c${i}`).join(',')}`),
  get('path: a request URL of 9,000 characters', 400, 'URL_TOO_LONG', `/api/conversations?search=${'a'.repeat(9000)}`),
  get('list: an unknown type', 400, 'BAD_REQUEST', '/api/conversations?type=ROBOT'),
  get('list: an unknown sort field', 400, 'BAD_REQUEST', '/api/conversations?sort=email'),
  get('list: an unknown sort order', 400, 'BAD_REQUEST', '/api/conversations?sort=displayName:up'),
  get('list: limit 0', 400, 'BAD_REQUEST', '/api/conversations?limit=0'),
  get('list: limit 101', 400, 'BAD_REQUEST', '/api/conversations?limit=101'),
  get('list: limit in words', 400, 'BAD_REQUEST', '/api/conversations?limit=ten'),
  get('list: a negative offset', 400, 'BAD_REQUEST', '/api/conversations?offset=-1'),
  get('list: offset 1e30', 400, 'BAD_REQUEST', '/api/conversations?offset=1e30'),
  get('list: an offset of 30 digits', 400, 'BAD_REQUEST', `/api/conversations?offset=${'9'.repeat(30)}`),
  get('list: offset past the deepest page', 400, 'BAD_REQUEST', '/api/conversations?offset=100001'),
  get('list: a cursor the API never gave', 400, 'BAD_REQUEST', '/api/conversations?cursor=not-ours'),
  get('list: a cursor with a huge offset', 400, 'BAD_REQUEST', () => `/api/conversations?cursor=${cursorOf({ o: 1e300 })}`),
  get('list: a cursor with a negative offset', 400, 'BAD_REQUEST', () => `/api/conversations?cursor=${cursorOf({ o: -5 })}`),
  get('list: a cursor for another sort', 400, 'BAD_REQUEST', () =>
    `/api/conversations?sort=displayName:asc&cursor=${cursorOf({ s: 'lastMessageAt:desc', v: '2025-03-01T10:00:00.000Z', c: 'c-1', n: 25 })}`),
  get('list: a cursor whose value is not the sort\'s kind', 400, 'BAD_REQUEST', () =>
    `/api/conversations?sort=messageCount:desc&cursor=${cursorOf({ s: 'messageCount:desc', v: { $gt: 1 }, c: 'c-1' })}`),
  get('list: a cursor without a conversation ID', 400, 'BAD_REQUEST', () => `/api/conversations?cursor=${cursorOf({ s: 'lastMessageAt:desc', v: null })}`),
  get('list: a cursor that is a JSON array', 400, 'BAD_REQUEST', () => `/api/conversations?cursor=${cursorOf([1, 2, 3])}`),
  get('list: a cursor of 3,000 characters', 400, 'BAD_REQUEST', `/api/conversations?cursor=${'A'.repeat(3000)}`),
  get('list: limit given twice', 400, 'BAD_REQUEST', '/api/conversations?limit=5&limit=6'),
  get('list: a parameter it does not take', 400, 'BAD_REQUEST', '/api/conversations?colour=red'),
  get('list: a __proto__ parameter', 400, 'BAD_REQUEST', '/api/conversations?__proto__=x'),
  get('list: a search of 300 characters', 400, 'BAD_REQUEST', `/api/conversations?search=${'a'.repeat(300)}`),
  get('stats: from that is not a date', 400, 'BAD_REQUEST', '/api/stats?from=yesterday'),
  get('stats: from after to', 400, 'BAD_REQUEST', '/api/stats?from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z'),
  get('stats: a year of six digits', 400, 'BAD_REQUEST', '/api/stats?to=275760-09-13T00:00:00Z'),
  get('funnel: from that is not a date', 400, 'BAD_REQUEST', '/api/funnel?from=yesterday'),
  get('funnel: from after to', 400, 'BAD_REQUEST', '/api/funnel?from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z'),
  get('funnel: malformed percent-encoding', 400, 'BAD_REQUEST', '/api/funnel?from=%E0%A4%A'),
  get('contact: no contactId', 400, 'BAD_REQUEST', '/api/contact-conversations'),
  get('contact: a contactId that walks up the path', 400, 'BAD_REQUEST', '/api/contact-conversations?contactId=../x'),
  get('page: the dashboard without a token', 401, 'UNAUTHORIZED', '/dashboard'),
  { name: 'page: the dashboard with an expired token', status: 401, code: 'TOKEN_EXPIRED',
    send: (s) => call(s, `/dashboard?instance=${encodeURIComponent(s.tokenFor(s.site.instanceId, { signDate: '2001-01-01T00:00:00.000Z' }))}`, {}, null) },
  { name: 'page: refreshMs that is not a number', status: 400, code: 'BAD_REQUEST',
    send: (s) => call(s, `/dashboard?instance=${encodeURIComponent(s.tokenFor(s.site.instanceId))}&refreshMs=abc`, {}, null) },
  { name: 'page: refreshMs of 1 ms', status: 400, code: 'BAD_REQUEST',
    send: (s) => call(s, `/dashboard?instance=${encodeURIComponent(s.tokenFor(s.site.instanceId))}&refreshMs=1`, {}, null) },
  { name: 'page: an inbox link that runs script', status: 400, code: 'BAD_REQUEST',
    send: (s) => call(s, `/dashboard?instance=${encodeURIComponent(s.tokenFor(s.site.instanceId))}&inbox=${encodeURIComponent('javascript:alert(1)//{conversationId}')}`, {}, null) },
  { name: 'page: an inbox link without {conversationId}', status: 400, code: 'BAD_REQUEST',
    send: (s) => call(s, `/dashboard?instance=${encodeURIComponent(s.tokenFor(s.site.instanceId))}&inbox=${encodeURIComponent('https://example.com/')}`, {}, null) },
  { name: 'page: the contact page with a contactId that walks up the path', status: 400, code: 'BAD_REQUEST',
    send: (s) => call(s, `/dashboard/contact?instance=${encodeURIComponent(s.tokenFor(s.site.instanceId))}&contactId=..%2Fx`, {}, null) },
];

const put = (name: string, body: string, code = 'INVALID_SETTINGS', status = 400): HostileCase => ({
  name: `settings: ${name}`, status, code, send: (s) => call(s, '/api/settings', { method: 'PUT', body }),
});
const dry = (name: string, body: string, code = 'BAD_REQUEST'): HostileCase => ({
  name: `dry run: ${name}`, status: 400, code, send: (s) => call(s, '/api/settings/dry-run', { method: 'POST', body }),
});
const rules = (count: number, keywords = ['price'], text = 'x') => JSON.stringify({ keywordRules: Array.from({ length: count }, () => ({ keywords, text })) });

export const SETTINGS_CASES: HostileCase[] = [
  put('a body that is not JSON', '{"enabled": tru', 'BAD_REQUEST'),
  put('a body that is a list', '[]'),
  put('a body of null', 'null'),
  put('a body that is a string', '"enabled"'),
  put('a __proto__ key', '{"__proto__": {"enabled": false}}'),
  put('a constructor key', '{"constructor": {"prototype": {"enabled": false}}}'),
  put('a toString key', '{"toString": "x"}'),
  put('a __proto__ key inside texts', '{"texts": {"__proto__": {"CONTACT": "x"}}}'),
  put('a __proto__ key inside a keyword rule', '{"keywordRules": [{"keywords": ["a"], "text": "x", "__proto__": {"text": ""}}]}'),
  put('a setting that does not exist', '{"colour": "red"}'),
  put('enabled as text', '{"enabled": "yes"}'),
  put('a negative cooldown', '{"cooldownHours": -1}'),
  put('a cooldown of 1e309 (Infinity)', '{"cooldownHours": 1e309}'),
  put('an unknown placeholder', '{"texts": {"CONTACT": "Hi {frist}"}}'),
  put('a reply text of 1,001 characters', JSON.stringify({ texts: { CONTACT: 'x'.repeat(1001) } })),
  put('51 keyword rules', rules(51)),
  put('21 keywords in one rule', JSON.stringify({ keywordRules: [{ keywords: Array.from({ length: 21 }, (_v, i) => `w${i}`), text: 'x' }] })),
  put('a keyword of 101 characters', rules(1, ['k'.repeat(101)])),
  put('a keyword of punctuation only', rules(1, ['?!'])),
  put('a time zone that does not exist', '{"businessHours": {"timeZone": "Mars/Olympus"}}'),
  put('opening hours that close before they open', '{"businessHours": {"weekly": {"mon": [{"from": "17:00", "to": "09:00"}]}}}'),
  put('a body of 10,000 fields', JSON.stringify(Object.fromEntries(Array.from({ length: 10000 }, (_v, i) => [`k${i}`, 1]))), 'TOO_MANY_FIELDS'),
  put('a body over 1 MB', JSON.stringify({ businessName: 'x'.repeat(1024 * 1024) }), 'PAYLOAD_TOO_LARGE', 413),
  dry('no participant', '{"text": "hi"}'),
  dry('an unknown participant type', '{"participant": {"type": "ROBOT"}, "text": "hi"}'),
  dry('a text that is a number', '{"participant": {"type": "CONTACT"}, "text": 5}'),
  dry('a key it does not take', '{"participant": {"type": "CONTACT"}, "text": "hi", "send": true}'),
  dry('a __proto__ key', '{"participant": {"type": "CONTACT"}, "text": "hi", "__proto__": {"x": 1}}'),
  dry('an arrival time that is not a date', '{"participant": {"type": "CONTACT"}, "text": "hi", "at": "soon"}'),
  dry('a draft with a __proto__ key', '{"participant": {"type": "CONTACT"}, "text": "hi", "settings": {"__proto__": {"enabled": false}}}', 'INVALID_SETTINGS'),
];
