import type { JournalEntry, Store } from '../core/ports.js';
import { storeCollections } from './data-store/collections.js';
import { conversationItem, conversationOf, conversationsByParticipant, listConversationItems } from './data-store/conversation-items.js';
import { type DataItems, dateField, findAll, insertOnce, MAX_PAGE, parseField, READ } from './data-store/data-items.js';
import { itemId } from './data-store/item-id.js';
import { journalItem, journalItemId } from './data-store/journal-items.js';
import { dataLedger } from './data-store/ledger-items.js';
import { personItems } from './data-store/person-items.js';

export type { DataItems } from './data-store/data-items.js';

export interface WixDataStoreOptions {
  /** The `@wix/data` `items` module, bound to a client (or the ambient one inside `auth.elevate`). */
  items: DataItems;
  /** The app's namespace from wix.config.json; collection IDs are `<collectionPrefix>/<idSuffix>`. */
  collectionPrefix: string;
}

/**
 * The Store on Wix hosting: the app's own Wix Data collections. Every item carries `instanceId`, and its `_id`
 * is derived from (instanceId, natural key), so inserting a journal entry twice fails with WDE0074: the dedupe.
 */
export function createWixDataStore({ items, collectionPrefix }: WixDataStoreOptions): Store {
  const c = storeCollections(collectionPrefix);
  const query = (collection: string) => items.query(collection);
  const conversationId = (instanceId: string, id: string) => itemId('conversation', instanceId, id);
  const aliasId = (instanceId: string, oldId: string) => itemId('alias', instanceId, `conversation:${oldId}`);
  const persons = personItems(items, c.persons);

  return {
    ...dataLedger(items, c),
    async addEvent(entry) {
      return (await insertOnce(items, c.journal, await journalItem(entry))) ? 'added' : 'duplicate';
    },
    async getEvent(instanceId, eventId) {
      return parseField<JournalEntry>(await items.get(c.journal, await journalItemId(instanceId, eventId), READ), 'entry');
    },
    async updateEvent(entry) {
      await items.save(c.journal, await journalItem(entry));
    },
    async dueEvents(now, limit) {
      const due = await query(c.journal).eq('done', false).le('nextAttemptAt', dateField(now))
        .ascending('receivedAt', 'instanceId', 'eventId').limit(Math.min(limit, MAX_PAGE)).find(READ);
      return due.items.map((item) => parseField<JournalEntry>(item, 'entry') as JournalEntry);
    },

    async getConversation(instanceId, id) {
      return conversationOf(await items.get(c.conversations, await conversationId(instanceId, id), READ));
    },
    async putConversation(record) {
      await items.save(c.conversations, conversationItem(await conversationId(record.instanceId, record.conversationId), record));
    },
    async removeConversation(instanceId, id) {
      await items.remove(c.conversations, await conversationId(instanceId, id));
    },
    listConversations: (instanceId, request) => listConversationItems(query, c.conversations, instanceId, request),
    findConversationsByParticipant: (instanceId, ids) => conversationsByParticipant(query, c.conversations, instanceId, ids),

    async getAlias(instanceId, oldId) {
      const item = await items.get(c.aliases, await aliasId(instanceId, oldId), READ);
      return typeof item?.targetId === 'string' ? item.targetId : undefined;
    },
    async setAlias(instanceId, oldId, targetId) {
      const _id = await aliasId(instanceId, oldId);
      await items.save(c.aliases, { _id, instanceId, kind: 'conversation', aliasId: oldId, targetId });
    },
    async aliasesTo(instanceId, targetId) {
      const pointing = query(c.aliases).eq('instanceId', instanceId).eq('kind', 'conversation').eq('targetId', targetId);
      return (await findAll(pointing.ascending('aliasId'))).map((item) => String(item.aliasId));
    },

    getPerson: (instanceId, ids) => persons.get(instanceId, ids),
    putPerson: (person) => persons.put(person),

    async close() {},
  };
}
