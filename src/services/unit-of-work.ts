import type { DecisionRecord, ReplyClaim } from '../core/auto-reply/ledger.js';
import type { AutoReplySettings } from '../core/auto-reply/settings.js';
import { newestClaimFirst } from '../core/conversation-stats.js';
import type { ConversationRecord } from '../core/conversation.js';
import { participantKeys } from '../core/participant.js';
import type { JournalEntry, PersonRecord, Store, StoreWrites } from '../core/ports.js';

/**
 * Events' writes, held in memory and committed in one transaction together with how far each event got: before
 * anything leaves the process (a Directory or Inbox call), and when the lane has no more events in hand (or has run
 * a batch of them). So a step that needs no Wix call costs no transaction of its own, a record written twice is
 * written once, a site's burst of messages is one transaction (the pages every message of a site writes — the end of
 * its newest-first range, its day counts, the decisions' end — are written once for the burst), and a crash loses
 * only writes no one outside has seen: the steps that made them run again, as they would have. The reply claim is
 * the exception: it is the durable race for a person's reply slot, so it (and any claim still being sent) goes to
 * the store at once.
 */
export interface UnitOfWork {
  /** The store as the steps see it: their own writes included. */
  store: Store;
  /** How far an event got; written with the pending writes at the next commit. */
  progress(entry: JournalEntry): void;
  /** Writes what is pending (and the events' progress) in one transaction. */
  commit(): Promise<void>;
  /** The same dependency, committing what is pending before each of its calls. */
  committingBefore<T extends object>(dependency: T): T;
}

const key = (instanceId: string, id: string) => `${instanceId}\u0000${id}`;
const slotOf = (c: ReplyClaim) => `${c.instanceId}\u0000${c.personKey}\u0000${c.seq}`;

/** What `seen` remembers under `k` (a miss too), else what `read` answers, remembered. */
async function readThrough<V>(seen: Map<string, V>, k: string, read: () => Promise<V>): Promise<V> {
  if (seen.has(k)) return seen.get(k) as V;
  const found = await read();
  seen.set(k, found);
  return found;
}

/** A unit of work over a store that can write a batch at once; undefined for a store that cannot. */
export function unitOfWork(base: Store): UnitOfWork | undefined {
  if (!base.writeBatch) return undefined;
  const writeBatch = base.writeBatch.bind(base);
  let conversations = new Map<string, ConversationRecord | { removed: { instanceId: string; conversationId: string } }>();
  let aliases = new Map<string, StoreWrites['aliases'][number]>();
  let persons: PersonRecord[] = [];
  let decisions = new Map<string, DecisionRecord>();
  let claims = new Map<string, ReplyClaim>();
  let events = new Map<string, JournalEntry>();
  // What this unit read from the store (misses too), kept across its commits and updated by its own writes: a step
  // reads the same alias, conversation and person as the step before it, and the event after it; a site's lane is
  // the only writer of its records.
  const seenConversations = new Map<string, ConversationRecord | undefined>();
  const seenAliases = new Map<string, string | undefined>();
  const seenPersons = new Map<string, PersonRecord | undefined>();
  // The reply claims and the settings this unit read, kept only until its next commit (before any Wix call, after at
  // most a batch of events) and forgotten at any claim written: a person's later messages in a burst read their
  // claims once. Claims are the race with other deliveries, but a stale read cannot send twice — the claim itself is
  // a durable insert that fails for a slot taken (and then the claims are read afresh); a settings change applies
  // from the next commit.
  const seenClaims = new Map<string, ReplyClaim[]>();
  const seenSettings = new Map<string, AutoReplySettings | undefined>();
  const pending = () => conversations.size + aliases.size + persons.length + decisions.size + claims.size + events.size > 0;

  const unit: UnitOfWork = {
    progress(entry) {
      events.set(key(entry.instanceId, entry.eventId), entry);
    },
    async commit() {
      seenClaims.clear();
      seenSettings.clear();
      if (!pending()) return;
      const writes: StoreWrites = {
        conversations: [...conversations.values()].filter((c): c is ConversationRecord => !('removed' in c)),
        removedConversations: [...conversations.values()].flatMap((c) => ('removed' in c ? [c.removed] : [])),
        aliases: [...aliases.values()],
        persons,
        decisions: [...decisions.values()],
        replyClaims: [...claims.values()],
        events: [...events.values()],
      };
      conversations = new Map();
      aliases = new Map();
      persons = [];
      decisions = new Map();
      claims = new Map();
      events = new Map();
      await writeBatch(writes);
    },
    committingBefore(dependency) {
      return new Proxy(dependency, {
        get(target, name, receiver) {
          const value = Reflect.get(target, name, receiver);
          if (typeof value !== 'function') return value;
          return async (...args: unknown[]) => {
            await unit.commit();
            return value.apply(target, args);
          };
        },
      });
    },
    store: undefined as unknown as Store,
  };

  /** Reads this unit cannot answer from what it holds see the store after its writes. */
  const afterCommit = <A extends unknown[], R>(call: (...args: A) => Promise<R>) => async (...args: A) => {
    await unit.commit();
    return call(...args);
  };
  const buffered: Partial<Store> = {
    async getConversation(instanceId, conversationId) {
      const k = key(instanceId, conversationId);
      const held = conversations.get(k);
      if (held) return 'removed' in held ? undefined : held;
      return readThrough(seenConversations, k, () => base.getConversation(instanceId, conversationId));
    },
    async putConversation(record) {
      const k = key(record.instanceId, record.conversationId);
      conversations.set(k, record);
      seenConversations.set(k, record);
    },
    async removeConversation(instanceId, conversationId) {
      const k = key(instanceId, conversationId);
      conversations.set(k, { removed: { instanceId, conversationId } });
      seenConversations.set(k, undefined);
    },
    async getAlias(instanceId, conversationId) {
      const k = key(instanceId, conversationId);
      const held = aliases.get(k);
      if (held) return held.targetConversationId;
      return readThrough(seenAliases, k, () => base.getAlias(instanceId, conversationId));
    },
    async setAlias(instanceId, oldConversationId, targetConversationId) {
      const k = key(instanceId, oldConversationId);
      aliases.set(k, { instanceId, oldConversationId, targetConversationId });
      seenAliases.set(k, targetConversationId);
    },
    async aliasesTo(instanceId, targetId) {
      const held = [...aliases.values()].filter((a) => a.instanceId === instanceId);
      const elsewhere = new Set(held.filter((a) => a.targetConversationId !== targetId).map((a) => a.oldConversationId));
      const stored = (await base.aliasesTo(instanceId, targetId)).filter((old) => !elsewhere.has(old));
      const added = held.filter((a) => a.targetConversationId === targetId).map((a) => a.oldConversationId);
      return [...new Set([...stored, ...added])].sort();
    },
    async getPerson(instanceId, ids) {
      const keys = participantKeys(ids);
      const held = [...persons].reverse().find((p) => p.instanceId === instanceId && participantKeys(p.ids).some((k) => keys.includes(k)));
      if (held) return held;
      return readThrough(seenPersons, key(instanceId, keys.join('\u0000')), () => base.getPerson(instanceId, ids));
    },
    async putPerson(person) {
      persons.push(person);
      // Held persons are looked at first; once committed, the store answers again (a person is filed under several keys).
      seenPersons.clear();
    },
    async putDecision(decision) {
      decisions.set(key(decision.instanceId, decision.eventId), decision);
    },
    async listDecisions(instanceId, conversationIds, limit) {
      const held = [...decisions.values()].filter((d) => d.instanceId === instanceId && conversationIds.includes(d.conversationId));
      const stored = (await base.listDecisions(instanceId, conversationIds, limit)).filter((d) => !decisions.has(key(instanceId, d.eventId)));
      return [...stored, ...held]
        .sort((a, b) => b.decidedAt.localeCompare(a.decidedAt) || b.eventId.localeCompare(a.eventId))
        .slice(0, limit);
    },
    async updateReplyClaim(claim) {
      seenClaims.clear();
      // A claim still being sent is the mark a retry looks for before sending again: it must be durable now.
      if (claim.status === 'claimed') {
        await unit.commit();
        return base.updateReplyClaim(claim);
      }
      claims.set(slotOf(claim), claim);
    },
    async replyClaims(instanceId, personKeys, limit) {
      const stored = await readThrough(seenClaims, [instanceId, limit, ...personKeys].join('\u0000'),
        () => base.replyClaims(instanceId, personKeys, limit));
      return stored.map((c) => claims.get(slotOf(c)) ?? c).sort(newestClaimFirst);
    },
    async getEvent(instanceId, eventId) {
      return events.get(key(instanceId, eventId)) ?? base.getEvent(instanceId, eventId);
    },
    getSettings: (instanceId) => readThrough(seenSettings, instanceId, () => base.getSettings(instanceId)),
  };
  unit.store = new Proxy(base, {
    get(target, name, receiver) {
      if (name in buffered) return buffered[name as keyof Store];
      const value = Reflect.get(target, name, receiver);
      return typeof value === 'function' ? afterCommit((...args: unknown[]) => value.apply(target, args)) : value;
    },
  });
  return unit;
}
