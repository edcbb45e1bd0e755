import { describe, expect, it } from 'vitest';
import { type CurrentStore, person, SITE_A } from './fixtures.js';

export function personTests(store: CurrentStore): void {
  describe('persons', () => {
    it('finds a person by any one of their IDs, whole and unchanged', async () => {
      const ada = person({ ids: { anonymousVisitorId: 'v-1', contactId: 'ct-1', memberId: 'm-1' }, memberStatus: 'APPROVED', stale: true });
      await store().putPerson(ada);
      expect(await store().getPerson(SITE_A, { memberId: 'm-1' })).toStrictEqual(ada);
      expect(await store().getPerson(SITE_A, { contactId: 'ct-1' })).toStrictEqual(ada);
      expect(await store().getPerson(SITE_A, { anonymousVisitorId: 'v-1' })).toStrictEqual(ada);
      expect(await store().getPerson(SITE_A, { contactId: 'unknown', memberId: 'm-1' })).toStrictEqual(ada);
    });

    it('answers undefined for unknown IDs, for no IDs, and for an ID of the wrong kind', async () => {
      await store().putPerson(person({ ids: { contactId: 'ct-1' } }));
      expect(await store().getPerson(SITE_A, { contactId: 'ct-2' })).toBeUndefined();
      expect(await store().getPerson(SITE_A, {})).toBeUndefined();
      expect(await store().getPerson(SITE_A, { memberId: 'ct-1' })).toBeUndefined();
    });

    it('leaves optional fields absent', async () => {
      const bare = person({ ids: { anonymousVisitorId: 'v-1' }, details: {} });
      await store().putPerson(bare);
      const read = await store().getPerson(SITE_A, { anonymousVisitorId: 'v-1' });
      expect(read).toStrictEqual(bare);
      expect(read).not.toHaveProperty('memberStatus');
      expect(read?.details).toStrictEqual({});
    });

    it('replaces a person on a second put', async () => {
      await store().putPerson(person({ ids: { contactId: 'ct-1' }, details: { firstName: 'Ada' }, stale: true }));
      const fresh = person({ ids: { contactId: 'ct-1' }, details: { firstName: 'Augusta' }, resolvedAt: '2025-03-02T10:00:00.000Z' });
      await store().putPerson(fresh);
      expect(await store().getPerson(SITE_A, { contactId: 'ct-1' })).toStrictEqual(fresh);
    });

    it('finds a person by a member ID gained later, and by the old IDs too', async () => {
      await store().putPerson(person({ ids: { anonymousVisitorId: 'v-1', contactId: 'ct-1' } }));
      expect(await store().getPerson(SITE_A, { memberId: 'm-1' })).toBeUndefined();
      const member = person({ ids: { anonymousVisitorId: 'v-1', contactId: 'ct-1', memberId: 'm-1' }, memberStatus: 'APPROVED' });
      await store().putPerson(member);
      expect(await store().getPerson(SITE_A, { memberId: 'm-1' })).toStrictEqual(member);
      expect(await store().getPerson(SITE_A, { contactId: 'ct-1' })).toStrictEqual(member);
      expect(await store().getPerson(SITE_A, { anonymousVisitorId: 'v-1' })).toStrictEqual(member);
    });

    it('leaves no stale copy behind: every ID that found the old person finds the new one', async () => {
      await store().putPerson(person({ ids: { anonymousVisitorId: 'v-1', contactId: 'ct-1' }, details: { firstName: 'Old' } }));
      const renewed = person({ ids: { contactId: 'ct-1', memberId: 'm-1' }, details: { firstName: 'New' } });
      await store().putPerson(renewed);
      expect(await store().getPerson(SITE_A, { anonymousVisitorId: 'v-1' })).toStrictEqual(renewed);
      expect(await store().getPerson(SITE_A, { memberId: 'm-1' })).toStrictEqual(renewed);
    });

    it('keeps two different people apart', async () => {
      const ada = person({ ids: { contactId: 'ct-1' } });
      const grace = person({ ids: { contactId: 'ct-2' }, details: { firstName: 'Grace' } });
      await store().putPerson(ada);
      await store().putPerson(grace);
      expect(await store().getPerson(SITE_A, { contactId: 'ct-1' })).toStrictEqual(ada);
      expect(await store().getPerson(SITE_A, { contactId: 'ct-2' })).toStrictEqual(grace);
    });
  });
}
