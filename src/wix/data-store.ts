import type { DecisionRecord, ReplyClaim } from '../core/auto-reply/ledger.js';
import type { AutoReplySettings } from '../core/auto-reply/settings.js';
import type { ConversationRecord } from '../core/conversation.js';
import { participantKeys } from '../core/participant.js';
import type { JournalEntry, PersonRecord, Store } from '../core/ports.js';
import { siteItemsCollection } from './data-store/collection.js';
import { listConversationItems } from './data-store/conversation-list.js';
import { type DataItems, dateField, findAll, insertOnce, type ItemFields, MAX_PAGE, READ, saveItems } from './data-store/data-items.js';
import { ids, siteItems, valueOf } from './data-store/site-items.js';
import { siteStats } from './data-store/site-stats.js';
import { siteFunnel } from './data-store/site-funnel.js';
import { dataSiteLifecycle } from './data-store/site-lifecycle.js';

export type { DataItems } from './data-store/data-items.js';

export interface WixDataStoreOptions {
  /** The `@wix/data` `items` module, bound to a client (or the ambient one inside `auth.elevate`). */
  items: DataItems;
  /** The app's namespace from wix.config.json; the collection ID is `<collectionPrefix>/site-items`. */
  collectionPrefix: string;
}

/** Where the store's plain writes go: straight to Wix Data, or into a request's buffer (see data-session.ts). */
export interface ItemWrites {
  save(items: ItemFields[]): Promise<void>;
}

/**
 * The Store on Wix hosting: the app's own Wix Data collection. Every item carries `instanceId` and its `kind`, and
 * its `_id` is derived from (kind, instanceId, natural key), so inserting a journal entry or a reply claim twice
 * fails with WDE0074: the durable dedupe.
 */
export function createWixDataStore(options: WixDataStoreOptions, writes?: ItemWrites): Store {
  const { items } = options;
  const collection = siteItemsCollection(options.collectionPrefix);
  const query = () => items.query(collection);
  const of = (instanceId: string, kind: string) => query().eq('instanceId', instanceId).eq('kind', kind);
  const get = async (id: string) => items.get(collection, id, READ);
  const save = writes?.save ?? ((all: ItemFields[]) => saveItems(items, collection, all));
  const personsUnder = async (instanceId: string, keys: string[]) => keys.length === 0 ? new Map<string, PersonRecord>()
    : personsByKey(await findAll(of(instanceId, 'person').hasSome('participantKeys', keys)));

  return {
    async addEvent(entry) {
      return (await insertOnce(items, collection, await siteItems.event(entry))) ? 'added' : 'duplicate';
    },
    async getEvent(instanceId, eventId) {
      return valueOf<JournalEntry>(await get(await ids.event(instanceId, eventId)), 'event');
    },
    async updateEvent(entry) {
      await save([await siteItems.event(entry)]);
    },
    async dueEvents(now, limit) {
      const due = await query().eq('kind', 'event').eq('done', false).le('nextAttemptAt', dateField(now))
        .ascending('receivedAt', 'instanceId', 'eventId').limit(Math.min(limit, MAX_PAGE)).find(READ);
      return due.items.map((item) => valueOf<JournalEntry>(item, 'event')!);
    },

    async getConversation(instanceId, id) {
      return valueOf<ConversationRecord>(await get(await ids.conversation(instanceId, id)), 'conversation');
    },
    async putConversation(record) {
      await save(await siteItems.conversationItems(record));
    },
    async removeConversation(instanceId, id) {
      await save(await siteItems.mergedItems(instanceId, id));
    },
    listConversations: (instanceId, request) => listConversationItems(query, instanceId, request),
    async findConversationsByParticipant(instanceId, participant) {
      const keys = participantKeys(participant);
      if (keys.length === 0) return [];
      const found = await findAll(of(instanceId, 'conversation').hasSome('participantKeys', keys).ascending('conversationId'));
      return found.map((item) => valueOf<ConversationRecord>(item, 'conversation')!);
    },

    async getAlias(instanceId, oldId) {
      return valueOf<{ targetId: string }>(await get(await ids.alias(instanceId, oldId)), 'alias')?.targetId;
    },
    async setAlias(instanceId, oldId, targetId) {
      await save([await siteItems.alias(instanceId, oldId, targetId)]);
    },
    async aliasesTo(instanceId, targetId) {
      const pointing = await findAll(of(instanceId, 'alias').eq('targetId', targetId).ascending('aliasId'));
      return pointing.map((item) => String(item.aliasId));
    },

    async getPerson(instanceId, participant) {
      return firstByKey(participantKeys(participant), await personsUnder(instanceId, participantKeys(participant)));
    },
    async putPerson(person) {
      const newKeys = participantKeys(person.ids);
      const replaced = [...(await personsUnder(person.instanceId, newKeys)).values()];
      const keys = new Set([newKeys, ...replaced.map((p) => participantKeys(p.ids))].flat());
      await save(await Promise.all([...keys].map((key) => siteItems.person(person, key))));
    },

    async getSettings(instanceId) {
      return valueOf<AutoReplySettings>(await get(await ids.settings(instanceId)), 'settings');
    },
    async putSettings(instanceId, settings) {
      await items.save(collection, await siteItems.settings(instanceId, settings));
    },
    async claimReply(claim) {
      return (await insertOnce(items, collection, await siteItems.claim(claim))) ? 'claimed' : 'taken';
    },
    async updateReplyClaim(claim) {
      await save([await siteItems.claim(claim)]);
    },
    async replyClaims(instanceId, keys, limit) {
      if (keys.length === 0) return [];
      const found = await of(instanceId, 'claim').hasSome('participantKeys', keys).descending('claimedAt', 'seq').limit(limit).find(READ);
      return found.items.map((item) => valueOf<ReplyClaim>(item, 'claim')!);
    },
    async putDecision(decision) {
      await save([await siteItems.decision(decision)]);
    },
    async listDecisions(instanceId, conversationIds, limit) {
      if (conversationIds.length === 0) return [];
      const found = await of(instanceId, 'decision').hasSome('decisionConversationId', conversationIds)
        .descending('decidedAt', 'eventId').limit(limit).find(READ);
      return found.items.map((item) => valueOf<DecisionRecord>(item, 'decision')!);
    },
    conversationStats: (instanceId, period) => siteStats(items, collection, instanceId, period),
    // The conversion funnel: one query (site-funnel.ts).
    conversionFunnel: (instanceId, period) => siteFunnel(query, instanceId, period),
    ...dataSiteLifecycle(items, collection, query),

    async close() {},
  };
}

/** The person under the most current of these keys: member, then contact, then visitor. */
export function firstByKey(keys: string[], persons: Map<string, PersonRecord>): PersonRecord | undefined {
  return keys.map((key) => persons.get(key)).find(Boolean);
}

/** Person items by the key each is stored under. */
export function personsByKey(found: Record<string, unknown>[]): Map<string, PersonRecord> {
  const byKey = new Map<string, PersonRecord>();
  for (const item of found) {
    const person = valueOf<PersonRecord>(item, 'person');
    const key = (item.participantKeys as string[] | undefined)?.[0];
    if (person && key) byKey.set(key, person);
  }
  return byKey;
}

