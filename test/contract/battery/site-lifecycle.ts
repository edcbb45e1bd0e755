import { describe, expect, it } from 'vitest';
import type { DecisionRecord, ReplyClaim } from '../../../src/core/auto-reply/ledger.js';
import { DEFAULT_SETTINGS } from '../../../src/core/auto-reply/settings.js';
import type { Store } from '../../../src/core/ports.js';
import { conversation, type CurrentStore, journalEntry, person, SITE_A, SITE_B } from './fixtures.js';

const claim = (instanceId: string): ReplyClaim => ({
  instanceId, personKey: 'contact:ct-1', seq: 1, claimedAt: '2025-03-01T10:00:00.000Z', eventId: 'evt-1', conversationId: 'c-1', status: 'claimed',
});
const decision = (instanceId: string): DecisionRecord => ({
  instanceId, eventId: 'evt-1', conversationId: 'c-1', outcome: 'skipped', reason: 'cooldown', decidedAt: '2025-03-01T10:00:00.000Z',
});

/** One of everything a site can have stored. */
async function fillSite(store: Store, instanceId: string): Promise<void> {
  await store.addEvent(journalEntry({ instanceId, eventId: 'evt-1' }));
  await store.putConversation(conversation({ instanceId, conversationId: 'c-1', participant: { contactId: 'ct-1' } }));
  await store.setAlias(instanceId, 'c-old', 'c-1');
  await store.putPerson(person({ instanceId, ids: { contactId: 'ct-1' } }));
  await store.putSettings(instanceId, { ...DEFAULT_SETTINGS, cooldownHours: 3 });
  await store.claimReply(claim(instanceId));
  await store.putDecision(decision(instanceId));
}

async function whatSiteHas(store: Store, instanceId: string) {
  return {
    event: await store.getEvent(instanceId, 'evt-1'),
    conversation: await store.getConversation(instanceId, 'c-1'),
    listed: (await store.listConversations(instanceId, { sort: { field: 'lastMessageAt', order: 'desc' }, limit: 10, offset: 0 })).total,
    alias: await store.getAlias(instanceId, 'c-old'),
    person: await store.getPerson(instanceId, { contactId: 'ct-1' }),
    settings: await store.getSettings(instanceId),
    claims: (await store.replyClaims(instanceId, ['contact:ct-1'], 10)).length,
    decisions: (await store.listDecisions(instanceId, ['c-1'], 10)).length,
  };
}

export function siteLifecycleTests(store: CurrentStore): void {
  describe('journal pruning', () => {
    it('deletes done entries received before the cutoff, and nothing else', async () => {
      await store().addEvent(journalEntry({ eventId: 'old-done', receivedAt: '2025-01-01T00:00:00.000Z', doneAt: '2025-01-01T00:01:00.000Z' }));
      await store().addEvent(journalEntry({ eventId: 'old-pending', receivedAt: '2025-01-01T00:00:00.000Z', nextAttemptAt: '2025-01-01T00:00:00.000Z' }));
      await store().addEvent(journalEntry({ eventId: 'new-done', receivedAt: '2025-03-01T00:00:00.000Z', doneAt: '2025-03-01T00:01:00.000Z' }));
      await store().addEvent(journalEntry({ instanceId: SITE_B, eventId: 'old-done-b', receivedAt: '2025-01-02T00:00:00.000Z', doneAt: '2025-01-02T00:01:00.000Z' }));
      expect(await store().pruneJournal('2025-02-01T00:00:00.000Z', 100)).toBe(2);
      expect(await store().getEvent(SITE_A, 'old-done')).toBeUndefined();
      expect(await store().getEvent(SITE_B, 'old-done-b')).toBeUndefined();
      expect(await store().getEvent(SITE_A, 'old-pending')).toBeDefined();
      expect(await store().getEvent(SITE_A, 'new-done')).toBeDefined();
      expect((await store().dueEvents('2025-12-01T00:00:00.000Z', 10)).map((e) => e.eventId)).toEqual(['old-pending']);
      expect(await store().pruneJournal('2025-02-01T00:00:00.000Z', 100)).toBe(0);
    });

    it('deletes at most `limit` entries a call', async () => {
      for (let i = 0; i < 5; i++) {
        await store().addEvent(journalEntry({ eventId: `e-${i}`, receivedAt: '2025-01-01T00:00:00.000Z', doneAt: '2025-01-01T00:01:00.000Z' }));
      }
      expect(await store().pruneJournal('2025-02-01T00:00:00.000Z', 3)).toBe(3);
      expect(await store().pruneJournal('2025-02-01T00:00:00.000Z', 3)).toBe(2);
    });

    it('lets a pruned event ID be journaled again (it is past the resend horizon)', async () => {
      await store().addEvent(journalEntry({ eventId: 'evt-1', receivedAt: '2025-01-01T00:00:00.000Z', doneAt: '2025-01-01T00:01:00.000Z' }));
      await store().pruneJournal('2025-02-01T00:00:00.000Z', 10);
      expect(await store().addEvent(journalEntry({ eventId: 'evt-1' }))).toBe('added');
    });
  });

  describe('deleting a site (App Removed)', () => {
    it('deletes everything stored for the site and leaves other sites as they were', async () => {
      await fillSite(store(), SITE_A);
      await fillSite(store(), SITE_B);
      const before = await whatSiteHas(store(), SITE_B);
      expect(before.event && before.conversation && before.alias && before.person && before.settings).toBeTruthy();
      expect([before.listed, before.claims, before.decisions]).toEqual([1, 1, 1]);

      await store().deleteSite(SITE_A);

      expect(await whatSiteHas(store(), SITE_A)).toStrictEqual({
        event: undefined, conversation: undefined, listed: 0, alias: undefined, person: undefined, settings: undefined, claims: 0, decisions: 0,
      });
      expect(await store().dueEvents('2099-01-01T00:00:00.000Z', 10)).toEqual([expect.objectContaining({ instanceId: SITE_B })]);
      expect(await whatSiteHas(store(), SITE_B)).toStrictEqual(before);
    });

    it('is harmless for a site with nothing stored, and the site can start afresh', async () => {
      await expect(store().deleteSite(SITE_A)).resolves.toBeUndefined();
      await fillSite(store(), SITE_A);
      await store().deleteSite(SITE_A);
      expect(await store().addEvent(journalEntry({ eventId: 'evt-1' }))).toBe('added');
    });
  });
}
