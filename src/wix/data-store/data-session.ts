import { claimKeys, conversationKey, sameSlot, type DecisionRecord, type ReplyClaim } from '../../core/auto-reply/ledger.js';
import { newestClaimFirst, newestDecisionFirst } from '../../core/conversation-stats.js';
import type { AutoReplySettings } from '../../core/auto-reply/settings.js';
import type { ConversationRecord } from '../../core/conversation.js';
import { participantKeys } from '../../core/participant.js';
import type { JournalEntry, PersonRecord, Store } from '../../core/ports.js';
import { createWixDataStore, firstByKey, personsByKey, type WixDataStoreOptions } from '../data-store.js';
import { siteItemsCollection } from './collection.js';
import { type ItemFields, MAX_PAGE, READ, saveItems } from './data-items.js';
import { siteItems, valueOf } from './site-items.js';
import { removeExpiredItems } from './site-lifecycle.js';

/**
 * The Store for ONE request on Wix hosting, shaped for its 20 sub-requests: `prefetch` reads in one query all the
 * items about a person (their conversations, aliases, cached person, reply claims) and the site's settings; reads
 * are then answered from what was fetched or written in this request; plain writes wait in a buffer that `flush`
 * writes in one bulk save. The durable claims (journal insert, reply claim insert) still go to Wix at once — they
 * are what makes a redelivery or a concurrent request safe, and anything buffered but lost in a crash is redone by
 * Wix's resend (the journal says what is left).
 */
export interface WixDataSession extends Store {
  prefetch(instanceId: string, about: Prefetch): Promise<void>;
  /** Writes every buffered item in one request (none if nothing changed). */
  flush(): Promise<void>;
  /** Drops every buffered write (another delivery of the same event does the work). */
  discard(): void;
  /** Removes the site's done journal entries and merged-away leftovers older than a time, in one request. */
  pruneSiteJournal(instanceId: string, receivedBefore: string): Promise<void>;
}

/** What a request is about: the conversations and people it touches, and its own journal entries. */
export interface Prefetch {
  conversationIds: string[];
  /** Ledger keys: the person's IDs (`contact:…`) and conversations (`conversation:…`) their items are filed under. */
  keys: string[];
  eventIds: string[];
  /** Conversations whose auto-reply decisions to read too (the timeline). */
  decisionsOf?: string[];
}

export function openDataSession(options: WixDataStoreOptions): WixDataSession {
  const collection = siteItemsCollection(options.collectionPrefix);
  const buffer = new Map<string, ItemFields>();
  const base = createWixDataStore(options, { save: async (all) => { for (const item of all) buffer.set(item._id, item); } });
  const known = {
    instanceId: undefined as string | undefined,
    conversationIds: new Set<string>(),
    keys: new Set<string>(),
    settings: false,
    decisionsOf: new Set<string>(),
  };
  const decisions: DecisionRecord[] = [];
  const records = new Map<string, ConversationRecord | null>();
  const aliases = new Map<string, string>();
  const persons = new Map<string, PersonRecord>();
  let claims: ReplyClaim[] = [];
  let settings: AutoReplySettings | undefined;
  const events = new Map<string, JournalEntry | null>();

  const mine = (instanceId: string) => instanceId === known.instanceId;
  const coversIds = (instanceId: string, list: string[]) => mine(instanceId) && list.every((id) => known.conversationIds.has(id));
  const keepClaim = (claim: ReplyClaim) => {
    claims = [claim, ...claims.filter((c) => !sameSlot(c, claim))];
  };

  /** Reads the persons and reply claims filed under keys this request has not read yet, in one query. */
  const ensureKeys = async (instanceId: string, keys: string[]) => {
    if (keys.every((key) => known.keys.has(key))) return;
    // Asked anyway, so read what the request's records will want next too: every key of the people it holds.
    const related = [...records.values()].flatMap((r) => r ? [...participantKeys(r.participant), ...[r.conversationId, ...r.mergedFrom].map(conversationKey)] : []);
    const missing = [...new Set([...keys, ...related])].filter((key) => !known.keys.has(key));
    if (!mine(instanceId) || missing.length === 0) return;
    const q = () => options.items.query(collection);
    const found = (await q().eq('instanceId', instanceId).hasSome('participantKeys', missing).limit(MAX_PAGE).find(READ)).items as Record<string, unknown>[];
    for (const [key, person] of personsByKey(found)) if (!persons.has(key)) persons.set(key, person);
    for (const item of found) {
      const claim = valueOf<ReplyClaim>(item, 'claim');
      if (claim && !claims.some((c) => sameSlot(c, claim))) claims.push(claim);
    }
    for (const key of missing) known.keys.add(key);
  };

  return {
    ...base,

    async prefetch(instanceId, about) {
      const { conversationIds, eventIds } = about;
      const keys = [...new Set(about.keys)];
      const q = () => options.items.query(collection);
      let either = q().eq('kind', 'settings');
      if (eventIds.length > 0) either = either.or(q().eq('kind', 'event').hasSome('eventId', eventIds));
      const decisionsOf = about.decisionsOf ?? [];
      if (decisionsOf.length > 0) either = either.or(q().eq('kind', 'decision').hasSome('decisionConversationId', decisionsOf));
      if (conversationIds.length > 0) either = either.or(q().hasSome('conversationIds', conversationIds));
      if (keys.length > 0) either = either.or(q().hasSome('participantKeys', keys));
      const found = await q().eq('instanceId', instanceId).and(either).limit(MAX_PAGE).find(READ);
      known.instanceId = instanceId;
      for (const id of conversationIds) known.conversationIds.add(id);
      for (const key of keys) known.keys.add(key);
      known.settings = true;
      for (const [key, person] of personsByKey(found.items as Record<string, unknown>[])) persons.set(key, person);
      for (const item of found.items as Record<string, unknown>[]) {
        const record = valueOf<ConversationRecord>(item, 'conversation');
        if (record) records.set(record.conversationId, record);
        const alias = valueOf<{ oldId: string; targetId: string }>(item, 'alias');
        if (alias) aliases.set(alias.oldId, alias.targetId);
        const claim = valueOf<ReplyClaim>(item, 'claim');
        if (claim) keepClaim(claim);
        settings = valueOf<AutoReplySettings>(item, 'settings') ?? settings;
        const event = valueOf<JournalEntry>(item, 'event');
        if (event) events.set(event.eventId, event);
      }
      for (const id of eventIds) if (!events.has(id)) events.set(id, null);
      for (const id of decisionsOf) known.decisionsOf.add(id);
      decisions.push(...(found.items as Record<string, unknown>[]).flatMap((item) => valueOf<DecisionRecord>(item, 'decision') ?? []));
      if (found.items.length >= MAX_PAGE) known.decisionsOf.clear();
    },

    discard() {
      buffer.clear();
    },

    pruneSiteJournal: (instanceId, receivedBefore) => removeExpiredItems(options.items, collection, instanceId, receivedBefore),

    async flush() {
      const all = [...buffer.values()];
      buffer.clear();
      await saveItems(options.items, collection, all);
    },

    async addEvent(entry) {
      const added = await base.addEvent(entry);
      if (added === 'added') events.set(entry.eventId, entry);
      return added;
    },
    async getEvent(instanceId, eventId) {
      if (mine(instanceId) && events.has(eventId)) return events.get(eventId) ?? undefined;
      return base.getEvent(instanceId, eventId);
    },
    async updateEvent(entry) {
      if (mine(entry.instanceId)) events.set(entry.eventId, entry);
      await base.updateEvent(entry);
    },

    async getConversation(instanceId, id) {
      if (mine(instanceId) && records.has(id)) return records.get(id) ?? undefined;
      if (coversIds(instanceId, [id])) return undefined;
      return base.getConversation(instanceId, id);
    },
    async putConversation(record) {
      if (mine(record.instanceId)) records.set(record.conversationId, record);
      await base.putConversation(record);
    },
    async removeConversation(instanceId, id) {
      const old = mine(instanceId) ? records.get(id) : undefined;
      if (mine(instanceId)) records.set(id, null);
      if (!old) return base.removeConversation(instanceId, id);
      // The record is in hand: only the type changes it made are retired with it.
      for (const item of await siteItems.mergedItems(instanceId, id, old)) buffer.set(item._id, item);
    },

    async getAlias(instanceId, oldId) {
      if (mine(instanceId) && aliases.has(oldId)) return aliases.get(oldId);
      // A conversation this request holds a live record of has not been merged away.
      if (coversIds(instanceId, [oldId]) || (mine(instanceId) && records.get(oldId))) return undefined;
      return base.getAlias(instanceId, oldId);
    },
    async setAlias(instanceId, oldId, targetId) {
      if (mine(instanceId)) aliases.set(oldId, targetId);
      await base.setAlias(instanceId, oldId, targetId);
    },
    async aliasesTo(instanceId, targetId) {
      if (!coversIds(instanceId, [targetId])) return base.aliasesTo(instanceId, targetId);
      return [...aliases].filter(([, target]) => target === targetId).map(([old]) => old).sort();
    },

    async getPerson(instanceId, participant) {
      const keys = participantKeys(participant);
      if (!mine(instanceId)) return base.getPerson(instanceId, participant);
      await ensureKeys(instanceId, keys);
      return firstByKey(keys, persons);
    },
    async putPerson(person) {
      const keys = participantKeys(person.ids);
      if (!mine(person.instanceId)) {
        await base.putPerson(person);
        return;
      }
      // Keys the request has not read (an ID the Directory just told us) are written without reading what they held
      // before: the items under them are replaced either way.
      const replaced = keys.flatMap((key) => persons.get(key) ?? []);
      const all = new Set([keys, ...replaced.map((p) => participantKeys(p.ids))].flat());
      for (const key of all) {
        persons.set(key, person);
        const item = await siteItems.person(person, key);
        buffer.set(item._id, item);
      }
    },

    async getSettings(instanceId) {
      if (mine(instanceId) && known.settings) return settings;
      return base.getSettings(instanceId);
    },
    async putSettings(instanceId, next) {
      await base.putSettings(instanceId, next);
      if (mine(instanceId)) settings = next;
    },

    async claimReply(claim) {
      const result = await base.claimReply(claim);
      if (result === 'claimed' && mine(claim.instanceId)) keepClaim(claim);
      return result;
    },
    async updateReplyClaim(claim) {
      if (mine(claim.instanceId)) keepClaim(claim);
      await base.updateReplyClaim(claim);
    },
    async listDecisions(instanceId, conversationIds, limit) {
      if (!mine(instanceId) || !conversationIds.every((id) => known.decisionsOf.has(id))) return base.listDecisions(instanceId, conversationIds, limit);
      return decisions.filter((d) => conversationIds.includes(d.conversationId)).sort(newestDecisionFirst).slice(0, limit);
    },

    async replyClaims(instanceId, keys, limit) {
      if (!mine(instanceId)) return base.replyClaims(instanceId, keys, limit);
      await ensureKeys(instanceId, keys);
      return claims.filter((c) => claimKeys(c).some((k) => keys.includes(k)))
        .sort(newestClaimFirst)
        .slice(0, limit);
    },
  };
}
