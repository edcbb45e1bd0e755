import { items } from '@wix/data';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { createWixClient } from '../../src/wix/client.js';
import { STORE_COLLECTION_SUFFIXES, storeCollections } from '../../src/wix/data-store/collections.js';
import { createWixDataStore } from '../../src/wix/data-store.js';
import wixConfig from '../../wix.config.json' with { type: 'json' };
import aliases from '../../src/extensions/backend/data-collections/aliases.js';
import conversations from '../../src/extensions/backend/data-collections/conversations.js';
import participants from '../../src/extensions/backend/data-collections/participants.js';
import processedEvents from '../../src/extensions/backend/data-collections/processed-events.js';
import decisions from '../../src/extensions/backend/data-collections/decisions.js';
import replyClaims from '../../src/extensions/backend/data-collections/reply-claims.js';
import settings from '../../src/extensions/backend/data-collections/settings.js';
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

  it('writes items with instanceId and queryable fields into the namespaced collections', async () => {
    const { items: bound } = await emulatedItems();
    const store = createWixDataStore({ items: bound, collectionPrefix: NAMESPACE });
    const lastMessageAt = '2025-03-01T09:30:00.000Z';
    await store.putConversation(conversation({ conversationId: 'c-1', displayName: 'Ada Lovelace', participant: { contactId: 'ct-1' }, lastMessageAt }));
    await store.addEvent(journalEntry({ eventId: 'evt-1' }));
    await store.putPerson(person({ ids: { contactId: 'ct-1', memberId: 'm-1' } }));
    const ids = storeCollections(NAMESPACE);
    expect(ids.conversations).toBe(`${NAMESPACE}/conversations`);

    const [item] = (await bound.query(ids.conversations).find()).items;
    expect(item).toMatchObject({
      instanceId: SITE_A, conversationId: 'c-1', participantType: 'CONTACT', displayName: 'Ada Lovelace',
      displayNameKey: 'ada lovelace', messageCount: 1, contactId: 'ct-1',
    });
    expect(item._id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(item).not.toHaveProperty('email');
    expect(item.lastMessageAt).toEqual(new Date(lastMessageAt));
    const [event] = (await bound.query(ids.journal).find()).items;
    expect(event).toMatchObject({ instanceId: SITE_A, eventId: 'evt-1', done: false, nextAttemptAt: new Date('2025-03-01T10:00:00.000Z') });
    const personKeys = (await bound.query(ids.persons).ascending('participantKey').find()).items.map((i) => i.participantKey);
    expect(personKeys).toEqual(['contact:ct-1', 'member:m-1']);
  });

  it('uses the collection ID suffixes the app declares in its Data Collections extension', () => {
    expect(STORE_COLLECTION_SUFFIXES).toEqual({
      conversations: conversations.idSuffix,
      aliases: aliases.idSuffix,
      journal: processedEvents.idSuffix,
      persons: participants.idSuffix,
      settings: settings.idSuffix,
      replyClaims: replyClaims.idSuffix,
      decisions: decisions.idSuffix,
    });
  });

  it('refuses a namespace that cannot make a collection ID', () => {
    expect(() => createWixDataStore({ items: {} as never, collectionPrefix: '' })).toThrow(/wix\.config\.json/);
  });
});
