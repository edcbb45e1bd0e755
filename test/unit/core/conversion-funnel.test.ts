import { describe, expect, it } from 'vitest';
import type { ConversationRecord, TypeChange } from '../../../src/core/conversation.js';
import { funnelOf, funnelPersonOf, median, type FunnelPerson } from '../../../src/core/conversion-funnel.js';
import type { ParticipantType } from '../../../src/core/participant.js';
import { at, SITE } from './fixtures.js';

const V: ParticipantType = 'ANONYMOUS_VISITOR';
const C: ParticipantType = 'CONTACT';
const M: ParticipantType = 'MEMBER';
const MIN = 60_000;

/** [from, to) = minutes 0 to 60 after 10:00 on 1 March 2025. */
const PERIOD = { from: at(0), to: at(60) };

function record(steps: [ParticipantType, number][], overrides: Partial<ConversationRecord> = {}): ConversationRecord {
  const typeHistory: TypeChange[] = steps.map(([type, minute]) => ({ type, at: at(minute), conversationId: `c-${type}` }));
  return {
    instanceId: SITE,
    conversationId: 'c',
    participantType: steps.at(-1)?.[0] ?? V,
    participant: {},
    displayName: 'x',
    channel: 'CHAT',
    firstMessageAt: at(steps[0]?.[1] ?? 0),
    lastMessageAt: at(steps.at(-1)?.[1] ?? 0),
    messageCount: 1,
    mergedFrom: [],
    typeHistory,
    resolution: 'resolved',
    updatedAt: at(0),
    ...overrides,
  };
}

describe('funnelPersonOf: the funnel view of one record', () => {
  const cases: { name: string; record: ConversationRecord; expected: FunnelPerson | undefined }[] = [
    { name: 'a visitor who never left details', record: record([[V, 5]]), expected: { firstMessageAt: at(5), startedAs: V, channel: 'CHAT' } },
    {
      name: 'visitor → contact → member',
      record: record([[V, 5], [C, 15], [M, 40]]),
      expected: { firstMessageAt: at(5), startedAs: V, contactAt: at(15), memberAt: at(40), channel: 'CHAT' },
    },
    {
      name: 'a visitor who registered at once reached contact when they became a member',
      record: record([[V, 5], [M, 20]]),
      expected: { firstMessageAt: at(5), startedAs: V, contactAt: at(20), memberAt: at(20), channel: 'CHAT' },
    },
    {
      name: 'someone who first wrote as a contact did not become one; registering later counts',
      record: record([[C, 5], [M, 30]]),
      expected: { firstMessageAt: at(5), startedAs: C, memberAt: at(30), channel: 'CHAT' },
    },
    { name: 'a member from the start converts to nothing', record: record([[M, 5]]), expected: { firstMessageAt: at(5), startedAs: M, channel: 'CHAT' } },
    {
      name: 'no type history: the current type is the start',
      record: record([], { participantType: C, firstMessageAt: at(3) }),
      expected: { firstMessageAt: at(3), startedAs: C, channel: 'CHAT' },
    },
    { name: 'no channel stays absent', record: record([[V, 5]], { channel: undefined }), expected: { firstMessageAt: at(5), startedAs: V } },
    { name: 'no message yet: not in any funnel', record: record([[V, 5]], { firstMessageAt: undefined }), expected: undefined },
  ];
  it.each(cases)('$name', ({ record: r, expected }) => {
    expect(funnelPersonOf(r)).toStrictEqual(expected);
  });

  it('reads a history given out of order', () => {
    const r = record([[M, 40], [V, 5], [C, 15]]);
    expect(funnelPersonOf(r)).toMatchObject({ startedAs: V, contactAt: at(15), memberAt: at(40) });
  });
});

const person = (startedAs: ParticipantType, first: number, more: Partial<FunnelPerson> = {}): FunnelPerson =>
  ({ firstMessageAt: at(first), startedAs, channel: 'CHAT', ...more });

describe('funnelOf: who counts, and what a conversion is', () => {
  const cases: { name: string; people: FunnelPerson[]; expected: Partial<ReturnType<typeof funnelOf>> }[] = [
    {
      name: 'nobody wrote: zeros, and no rate or median (nothing to divide by)',
      people: [],
      expected: {
        wrote: 0, contacts: 0, members: 0, becameContact: 0, becameMember: 0,
        rates: { contact: null, member: null, visitorToContact: null, toMember: null },
        medianToContactMs: null, medianToMemberMs: null, byChannel: [],
      },
    },
    {
      name: 'only a first message inside [from, to) counts: at `from` yes, at `to` no, before `from` no',
      people: [person(V, 0), person(V, 60), person(V, -10, { contactAt: at(30) })],
      expected: { wrote: 1, contacts: 0, startedAs: { ANONYMOUS_VISITOR: 1, CONTACT: 0, MEMBER: 0 } },
    },
    {
      name: 'a visitor converts when they leave details before the period ends; after it, not (yet)',
      people: [person(V, 0, { contactAt: at(10) }), person(V, 5, { contactAt: at(70) })],
      expected: { wrote: 2, contacts: 1, becameContact: 1, medianToContactMs: 10 * MIN, rates: { contact: 0.5, member: 0, visitorToContact: 0.5, toMember: 0 } },
    },
    {
      name: 'who starts as a contact is a contact but did not become one; who starts as a member is both',
      people: [person(C, 0), person(M, 1), person(V, 2)],
      expected: {
        wrote: 3, contacts: 2, members: 1, becameContact: 0, becameMember: 0, medianToContactMs: null,
        rates: { contact: 2 / 3, member: 1 / 3, visitorToContact: 0, toMember: 0 },
      },
    },
    {
      name: 'a contact who registers becomes a member (and the median counts from their first message)',
      people: [person(C, 0, { memberAt: at(30) })],
      expected: { contacts: 1, members: 1, becameContact: 0, becameMember: 1, medianToMemberMs: 30 * MIN, rates: { contact: 1, member: 1, visitorToContact: null, toMember: 1 } },
    },
    {
      name: 'medians: odd count takes the middle, even the mean of the two middle ones',
      people: [
        person(V, 0, { contactAt: at(1), memberAt: at(10) }),
        person(V, 0, { contactAt: at(3), memberAt: at(20) }),
        person(V, 0, { contactAt: at(50) }),
      ],
      expected: { becameContact: 3, becameMember: 2, medianToContactMs: 3 * MIN, medianToMemberMs: 15 * MIN },
    },
    {
      name: 'a conversion stamped before the first message took no time',
      people: [person(V, 10, { contactAt: at(8) })],
      expected: { becameContact: 1, medianToContactMs: 0 },
    },
    {
      name: 'channels: most people first, then by name; no channel is "unknown"',
      people: [
        person(V, 0, { channel: 'EMAIL', contactAt: at(2) }),
        person(V, 0, { channel: 'CHAT' }),
        person(M, 0, { channel: 'CHAT' }),
        person(V, 0, { channel: undefined }),
        person(C, 0, { channel: 'SMS' }),
      ],
      expected: {
        byChannel: [
          { channel: 'CHAT', wrote: 2, contacts: 1, members: 1 },
          { channel: 'EMAIL', wrote: 1, contacts: 1, members: 0 },
          { channel: 'SMS', wrote: 1, contacts: 1, members: 0 },
          { channel: 'unknown', wrote: 1, contacts: 0, members: 0 },
        ],
      },
    },
  ];
  it.each(cases)('$name', ({ people, expected }) => {
    expect(funnelOf(people, PERIOD)).toMatchObject(expected);
  });

  it('passes a sample through, and leaves it out otherwise', () => {
    expect(funnelOf([person(V, 1)], PERIOD, { people: 1, of: 5 }).sample).toStrictEqual({ people: 1, of: 5 });
    expect('sample' in funnelOf([person(V, 1)], PERIOD)).toBe(false);
  });

  it('the figures add up for any mix (contacts ≥ members, channels sum to the whole)', () => {
    const kinds: FunnelPerson[] = [person(V, 1), person(V, 2, { contactAt: at(3) }), person(V, 4, { contactAt: at(9), memberAt: at(9) }), person(C, 5), person(C, 6, { memberAt: at(7) }), person(M, 8)];
    for (let mask = 1; mask < 1 << kinds.length; mask++) {
      const f = funnelOf(kinds.filter((_, i) => mask & (1 << i)), PERIOD);
      expect(f.contacts).toBeGreaterThanOrEqual(f.members);
      expect(f.wrote).toBeGreaterThanOrEqual(f.contacts);
      expect(f.byChannel.reduce((sum, row) => sum + row.wrote, 0)).toBe(f.wrote);
      expect(f.startedAs.ANONYMOUS_VISITOR + f.startedAs.CONTACT + f.startedAs.MEMBER).toBe(f.wrote);
    }
  });
});

describe('median', () => {
  it.each([
    { values: [], expected: null },
    { values: [7], expected: 7 },
    { values: [9, 1, 5], expected: 5 },
    { values: [4, 1, 3, 2], expected: 3 },
    { values: [1, 2], expected: 2 },
  ])('$values → $expected', ({ values, expected }) => {
    expect(median(values)).toBe(expected);
  });
});
