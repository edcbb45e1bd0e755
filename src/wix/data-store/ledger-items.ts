import type { ConversationStats, DecisionRecord, ReplyClaim } from '../../core/auto-reply/ledger.js';
import type { AutoReplySettings } from '../../core/auto-reply/settings.js';
import { PARTICIPANT_TYPES } from '../../core/participant.js';
import type { Store } from '../../core/ports.js';
import type { StoreCollections } from './collections.js';
import { type DataItems, dateField, definedFields, insertOnce, parseField, READ } from './data-items.js';
import { itemId } from './item-id.js';

type Ledger = Pick<Store, 'getSettings' | 'putSettings' | 'claimReply' | 'updateReplyClaim' | 'replyClaims'
  | 'putDecision' | 'listDecisions' | 'conversationStats'>;

const OUTCOMES = ['replied', 'skipped', 'failed'] as const;

/**
 * Settings (one item per site), reply claims (the `_id` of (site, person key, seq) is the claim: a second insert
 * fails with WDE0074) and decisions (one item per event), in the app's Wix Data collections.
 */
export function dataLedger(items: DataItems, c: StoreCollections): Ledger {
  const settingsId = (instanceId: string) => itemId('settings', instanceId, 'auto-reply');
  const claimId = (claim: ReplyClaim) => itemId('reply-claim', claim.instanceId, `${claim.personKey}#${claim.seq}`);
  const claimItem = async (claim: ReplyClaim) => ({
    _id: await claimId(claim), instanceId: claim.instanceId, claimKey: claim.personKey, seq: claim.seq,
    conversationId: claim.conversationId, status: claim.status, claimedAt: dateField(claim.claimedAt), claim: JSON.stringify(claim),
  });
  const count = (collection: string) => items.query(collection);

  return {
    async getSettings(instanceId) {
      return parseField<AutoReplySettings>(await items.get(c.settings, await settingsId(instanceId), READ), 'settings');
    },
    async putSettings(instanceId, settings) {
      await items.save(c.settings, { _id: await settingsId(instanceId), instanceId, autoReplyEnabled: settings.enabled, settings: JSON.stringify(settings) });
    },
    async claimReply(claim) {
      return (await insertOnce(items, c.replyClaims, await claimItem(claim))) ? 'claimed' : 'taken';
    },
    async updateReplyClaim(claim) {
      await items.save(c.replyClaims, await claimItem(claim));
    },
    async replyClaims(instanceId, personKeys, limit) {
      if (personKeys.length === 0) return [];
      const found = await items.query(c.replyClaims).eq('instanceId', instanceId).hasSome('claimKey', personKeys)
        .descending('claimedAt', 'seq').limit(limit).find(READ);
      return found.items.map((item) => parseField<ReplyClaim>(item, 'claim') as ReplyClaim);
    },
    async putDecision(d) {
      await items.save(c.decisions, {
        _id: await itemId('decision', d.instanceId, d.eventId), instanceId: d.instanceId,
        ...definedFields({ eventId: d.eventId, conversationId: d.conversationId, outcome: d.outcome, reason: d.reason, replyText: d.text }),
        decidedAt: dateField(d.decidedAt), decision: JSON.stringify(d),
      });
    },
    async listDecisions(instanceId, conversationIds, limit) {
      if (conversationIds.length === 0) return [];
      const found = await items.query(c.decisions).eq('instanceId', instanceId).hasSome('conversationId', conversationIds)
        .descending('decidedAt', 'eventId').limit(limit).find(READ);
      return found.items.map((item) => parseField<DecisionRecord>(item, 'decision') as DecisionRecord);
    },
    async conversationStats(instanceId, { from, to }) {
      const [start, end] = [dateField(from), dateField(to)];
      const active = (type: string) => count(c.conversations).eq('instanceId', instanceId).eq('participantType', type)
        .lt('firstMessageAt', end).ge('lastMessageAt', start).count(READ);
      const became = (field: string) => count(c.conversations).eq('instanceId', instanceId).ge(field, start).lt(field, end).count(READ);
      const decided = (outcome: string) => count(c.decisions).eq('instanceId', instanceId).eq('outcome', outcome)
        .ge('decidedAt', start).lt('decidedAt', end).count(READ);
      const [types, contact, member, outcomes] = await Promise.all([
        Promise.all(PARTICIPANT_TYPES.map(active)), became('becameContactAt'), became('becameMemberAt'), Promise.all(OUTCOMES.map(decided)),
      ]);
      const stats: ConversationStats = {
        byType: { ANONYMOUS_VISITOR: types[0]!, CONTACT: types[1]!, MEMBER: types[2]! },
        becameContact: contact,
        becameMember: member,
        autoReplies: { replied: outcomes[0]!, skipped: outcomes[1]!, failed: outcomes[2]! },
      };
      return stats;
    },
  };
}
