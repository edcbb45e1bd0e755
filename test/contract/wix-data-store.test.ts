import { items } from '@wix/data';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { createWixClient } from '../../src/wix/client.js';
import { SITE_ITEMS_SUFFIX, siteItemsCollection } from '../../src/wix/data-store/collection.js';
import { createWixDataStore } from '../../src/wix/data-store.js';
import wixConfig from '../../wix.config.json' with { type: 'json' };
import siteItems from '../../src/extensions/backend/data-collections/site-items.js';
import { conversation, journalEntry, person, SITE_A } from './battery/fixtures.js';
import { storeBattery } from './store-battery.js';

const NAMESPACE = wixConfig.namespace;
let shared: Promise<Emulator> | undefined;
afterAll(async () => {
  await (await shared)?.close();
});

/**
 * The real `@wix/data` items module, through the real SDK client, over HTTP to the emulator. Each call makes a
 * new emulated site, and the emulator keeps collections per site, so every test starts empty.
 */
async function emulatedItems() {
  const emulator = await (shared ??= startEmulator({ log: () => {} }));
  emulator.faults.clear();
  const site = emulator.createSite();
  const client = createWixClient({
    appId: emulator.app.appId,
    appSecret: emulator.app.appSecret,
    instanceId: site.instanceId,
    apiUrl: emulator.url,
    modules: { items },
  });
  return { emulator, items: client.items };
}

storeBattery('Wix Data through the emulator', async () => {
  const { items: bound } = await emulatedItems();
  return { store: createWixDataStore({ items: bound, collectionPrefix: NAMESPACE }) };
});

describe('Wix Data store specifics', () => {
  it('dedupes on the item _id: a second store (another process) sees the first one\'s claim', async () => {
    const { items: bound } = await emulatedItems();
    const one = createWixDataStore({ items: bound, collectionPrefix: NAMESPACE });
    const other = createWixDataStore({ items: bound, collectionPrefix: NAMESPACE });
    const entry = journalEntry({ eventId: 'evt-1' });
    const results = await Promise.all([one.addEvent(entry), other.addEvent(entry), one.addEvent(entry)]);
    expect(results.sort()).toEqual(['added', 'duplicate', 'duplicate']);
  });

  it('lets an insert failure other than a duplicate reach the caller', async () => {
    const { emulator, items: bound } = await emulatedItems();
    const store = createWixDataStore({ items: bound, collectionPrefix: NAMESPACE });
    emulator.faults.add({ method: 'POST', path: '/wix-data/v2/items', status: 503 });
    await expect(store.addEvent(journalEntry({ eventId: 'evt-1' }))).rejects.toThrow(/Service Unavailable/);
    expect(await store.addEvent(journalEntry({ eventId: 'evt-1' }))).toBe('added');
  });

  it('writes items with instanceId, kind and queryable fields into the one namespaced collection', async () => {
    const { items: bound } = await emulatedItems();
    const store = createWixDataStore({ items: bound, collectionPrefix: NAMESPACE });
    const lastMessageAt = '2025-03-01T09:30:00.000Z';
    await store.putConversation(conversation({ conversationId: 'c-1', displayName: 'Ada Lovelace', participant: { contactId: 'ct-1' }, lastMessageAt, mergedFrom: ['c-0'] }));
    await store.addEvent(journalEntry({ eventId: 'evt-1' }));
    await store.putPerson(person({ ids: { contactId: 'ct-1', memberId: 'm-1' } }));
    const collection = siteItemsCollection(NAMESPACE);
    expect(collection).toBe(`${NAMESPACE}/site-items`);

    const [item] = (await bound.query(collection).eq('kind', 'conversation').find()).items;
    expect(item).toMatchObject({
      instanceId: SITE_A, conversationId: 'c-1', participantType: 'CONTACT', displayName: 'Ada Lovelace',
      displayNameKey: 'ada lovelace', messageCount: 1, conversationIds: ['c-1', 'c-0'], participantKeys: ['contact:ct-1'],
    });
    expect(item._id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(item).not.toHaveProperty('email');
    expect(item.lastMessageAt).toEqual(new Date(lastMessageAt));
    const [event] = (await bound.query(collection).eq('kind', 'event').find()).items;
    expect(event).toMatchObject({ instanceId: SITE_A, eventId: 'evt-1', done: false, nextAttemptAt: new Date('2025-03-01T10:00:00.000Z') });
    const personKeys = (await bound.query(collection).eq('kind', 'person').find()).items.map((i) => i.participantKeys[0]).sort();
    expect(personKeys).toEqual(['contact:ct-1', 'member:m-1']);
  });

  it('counts the dashboard\'s cards in one aggregation, and with counts where Wix offers no aggregation', async () => {
    const { emulator, items: bound } = await emulatedItems();
    const store = createWixDataStore({ items: bound, collectionPrefix: NAMESPACE });
    const period = { from: '2025-03-01T00:00:00.000Z', to: '2025-03-02T00:00:00.000Z' };
    await store.putConversation(conversation({ conversationId: 'c-1', participantType: 'CONTACT', firstMessageAt: '2025-03-01T08:00:00.000Z',
      lastMessageAt: '2025-03-01T09:00:00.000Z', typeHistory: [{ type: 'ANONYMOUS_VISITOR', at: '2025-03-01T08:00:00.000Z', conversationId: 'v-1' },
        { type: 'CONTACT', at: '2025-03-01T09:00:00.000Z', conversationId: 'c-1' }] }));
    // Faults with no status only watch: their hits count the calls.
    const aggregations = emulator.faults.add({ path: '/wix-data/v2/items/aggregate', times: 100 });
    const counts = emulator.faults.add({ path: '/wix-data/v2/items/count', times: 100 });
    const aggregated = await store.conversationStats(SITE_A, period);
    expect([aggregations.hits, counts.hits]).toEqual([1, 0]);
    expect(aggregated).toMatchObject({ byType: { CONTACT: 1 }, becameContact: 1, becameMember: 0 });
    emulator.faults.clear();
    emulator.faults.add({ path: '/wix-data/v2/items/aggregate', status: 404 });
    expect(await store.conversationStats(SITE_A, period)).toStrictEqual(aggregated);
  });

  it('uses the collection ID suffix the app declares in its Data Collections extension', () => {
    expect(siteItems.idSuffix).toBe(SITE_ITEMS_SUFFIX);
  });

  it('refuses a namespace that cannot make a collection ID', () => {
    expect(() => createWixDataStore({ items: {} as never, collectionPrefix: '' })).toThrow(/wix\.config\.json/);
  });
});
