import { describe, expect, it } from 'vitest';
import type { DecisionRecord, ReplyClaim } from '../../../src/core/auto-reply/ledger.js';
import { DEFAULT_SETTINGS } from '../../../src/core/auto-reply/settings.js';
import { conversation, type CurrentStore, SITE_A, SITE_B } from './fixtures.js';

const claim = (o: Partial<ReplyClaim> = {}): ReplyClaim => ({
  instanceId: SITE_A, personKey: 'contact:ct-1', seq: 1, claimedAt: '2025-03-01T10:00:00.000Z',
  eventId: 'evt-1', conversationId: 'c-1', status: 'claimed', ...o,
});
const decision = (o: Partial<DecisionRecord> & { eventId: string }): DecisionRecord => ({
  instanceId: SITE_A, conversationId: 'c-1', outcome: 'skipped', reason: 'cooldown', decidedAt: '2025-03-01T10:00:00.000Z', ...o,
});

export function autoReplyLedgerTests(store: CurrentStore): void {
  describe('auto-reply settings', () => {
    it('has none until saved, then gives back exactly what was saved, per site', async () => {
      expect(await store().getSettings(SITE_A)).toBeUndefined();
      const custom = { ...DEFAULT_SETTINGS, cooldownHours: 2, keywordRules: [{ keywords: ['price'], text: 'See {businessName}' }] };
      await store().putSettings(SITE_A, custom);
      expect(await store().getSettings(SITE_A)).toStrictEqual(custom);
      expect(await store().getSettings(SITE_B)).toBeUndefined();
      await store().putSettings(SITE_A, DEFAULT_SETTINGS);
      expect(await store().getSettings(SITE_A)).toStrictEqual(DEFAULT_SETTINGS);
    });
  });

  describe('reply claims', () => {
    it('claims (site, person key, seq) once; the same claim again is taken, another seq or site is not', async () => {
      expect(await store().claimReply(claim())).toBe('claimed');
      expect(await store().claimReply(claim({ eventId: 'evt-2' }))).toBe('taken');
      expect(await store().claimReply(claim({ seq: 2, claimedAt: '2025-03-02T10:00:00.000Z' }))).toBe('claimed');
      expect(await store().claimReply(claim({ instanceId: SITE_B }))).toBe('claimed');
      expect((await store().replyClaims(SITE_A, ['contact:ct-1'], 10)).map((c) => [c.seq, c.eventId])).toEqual([[2, 'evt-1'], [1, 'evt-1']]);
    });

    it('lets exactly one of many concurrent claims of the same slot win', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store().claimReply(claim({ eventId: `evt-${i}` }))));
      expect(results.filter((r) => r === 'claimed')).toHaveLength(1);
      const [winner] = await store().replyClaims(SITE_A, ['contact:ct-1'], 10);
      expect(results[Number(winner!.eventId.slice(4))]).toBe('claimed');
    });

    it('finds claims under any of the keys given, newest first, at most `limit`, and only on the site', async () => {
      await store().claimReply(claim({ personKey: 'visitor:v-1', claimedAt: '2025-03-01T08:00:00.000Z' }));
      await store().claimReply(claim({ personKey: 'contact:ct-1', seq: 2, claimedAt: '2025-03-02T08:00:00.000Z' }));
      await store().claimReply(claim({ personKey: 'contact:other', claimedAt: '2025-03-03T08:00:00.000Z' }));
      await store().claimReply(claim({ instanceId: SITE_B, personKey: 'visitor:v-1', claimedAt: '2025-03-04T08:00:00.000Z' }));
      const found = await store().replyClaims(SITE_A, ['member:m-1', 'contact:ct-1', 'visitor:v-1'], 10);
      expect(found.map((c) => c.personKey)).toEqual(['contact:ct-1', 'visitor:v-1']);
      expect(await store().replyClaims(SITE_A, ['contact:ct-1', 'visitor:v-1'], 1)).toHaveLength(1);
      expect(await store().replyClaims(SITE_A, [], 10)).toEqual([]);
    });

    it('updates a claim in place, keeping every field', async () => {
      await store().claimReply(claim());
      const sent = claim({ status: 'sent', messageId: 'msg-1', text: 'Hi Ada' });
      await store().updateReplyClaim(sent);
      expect(await store().replyClaims(SITE_A, ['contact:ct-1'], 10)).toStrictEqual([sent]);
    });
  });

  describe('decisions', () => {
    it('keeps one decision per event (the latest), listed newest first for the conversations asked', async () => {
      await store().putDecision(decision({ eventId: 'e1', decidedAt: '2025-03-01T10:00:00.000Z', outcome: 'replied', text: 'Hi', rule: 'default:CONTACT', reason: undefined }));
      await store().putDecision(decision({ eventId: 'e2', decidedAt: '2025-03-01T11:00:00.000Z', conversationId: 'old-c' }));
      await store().putDecision(decision({ eventId: 'e3', decidedAt: '2025-03-01T12:00:00.000Z', conversationId: 'elsewhere' }));
      await store().putDecision(decision({ eventId: 'e1', instanceId: SITE_B }));
      const failed = decision({ eventId: 'e2', decidedAt: '2025-03-01T11:30:00.000Z', conversationId: 'old-c', outcome: 'failed', reason: 'HTTP 503' });
      await store().putDecision(failed);
      const listed = await store().listDecisions(SITE_A, ['c-1', 'old-c'], 10);
      expect(listed.map((d) => d.eventId)).toEqual(['e2', 'e1']);
      expect(listed[0]).toStrictEqual(failed);
      expect(listed[1]).not.toHaveProperty('reason');
      expect(await store().listDecisions(SITE_A, ['c-1', 'old-c'], 1)).toHaveLength(1);
      expect(await store().listDecisions(SITE_A, [], 10)).toEqual([]);
    });
  });

  describe('conversation stats', () => {
    it('counts conversations active in the period by type, type changes in it, and decisions by outcome', async () => {
      const period = { from: '2025-03-01T00:00:00.000Z', to: '2025-03-02T00:00:00.000Z' };
      const at = (hour: number, day = 1) => `${day === 0 ? '2025-02-28' : `2025-03-0${day}`}T${String(hour).padStart(2, '0')}:00:00.000Z`;
      await store().putConversation(conversation({ conversationId: 'v', participantType: 'ANONYMOUS_VISITOR', firstMessageAt: at(9), lastMessageAt: at(9),
        typeHistory: [{ type: 'ANONYMOUS_VISITOR', at: at(9), conversationId: 'v' }] }));
      await store().putConversation(conversation({ conversationId: 'm', participantType: 'MEMBER', firstMessageAt: at(8, 0), lastMessageAt: at(10),
        typeHistory: [{ type: 'ANONYMOUS_VISITOR', at: at(8, 0), conversationId: 'x' }, { type: 'CONTACT', at: at(9), conversationId: 'y' }, { type: 'MEMBER', at: at(11), conversationId: 'm' }] }));
      await store().putConversation(conversation({ conversationId: 'c', participantType: 'CONTACT', firstMessageAt: at(9), lastMessageAt: at(9),
        typeHistory: [{ type: 'CONTACT', at: at(9), conversationId: 'c' }] }));
      await store().putConversation(conversation({ conversationId: 'later', participantType: 'CONTACT', firstMessageAt: at(9, 2), lastMessageAt: at(9, 2),
        typeHistory: [{ type: 'ANONYMOUS_VISITOR', at: at(8, 2), conversationId: 'later' }, { type: 'CONTACT', at: at(9, 2), conversationId: 'later' }] }));
      await store().putConversation(conversation({ conversationId: 'other-site', instanceId: SITE_B, firstMessageAt: at(9), lastMessageAt: at(9) }));
      await store().putDecision(decision({ eventId: 'a', outcome: 'replied', decidedAt: at(9) }));
      await store().putDecision(decision({ eventId: 'b', outcome: 'skipped', decidedAt: at(10) }));
      await store().putDecision(decision({ eventId: 'c', outcome: 'skipped', decidedAt: at(11) }));
      await store().putDecision(decision({ eventId: 'd', outcome: 'failed', decidedAt: at(12) }));
      await store().putDecision(decision({ eventId: 'e', outcome: 'replied', decidedAt: period.to }));
      expect(await store().conversationStats(SITE_A, period)).toStrictEqual({
        byType: { ANONYMOUS_VISITOR: 1, CONTACT: 1, MEMBER: 1 },
        becameContact: 1,
        becameMember: 1,
        autoReplies: { replied: 1, skipped: 2, failed: 1 },
      });
    });

    it('counts a person once after a merge: the conversation merged away no longer counts, its history lives in the target', async () => {
      const period = { from: '2025-03-01T00:00:00.000Z', to: '2025-03-02T00:00:00.000Z' };
      const visitor = { type: 'ANONYMOUS_VISITOR' as const, at: '2025-03-01T08:00:00.000Z', conversationId: 'v' };
      const contact = { type: 'CONTACT' as const, at: '2025-03-01T09:00:00.000Z', conversationId: 'c' };
      const member = { type: 'MEMBER' as const, at: '2025-03-01T10:00:00.000Z', conversationId: 'm' };
      await store().putConversation(conversation({ conversationId: 'c', participantType: 'CONTACT', firstMessageAt: visitor.at, lastMessageAt: contact.at,
        typeHistory: [visitor, contact] }));
      await store().putConversation(conversation({ conversationId: 'm', participantType: 'MEMBER', firstMessageAt: visitor.at, lastMessageAt: member.at,
        typeHistory: [visitor, contact, member], mergedFrom: ['c'] }));
      await store().removeConversation(SITE_A, 'c');
      expect(await store().conversationStats(SITE_A, period)).toMatchObject({
        byType: { ANONYMOUS_VISITOR: 0, CONTACT: 0, MEMBER: 1 }, becameContact: 1, becameMember: 1,
      });
    });
  });
}
