import { describe, expect, it } from 'vitest';
import { conversation, type CurrentStore, fullConversation, ids, SITE_A, SITE_B, sorted } from './fixtures.js';

export function conversationTests(store: CurrentStore): void {
  describe('conversations', () => {
    it('round-trips every field of a record, arrays and optional fields included', async () => {
      const record = fullConversation('conv-full');
      await store().putConversation(record);
      expect(await store().getConversation(SITE_A, 'conv-full')).toStrictEqual(record);
    });

    it('leaves optional fields absent when they were never set', async () => {
      const record = conversation({ conversationId: 'conv-bare', participantType: 'ANONYMOUS_VISITOR', participant: { anonymousVisitorId: 'v-1' }, resolution: 'pending' });
      await store().putConversation(record);
      const read = await store().getConversation(SITE_A, 'conv-bare');
      expect(read).toStrictEqual(record);
      for (const key of ['email', 'phone', 'channel', 'firstMessageAt', 'lastMessageAt', 'lastMessagePreview', 'autoReply']) {
        expect(read).not.toHaveProperty(key);
      }
      expect(read?.participant).toStrictEqual({ anonymousVisitorId: 'v-1' });
    });

    it('replaces the whole record on a second put, dropping fields the new one lacks', async () => {
      await store().putConversation(fullConversation('conv-1'));
      const replacement = conversation({ conversationId: 'conv-1', displayName: 'Renamed', messageCount: 13, mergedFrom: ['old-3'] });
      await store().putConversation(replacement);
      const read = await store().getConversation(SITE_A, 'conv-1');
      expect(read).toStrictEqual(replacement);
      expect(read).not.toHaveProperty('email');
      expect(read).not.toHaveProperty('autoReply');
      expect((await store().listConversations(SITE_A, { sort: { field: 'displayName', order: 'asc' }, offset: 0, limit: 10 })).total).toBe(1);
    });

    it('answers undefined for an unknown conversation', async () => {
      expect(await store().getConversation(SITE_A, 'nope')).toBeUndefined();
    });

    it('removes a conversation from get, list and participant lookup; removing an unknown one is harmless', async () => {
      await store().putConversation(conversation({ conversationId: 'gone', participant: { contactId: 'ct-1' } }));
      await store().putConversation(conversation({ conversationId: 'kept', participant: { contactId: 'ct-1' } }));
      await store().removeConversation(SITE_A, 'gone');
      await store().removeConversation(SITE_A, 'never-there');
      expect(await store().getConversation(SITE_A, 'gone')).toBeUndefined();
      expect(await store().getConversation(SITE_A, 'kept')).toBeDefined();
      const page = await store().listConversations(SITE_A, { sort: { field: 'displayName', order: 'asc' }, offset: 0, limit: 10 });
      expect(ids(page.items)).toEqual(['kept']);
      expect(page.total).toBe(1);
      expect(ids(await store().findConversationsByParticipant(SITE_A, { contactId: 'ct-1' }))).toEqual(['kept']);
    });

    describe('by participant', () => {
      const seed = async () => {
        await store().putConversation(conversation({ conversationId: 'as-visitor', participantType: 'ANONYMOUS_VISITOR', participant: { anonymousVisitorId: 'v-1' } }));
        await store().putConversation(conversation({ conversationId: 'as-contact', participant: { anonymousVisitorId: 'v-1', contactId: 'ct-1' } }));
        await store().putConversation(conversation({ conversationId: 'as-member', participantType: 'MEMBER', participant: { contactId: 'ct-1', memberId: 'm-1' } }));
        await store().putConversation(conversation({ conversationId: 'stranger', participant: { contactId: 'ct-2' } }));
      };

      it('finds the conversations where the participant has any one of the IDs', async () => {
        await seed();
        const find = async (p: Parameters<ReturnType<CurrentStore>['findConversationsByParticipant']>[1]) =>
          sorted(ids(await store().findConversationsByParticipant(SITE_A, p)));
        expect(await find({ anonymousVisitorId: 'v-1' })).toEqual(['as-contact', 'as-visitor']);
        expect(await find({ contactId: 'ct-1' })).toEqual(['as-contact', 'as-member']);
        expect(await find({ memberId: 'm-1' })).toEqual(['as-member']);
        expect(await find({ anonymousVisitorId: 'v-1', memberId: 'm-1' })).toEqual(['as-contact', 'as-member', 'as-visitor']);
        expect(await find({ contactId: 'unknown', memberId: 'm-1' })).toEqual(['as-member']);
      });

      it('returns whole records, and nothing for unknown or no IDs', async () => {
        const record = fullConversation('conv-full');
        await store().putConversation(record);
        expect(await store().findConversationsByParticipant(SITE_A, { memberId: 'm-9' })).toStrictEqual([record]);
        expect(await store().findConversationsByParticipant(SITE_A, { memberId: 'm-unknown' })).toEqual([]);
        expect(await store().findConversationsByParticipant(SITE_A, {})).toEqual([]);
      });

      it('does not match an ID of one kind against another kind', async () => {
        await store().putConversation(conversation({ conversationId: 'c', participant: { contactId: 'same-id' } }));
        expect(await store().findConversationsByParticipant(SITE_A, { memberId: 'same-id' })).toEqual([]);
      });

      it('follows a participant whose IDs changed on a later put', async () => {
        await store().putConversation(conversation({ conversationId: 'c', participant: { contactId: 'ct-1' } }));
        await store().putConversation(conversation({ conversationId: 'c', participant: { contactId: 'ct-1', memberId: 'm-1' } }));
        expect(ids(await store().findConversationsByParticipant(SITE_A, { memberId: 'm-1' }))).toEqual(['c']);
        await store().putConversation(conversation({ conversationId: 'c', participant: { memberId: 'm-1' } }));
        expect(await store().findConversationsByParticipant(SITE_A, { contactId: 'ct-1' })).toEqual([]);
      });
    });

    it('keeps the same conversation ID apart on two sites', async () => {
      const onA = conversation({ conversationId: 'shared', displayName: 'On A' });
      const onB = conversation({ conversationId: 'shared', instanceId: SITE_B, displayName: 'On B' });
      await store().putConversation(onA);
      await store().putConversation(onB);
      expect(await store().getConversation(SITE_A, 'shared')).toStrictEqual(onA);
      expect(await store().getConversation(SITE_B, 'shared')).toStrictEqual(onB);
    });
  });
}
