import type { ConversationRecord } from '../core/conversation.js';
import { participantKeys } from '../core/participant.js';
import type { JournalEntry, PersonRecord, Store } from '../core/ports.js';
import { pageOf } from '../core/conversation-order.js';
import { memoryAutoReplyLedger } from './memory-ledger.js';
import { funnelOf, funnelPersonOf, type FunnelPerson } from '../core/conversion-funnel.js';

/** Copies through JSON, as every other store does: no shared references, and undefined fields stay absent. */
const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));
const key = (instanceId: string, id: string) => `${instanceId}\u0000${id}`;

/** The reference Store: plain maps, for unit tests of the core. Every key starts with the site's instanceId. */
export function createMemoryStore(): Store {
  const events = new Map<string, JournalEntry>();
  const conversations = new Map<string, ConversationRecord>();
  const aliases = new Map<string, string>();
  const persons = new Map<string, PersonRecord>();
  const siteConversations = (instanceId: string) => [...conversations.values()].filter((c) => c.instanceId === instanceId);

  const { forgetSite: forgetLedgerSite, ...ledger } = memoryAutoReplyLedger(() => [...conversations.values()]);
  const siteKey = (instanceId: string) => key(instanceId, '');

  return {
    ...ledger,
    async addEvent(entry) {
      const k = key(entry.instanceId, entry.eventId);
      if (events.has(k)) return 'duplicate';
      events.set(k, copy(entry));
      return 'added';
    },
    getEvent: async (instanceId, eventId) => copy(events.get(key(instanceId, eventId))),
    async updateEvent(entry) {
      events.set(key(entry.instanceId, entry.eventId), copy(entry));
    },
    async dueEvents(now, limit) {
      const order = (e: JournalEntry) => `${e.receivedAt}\u0000${key(e.instanceId, e.eventId)}`;
      const due = [...events.values()].filter((e) => !e.doneAt && e.nextAttemptAt <= now);
      return copy(due.sort((a, b) => (order(a) < order(b) ? -1 : 1)).slice(0, limit));
    },

    getConversation: async (instanceId, conversationId) => copy(conversations.get(key(instanceId, conversationId))),
    async putConversation(record) {
      conversations.set(key(record.instanceId, record.conversationId), copy(record));
    },
    async removeConversation(instanceId, conversationId) {
      conversations.delete(key(instanceId, conversationId));
    },
    async listConversations(instanceId, query) {
      return copy(pageOf(siteConversations(instanceId), query));
    },
    async findConversationsByParticipant(instanceId, ids) {
      const wanted = new Set(participantKeys(ids));
      return copy(siteConversations(instanceId).filter((c) => participantKeys(c.participant).some((k) => wanted.has(k))));
    },

    getAlias: async (instanceId, conversationId) => aliases.get(key(instanceId, conversationId)),
    async setAlias(instanceId, oldConversationId, targetConversationId) {
      aliases.set(key(instanceId, oldConversationId), targetConversationId);
    },
    async aliasesTo(instanceId, targetConversationId) {
      const site = key(instanceId, '');
      const pointing = [...aliases].filter(([k, target]) => k.startsWith(site) && target === targetConversationId);
      return pointing.map(([k]) => k.slice(site.length)).sort();
    },

    async getPerson(instanceId, ids) {
      const found = participantKeys(ids).map((k) => persons.get(key(instanceId, k))).find(Boolean);
      return copy(found);
    },
    async putPerson(person) {
      const previous = participantKeys(person.ids).map((k) => persons.get(key(person.instanceId, k)));
      const keys = new Set([person.ids, ...previous.map((p) => p?.ids ?? {})].flatMap(participantKeys));
      for (const k of keys) persons.set(key(person.instanceId, k), copy(person));
    },

    // The conversion funnel: the core's definition over every record of the site.
    async conversionFunnel(instanceId, period) {
      return funnelOf(siteConversations(instanceId).map(funnelPersonOf).filter((p): p is FunnelPerson => p !== undefined), period);
    },
    // Site lifecycle: journal pruning and App Removed.
    async pruneJournal(receivedBefore, limit) {
      const old = [...events].filter(([, e]) => e.doneAt && e.receivedAt < receivedBefore).slice(0, Math.max(0, limit));
      for (const [k] of old) events.delete(k);
      return old.length;
    },
    async deleteSite(instanceId) {
      for (const map of [events, conversations, aliases, persons]) {
        for (const k of [...map.keys()]) if (k.startsWith(siteKey(instanceId))) map.delete(k);
      }
      forgetLedgerSite(instanceId);
    },

    async close() {},
  };
}
