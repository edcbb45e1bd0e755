import { describe, expect, it } from 'vitest';
import { conversation, type CurrentStore, journalEntry, person, SITE_A, SITE_B } from './fixtures.js';

export function isolationTests(store: CurrentStore): void {
  describe('instance isolation (site B never sees site A)', () => {
    it('journal: get, add and update stay within the site; only dueEvents spans sites by design', async () => {
      await store().addEvent(journalEntry({ eventId: 'e' }));
      expect(await store().getEvent(SITE_B, 'e')).toBeUndefined();
      const due = await store().dueEvents('2025-03-02T00:00:00.000Z', 10);
      expect(due.map((e) => e.instanceId)).toEqual([SITE_A]);
    });

    it('conversations: get, remove, list, search and participant lookup stay within the site', async () => {
      await store().putConversation(conversation({ conversationId: 'conv', participant: { contactId: 'ct-1' }, displayName: 'Ada' }));
      expect(await store().getConversation(SITE_B, 'conv')).toBeUndefined();
      const everything = { search: 'ada', sort: { field: 'displayName', order: 'asc' }, offset: 0, limit: 10 } as const;
      expect((await store().listConversations(SITE_A, everything)).total).toBe(1);
      expect(await store().listConversations(SITE_B, everything)).toMatchObject({ items: [], total: 0, hasMore: false });
      expect(await store().findConversationsByParticipant(SITE_A, { contactId: 'ct-1' })).toHaveLength(1);
      expect(await store().findConversationsByParticipant(SITE_B, { contactId: 'ct-1' })).toEqual([]);
      await store().removeConversation(SITE_B, 'conv');
      expect(await store().getConversation(SITE_A, 'conv')).toBeDefined();
    });

    it('aliases stay within the site', async () => {
      await store().setAlias(SITE_A, 'old', 'target-a');
      expect(await store().getAlias(SITE_B, 'old')).toBeUndefined();
      await store().setAlias(SITE_B, 'old', 'target-b');
      expect(await store().getAlias(SITE_A, 'old')).toBe('target-a');
      expect(await store().getAlias(SITE_B, 'old')).toBe('target-b');
      await store().setAlias(SITE_A, 'old-2', 'target-b');
      expect(await store().aliasesTo(SITE_B, 'target-b')).toEqual(['old']);
      expect(await store().aliasesTo(SITE_A, 'target-b')).toEqual(['old-2']);
    });

    it('persons stay within the site', async () => {
      const onA = person({ ids: { contactId: 'ct-1', memberId: 'm-1' } });
      await store().putPerson(onA);
      expect(await store().getPerson(SITE_B, { contactId: 'ct-1' })).toBeUndefined();
      const onB = person({ instanceId: SITE_B, ids: { contactId: 'ct-1' }, details: { firstName: 'Other' } });
      await store().putPerson(onB);
      expect(await store().getPerson(SITE_A, { contactId: 'ct-1' })).toStrictEqual(onA);
      expect(await store().getPerson(SITE_B, { contactId: 'ct-1' })).toStrictEqual(onB);
      expect(await store().getPerson(SITE_B, { memberId: 'm-1' })).toBeUndefined();
    });
  });
}
