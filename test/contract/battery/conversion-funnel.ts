import { describe, expect, it } from 'vitest';
import type { ConversationRecord, TypeChange } from '../../../src/core/conversation.js';
import type { ParticipantType } from '../../../src/core/participant.js';
import { conversation, SITE_A, SITE_B, type CurrentStore } from './fixtures.js';

const PERIOD = { from: '2025-03-01T00:00:00.000Z', to: '2025-03-02T00:00:00.000Z' };
/** Hour `h` of 1 March 2025 (negative: the day before; 24 and more: the day after). */
const hour = (h: number, minute = 0) => new Date(Date.UTC(2025, 2, 1, h, minute)).toISOString();
const MIN = 60_000;

/** A person's record with a normalised type history, as the registry keeps it: [type, hour, minute?] steps. */
function life(conversationId: string, steps: [ParticipantType, number, number?][], more: Partial<ConversationRecord> = {}): ConversationRecord {
  const typeHistory: TypeChange[] = steps.map(([type, h, m]) => ({ type, at: hour(h, m), conversationId: `${conversationId}-${type}` }));
  const last = steps.at(-1)!;
  return conversation({
    conversationId,
    participantType: last[0],
    channel: 'CHAT',
    firstMessageAt: typeHistory[0]!.at,
    lastMessageAt: hour(Math.max(last[1], steps[0]![1]) + 1),
    typeHistory,
    ...more,
  });
}

/** The conversion funnel: the same figures from every store (see core/conversion-funnel.ts for the definitions). */
export function conversionFunnelTests(store: CurrentStore): void {
  describe('conversion funnel', () => {
    it('is all zeros, with no rates or medians, for a site nobody wrote to', async () => {
      expect(await store().conversionFunnel(SITE_A, PERIOD)).toStrictEqual({
        wrote: 0,
        startedAs: { ANONYMOUS_VISITOR: 0, CONTACT: 0, MEMBER: 0 },
        contacts: 0,
        members: 0,
        becameContact: 0,
        becameMember: 0,
        rates: { contact: null, member: null, visitorToContact: null, toMember: null },
        medianToContactMs: null,
        medianToMemberMs: null,
        byChannel: [],
      });
    });

    it('counts the people who first wrote in the period: their conversions before its end, the medians and the channels', async () => {
      const records = [
        life('v-stays', [['ANONYMOUS_VISITOR', 9]]),
        life('v-contact', [['ANONYMOUS_VISITOR', 9], ['CONTACT', 9, 10]], { channel: 'EMAIL' }),
        life('v-contact-member', [['ANONYMOUS_VISITOR', 10], ['CONTACT', 10, 30], ['MEMBER', 12]]),
        life('v-member-at-once', [['ANONYMOUS_VISITOR', 11], ['MEMBER', 11, 50]]),
        life('c-start', [['CONTACT', 12]], { channel: 'EMAIL' }),
        life('c-member', [['CONTACT', 13], ['MEMBER', 14]], { channel: undefined }),
        life('m-start', [['MEMBER', 15]]),
        // converted only after the period: a visitor still
        life('v-contact-tomorrow', [['ANONYMOUS_VISITOR', 20], ['CONTACT', 26]], { channel: 'SMS' }),
        // not of the cohort: first wrote the day before, or at the period's end
        life('before', [['ANONYMOUS_VISITOR', -3], ['CONTACT', 9]]),
        life('at-end', [['ANONYMOUS_VISITOR', 24]]),
        // no message yet (a merge seen first)
        conversation({ conversationId: 'no-message', participantType: 'CONTACT' }),
        // another site's
        life('other-site', [['ANONYMOUS_VISITOR', 9], ['CONTACT', 10]], { instanceId: SITE_B }),
      ];
      for (const record of records) await store().putConversation(record);

      expect(await store().conversionFunnel(SITE_A, PERIOD)).toStrictEqual({
        wrote: 8,
        startedAs: { ANONYMOUS_VISITOR: 5, CONTACT: 2, MEMBER: 1 },
        contacts: 6,
        members: 4,
        becameContact: 3,
        becameMember: 3,
        rates: { contact: 6 / 8, member: 4 / 8, visitorToContact: 3 / 5, toMember: 3 / 7 },
        // to contact: 10, 30, 50 min; to member: 50 (v-member-at-once), 60 (c-member), 120 min (v-contact-member)
        medianToContactMs: 30 * MIN,
        medianToMemberMs: 60 * MIN,
        byChannel: [
          { channel: 'CHAT', wrote: 4, contacts: 3, members: 3 },
          { channel: 'EMAIL', wrote: 2, contacts: 2, members: 0 },
          { channel: 'SMS', wrote: 1, contacts: 0, members: 0 },
          { channel: 'unknown', wrote: 1, contacts: 1, members: 1 },
        ],
      });
    });

    it('takes the mean of the two middle times for an even count, and follows a record as it changes', async () => {
      await store().putConversation(life('a', [['ANONYMOUS_VISITOR', 9], ['CONTACT', 9, 4]]));
      await store().putConversation(life('b', [['ANONYMOUS_VISITOR', 9]]));
      const before = await store().conversionFunnel(SITE_A, PERIOD);
      expect([before.contacts, before.medianToContactMs]).toStrictEqual([1, 4 * MIN]);
      await store().putConversation(life('b', [['ANONYMOUS_VISITOR', 9], ['CONTACT', 9, 7]]));
      const after = await store().conversionFunnel(SITE_A, PERIOD);
      expect([after.wrote, after.contacts, after.becameContact, after.medianToContactMs]).toStrictEqual([2, 2, 2, Math.round(5.5 * MIN)]);
      await store().removeConversation(SITE_A, 'a');
      expect((await store().conversionFunnel(SITE_A, PERIOD)).wrote).toBe(1);
    });
  });
}
