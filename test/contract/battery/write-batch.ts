import { describe, expect, it } from 'vitest';
import type { StoreWrites } from '../../../src/core/ports.js';
import { type CurrentStore, SITE_A, conversation, journalEntry, person } from './fixtures.js';

const none: StoreWrites = { conversations: [], removedConversations: [], aliases: [], persons: [], decisions: [], replyClaims: [], events: [] };

/** The optional writeBatch: a unit of work's writes, all applied at once (only stores that have it run these). */
export function writeBatchTests(store: CurrentStore): void {
  describe('writeBatch (optional)', () => {
    it('applies every kind of write of a batch, as the single writes would', async (context) => {
      const batch = store().writeBatch?.bind(store());
      if (!batch) return context.skip();
      await store().addEvent(journalEntry({ eventId: 'e1' }));
      await store().putConversation(conversation({ conversationId: 'old' }));
      await batch({
        ...none,
        conversations: [conversation({ conversationId: 'target', messageCount: 3 })],
        removedConversations: [{ instanceId: SITE_A, conversationId: 'old' }],
        aliases: [{ instanceId: SITE_A, oldConversationId: 'old', targetConversationId: 'target' }],
        persons: [person({ ids: { contactId: 'c1' }, details: { firstName: 'Ana' } })],
        decisions: [{ instanceId: SITE_A, eventId: 'e1', conversationId: 'target', outcome: 'skipped', reason: 'cooldown', decidedAt: '2026-01-01T00:00:00.000Z' }],
        events: [{ ...journalEntry({ eventId: 'e1' }), stage: 'replied', doneAt: '2026-01-01T00:00:01.000Z' }],
      });
      expect((await store().getConversation(SITE_A, 'target'))?.messageCount).toBe(3);
      expect(await store().getConversation(SITE_A, 'old')).toBeUndefined();
      expect(await store().getAlias(SITE_A, 'old')).toBe('target');
      expect((await store().getPerson(SITE_A, { contactId: 'c1' }))?.details.firstName).toBe('Ana');
      expect((await store().listDecisions(SITE_A, ['target'], 10)).map((d) => d.reason)).toEqual(['cooldown']);
      expect((await store().getEvent(SITE_A, 'e1'))?.doneAt).toBe('2026-01-01T00:00:01.000Z');
    });

    it('writes none of a batch that fails part-way', async (context) => {
      const batch = store().writeBatch?.bind(store());
      if (!batch) return context.skip();
      const broken = { ...conversation({ conversationId: 'c2' }), messageCount: undefined as unknown as number };
      await expect(batch({ ...none, conversations: [conversation({ conversationId: 'c1' }), broken] })).rejects.toThrow();
      expect(await store().getConversation(SITE_A, 'c1')).toBeUndefined();
    });
  });
}
