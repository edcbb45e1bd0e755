import { claimKeys, type DecisionRecord, type ReplyClaim } from '../core/auto-reply/ledger.js';
import type { AutoReplySettings } from '../core/auto-reply/settings.js';
import type { ConversationRecord } from '../core/conversation.js';
import type { Store } from '../core/ports.js';
import { newestClaimFirst, newestDecisionFirst, statsOf } from '../core/conversation-stats.js';

const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));
const key = (...parts: (string | number)[]) => parts.join('\u0000');

type Ledger = Pick<Store, 'getSettings' | 'putSettings' | 'claimReply' | 'updateReplyClaim' | 'replyClaims'
  | 'putDecision' | 'listDecisions' | 'conversationStats'>;

/** The auto-reply part of the reference store: settings, reply claims, decisions and the dashboard's stats. */
export function memoryAutoReplyLedger(allConversations: () => ConversationRecord[]): Ledger & { forgetSite(instanceId: string): void } {
  const settings = new Map<string, AutoReplySettings>();
  const claims = new Map<string, ReplyClaim>();
  const decisions = new Map<string, DecisionRecord>();
  const claimKey = (c: ReplyClaim) => key(c.instanceId, c.personKey, c.seq);
  const siteDecisions = (instanceId: string) => [...decisions.values()].filter((d) => d.instanceId === instanceId);

  return {
    getSettings: async (instanceId) => copy(settings.get(instanceId)),
    async putSettings(instanceId, value) {
      settings.set(instanceId, copy(value));
    },
    async claimReply(claim) {
      if (claims.has(claimKey(claim))) return 'taken';
      claims.set(claimKey(claim), copy(claim));
      return 'claimed';
    },
    async updateReplyClaim(claim) {
      claims.set(claimKey(claim), copy(claim));
    },
    async replyClaims(instanceId, personKeys, limit) {
      const wanted = new Set(personKeys);
      const found = [...claims.values()].filter((c) => c.instanceId === instanceId && claimKeys(c).some((k) => wanted.has(k)));
      return copy(found.sort(newestClaimFirst).slice(0, limit));
    },
    async putDecision(decision) {
      decisions.set(key(decision.instanceId, decision.eventId), copy(decision));
    },
    async listDecisions(instanceId, conversationIds, limit) {
      const wanted = new Set(conversationIds);
      return copy(siteDecisions(instanceId).filter((d) => wanted.has(d.conversationId)).sort(newestDecisionFirst).slice(0, limit));
    },
    /** App Removed: drops the site's settings, claims and decisions. */
    forgetSite(instanceId) {
      settings.delete(instanceId);
      for (const map of [claims, decisions]) for (const [k, v] of [...map]) if (v.instanceId === instanceId) map.delete(k);
    },
    async conversationStats(instanceId, period) {
      const records = allConversations().filter((r) => r.instanceId === instanceId);
      return statsOf(records, siteDecisions(instanceId), period);
    },
  };
}
