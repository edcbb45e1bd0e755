import { expect, it } from 'vitest';
import { silentLogger, startEmulator } from '../../../emulator/index.js';
import { siteClients } from '../../../src/wix/site-clients.js';
import { SiteUnknownError, unknownSites } from '../../../src/wix/site-unknown.js';

/** Memory per site is bounded: the site clients are an LRU with idle eviction, and so are remembered refusals. */
it('keeps at most maxSites clients, dropping the least recently used, and reuses a kept one', () => {
  const clients = siteClients({ appId: 'app', appSecret: 'secret', apiUrl: 'http://127.0.0.1:9', cache: { maxSites: 50 } });
  const first = clients('site-0');
  for (let i = 1; i < 500; i++) clients(`site-${i}`);
  expect(clients.size).toBe(50);
  expect(clients('site-499')).toBe(clients('site-499'));
  expect(clients('site-0')).not.toBe(first); // evicted long ago, made again
});

it('evicts a site idle longer than idleMs, and keeps one in use', () => {
  let now = 0;
  const clients = siteClients({ appId: 'app', appSecret: 'secret', apiUrl: 'http://127.0.0.1:9', cache: { idleMs: 1000, now: () => now } });
  const busy = clients('busy');
  clients('idle');
  now = 600;
  clients('busy');
  now = 1200;
  expect(clients.size).toBe(1);
  expect(clients('busy')).toBe(busy);
  clients.forget('busy');
  expect(clients.size).toBe(0);
});

it('remembers refused sites for a while, within a bound', () => {
  let now = 0;
  const refused = unknownSites({ maxSites: 100, rememberMs: 1000, now: () => now });
  for (let i = 0; i < 1000; i++) refused.remember(new SiteUnknownError(`site-${i}`, 'unknown'));
  expect(refused.size).toBe(100);
  expect(refused.refusal('site-999')).toBeInstanceOf(SiteUnknownError);
  expect(refused.refusal('site-0')).toBeUndefined();
  now = 1001;
  expect(refused.refusal('site-999')).toBeUndefined();
});

it('sends each site\'s own token, with calls of many sites in flight at once through the one shared SDK client', async () => {
  const emulator = await startEmulator({ log: silentLogger, rateLimitPerMinute: false });
  try {
    const people = Array.from({ length: 6 }, (_, i) => {
      const { instanceId } = emulator.createSite({ businessName: `Site ${i}` });
      const { contactId } = emulator.addContact(instanceId, { firstName: `Person${i}`, email: `person${i}@example.com` });
      return { instanceId, contactId, name: `Person${i}` };
    });
    const authorizations: string[] = [];
    const seen: typeof fetch = (input, init) => {
      authorizations.push(new Headers(init?.headers).get('authorization') ?? '');
      return fetch(input, init);
    };
    const clients = siteClients({ appId: emulator.app.appId, appSecret: emulator.app.appSecret, apiUrl: emulator.url, fetch: seen });
    // Rounds of interleaved calls: were a token ever sent for the wrong site, Wix would not know the contact there.
    const names = await Promise.all(Array.from({ length: 5 }, () => people.map(async ({ instanceId, contactId }) =>
      (await clients(instanceId).contacts.getContact(contactId)).info?.name?.first)).flat());
    expect(names).toEqual(Array.from({ length: 5 }, () => people.map((p) => p.name)).flat());
    expect(new Set(authorizations.filter(Boolean)).size).toBe(people.length);
  } finally {
    await emulator.close();
  }
});
