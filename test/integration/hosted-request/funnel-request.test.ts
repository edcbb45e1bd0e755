import { items } from '@wix/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger, startEmulator, type Emulator } from '../../../emulator/index.js';
import type { ConversationRecord } from '../../../src/core/conversation.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import { createWixClient } from '../../../src/wix/client.js';
import { siteItemsCollection } from '../../../src/wix/data-store/collection.js';
import { siteItems } from '../../../src/wix/data-store/site-items.js';
import { createWixDataStore } from '../../../src/wix/data-store.js';
import wixConfig from '../../../wix.config.json' with { type: 'json' };

const MIN = 60_000;
const T0 = Date.parse('2025-03-01T00:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * MIN).toISOString();
const PERIOD = { from: at(0), to: at(100_000) };

/** Person i: a visitor every third, a visitor who left details after i % 50 minutes, or one who registered too. */
function person(instanceId: string, i: number): ConversationRecord {
  const first = i * 10;
  const steps = (['ANONYMOUS_VISITOR', 'CONTACT', 'MEMBER'] as const).slice(0, (i % 3) + 1);
  return {
    instanceId, conversationId: `conv-${i}`, participantType: steps.at(-1)!, participant: { anonymousVisitorId: `visitor-${i}` },
    displayName: `Visitor #${i}`, channel: i % 4 === 0 ? 'EMAIL' : 'CHAT', firstMessageAt: at(first), lastMessageAt: at(first + 60),
    messageCount: 2, mergedFrom: [], resolution: 'resolved', updatedAt: at(first),
    typeHistory: steps.map((type, k) => ({ type, at: at(first + k * (i % 50)), conversationId: `conv-${i}` })),
  };
}

/**
 * The funnel on Wix hosting's store, with the real `@wix/data` module over HTTP to the emulator, counting every call:
 * a dashboard route may make ~4 sub-requests and the runtime spends 3, so the funnel must be ONE Wix Data call.
 */
describe('the Wix Data funnel in one request', () => {
  let emulator: Emulator;
  let calls: string[] = [];
  let store: ReturnType<typeof createWixDataStore>;
  let instanceId: string;
  const reference = createMemoryStore();

  beforeAll(async () => {
    emulator = await startEmulator({ log: silentLogger, rateLimitPerMinute: false });
    instanceId = emulator.createSite().instanceId;
    const counting: typeof fetch = async (input, init) => {
      calls.push(`${init?.method ?? 'GET'} ${new URL(typeof input === 'string' || input instanceof URL ? input : input.url).pathname}`);
      return fetch(input, init);
    };
    const client = createWixClient({
      appId: emulator.app.appId, appSecret: emulator.app.appSecret, instanceId, apiUrl: emulator.url, fetch: counting, modules: { items },
    });
    store = createWixDataStore({ items: client.items as never, collectionPrefix: wixConfig.namespace });
    const collection = siteItemsCollection(wixConfig.namespace);
    const records = Array.from({ length: 1_200 }, (_, i) => person(instanceId, i));
    for (const record of records) await reference.putConversation(record);
    const all = await Promise.all(records.map((record) => siteItems.conversation(record)));
    for (let offset = 0; offset < all.length; offset += 600) await client.items.bulkSave(collection, all.slice(offset, offset + 600));
  }, 60_000);
  afterAll(async () => emulator?.close());

  it('a cohort of up to 1,000 people: one query, exact figures', async () => {
    calls = [];
    const started = performance.now();
    // People 0–899 first wrote in minutes 0–8990.
    const funnel = await store.conversionFunnel(instanceId, { from: at(0), to: at(9_000) });
    const ms = performance.now() - started;
    expect(calls.filter((call) => !call.endsWith('/oauth2/token'))).toEqual(['GET /wix-data/v2/items/query']);
    // The same figures as the reference store's over the same records.
    expect(funnel).toStrictEqual(await reference.conversionFunnel(instanceId, { from: at(0), to: at(9_000) }));
    expect(funnel).toMatchObject({ wrote: 900, startedAs: { ANONYMOUS_VISITOR: 900, CONTACT: 0, MEMBER: 0 } });
    expect(funnel.sample).toBeUndefined();
    console.log(`Wix Data funnel, 900 people: 1 query, ${ms.toFixed(0)} ms against the emulator`);
  });

  it('a larger cohort: still one query, reported as a sample of the 1,000 most recently active', async () => {
    calls = [];
    const funnel = await store.conversionFunnel(instanceId, PERIOD);
    expect(calls.filter((call) => !call.endsWith('/oauth2/token'))).toEqual(['GET /wix-data/v2/items/query']);
    expect(funnel.sample).toEqual({ people: 1_000, of: 1_200 });
    expect(funnel.wrote).toBe(1_000);
    // The newest-active 1,000 are people 200–1199.
    expect(funnel.byChannel.reduce((sum, row) => sum + row.wrote, 0)).toBe(1_000);
  });
});
