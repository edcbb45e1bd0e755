import { describe, expect, it } from 'vitest';
import {
  currentParticipantId,
  laterType,
  mergeIds,
  participantKeys,
  participantOf,
  PARTICIPANT_TYPES,
  typeOf,
  type ParticipantIds,
  type ParticipantType,
} from '../../../src/core/participant.js';
import { CONTACT_ID, frozen, MEMBER_ID, OTHER_MEMBER_ID, OTHER_VISITOR_ID, VISITOR_ID } from './fixtures.js';

const V = { anonymousVisitorId: VISITOR_ID };
const C = { contactId: CONTACT_ID };
const M = { memberId: MEMBER_ID };

/** Every combination of the three participant IDs, with what it proves and what Get Or Create Conversation needs. */
const ID_COMBINATIONS: Array<[string, ParticipantIds, ParticipantType | undefined, object | undefined, string[]]> = [
  ['no ID', {}, undefined, undefined, []],
  ['visitor ID', V, 'ANONYMOUS_VISITOR', V, [`visitor:${VISITOR_ID}`]],
  ['contact ID', C, 'CONTACT', C, [`contact:${CONTACT_ID}`]],
  ['member ID', M, 'MEMBER', M, [`member:${MEMBER_ID}`]],
  ['visitor + contact IDs', { ...V, ...C }, 'CONTACT', C, [`contact:${CONTACT_ID}`, `visitor:${VISITOR_ID}`]],
  ['visitor + member IDs', { ...V, ...M }, 'MEMBER', M, [`member:${MEMBER_ID}`, `visitor:${VISITOR_ID}`]],
  ['contact + member IDs', { ...C, ...M }, 'MEMBER', M, [`member:${MEMBER_ID}`, `contact:${CONTACT_ID}`]],
  ['all three IDs', { ...V, ...C, ...M }, 'MEMBER', M, [`member:${MEMBER_ID}`, `contact:${CONTACT_ID}`, `visitor:${VISITOR_ID}`]],
];

describe('typeOf', () => {
  it.each(ID_COMBINATIONS)('%s → %s', (_label, ids, type) => {
    expect(typeOf(ids)).toBe(type);
  });

  it('treats empty-string IDs as absent', () => {
    expect(typeOf({ anonymousVisitorId: '', contactId: '', memberId: '' })).toBeUndefined();
    expect(typeOf({ anonymousVisitorId: VISITOR_ID, memberId: '' })).toBe('ANONYMOUS_VISITOR');
  });
});

describe('currentParticipantId (what Get Or Create Conversation takes)', () => {
  it.each(ID_COMBINATIONS)('%s → the most current ID', (_label, ids, _type, expected) => {
    expect(currentParticipantId(ids)).toStrictEqual(expected);
  });

  it('always names exactly one ID', () => {
    for (const [, ids, , expected] of ID_COMBINATIONS) {
      if (expected) expect(Object.keys(currentParticipantId(ids)!)).toHaveLength(1);
    }
  });
});

describe('laterType', () => {
  it('orders the lifecycle visitor → contact → member', () => {
    expect(PARTICIPANT_TYPES).toEqual(['ANONYMOUS_VISITOR', 'CONTACT', 'MEMBER']);
  });

  it.each<[ParticipantType, ParticipantType, ParticipantType]>([
    ['ANONYMOUS_VISITOR', 'ANONYMOUS_VISITOR', 'ANONYMOUS_VISITOR'],
    ['ANONYMOUS_VISITOR', 'CONTACT', 'CONTACT'],
    ['ANONYMOUS_VISITOR', 'MEMBER', 'MEMBER'],
    ['CONTACT', 'CONTACT', 'CONTACT'],
    ['CONTACT', 'MEMBER', 'MEMBER'],
    ['MEMBER', 'MEMBER', 'MEMBER'],
  ])('%s and %s → %s, in either order', (a, b, later) => {
    expect(laterType(a, b)).toBe(later);
    expect(laterType(b, a)).toBe(later);
  });
});

describe('mergeIds', () => {
  it('keeps every ID either sighting knew', () => {
    expect(mergeIds(V, { ...C, ...M })).toEqual({ ...V, ...C, ...M });
    expect(mergeIds({ ...C, ...M }, V)).toEqual({ ...V, ...C, ...M });
  });

  it('lets the newer sighting win where both name an ID of the same kind', () => {
    expect(mergeIds({ ...V, ...M }, { anonymousVisitorId: OTHER_VISITOR_ID, memberId: OTHER_MEMBER_ID })).toEqual({
      anonymousVisitorId: OTHER_VISITOR_ID,
      memberId: OTHER_MEMBER_ID,
    });
  });

  it('never forgets an older ID because the newer sighting lacks it', () => {
    expect(mergeIds({ ...V, ...C, ...M }, {})).toEqual({ ...V, ...C, ...M });
  });

  it('does not change its inputs', () => {
    const older = frozen({ ...V });
    const newer = frozen({ ...C });
    expect(() => mergeIds(older, newer)).not.toThrow();
    expect(older).toEqual(V);
    expect(newer).toEqual(C);
  });
});

describe('participantOf', () => {
  it.each(ID_COMBINATIONS)('%s → %s', (_label, ids, type) => {
    expect(participantOf(ids)).toStrictEqual(type ? { type, ids } : undefined);
  });

  it('makes a contact that the Members API links to a member a member, keeping both IDs', () => {
    expect(participantOf(C, MEMBER_ID)).toStrictEqual({ type: 'MEMBER', ids: { ...C, ...M } });
    expect(participantOf({ ...V, ...C }, MEMBER_ID)).toStrictEqual({ type: 'MEMBER', ids: { ...V, ...C, ...M } });
  });

  it('keeps the member ID the sender named over the linked one', () => {
    expect(participantOf({ ...C, ...M }, OTHER_MEMBER_ID)?.ids.memberId).toBe(MEMBER_ID);
  });

  it('leaves a contact a contact when no member is linked', () => {
    expect(participantOf(C, undefined)).toStrictEqual({ type: 'CONTACT', ids: C });
    expect(participantOf(C, '')).toStrictEqual({ type: 'CONTACT', ids: C });
  });

  it('drops empty and missing IDs rather than storing them', () => {
    const ids = { anonymousVisitorId: '', contactId: CONTACT_ID, memberId: undefined };
    expect(participantOf(ids)).toStrictEqual({ type: 'CONTACT', ids: C });
  });

  it('does not change the IDs it was given', () => {
    const ids = frozen({ ...C });
    participantOf(ids, MEMBER_ID);
    expect(ids).toEqual(C);
  });
});

describe('participantKeys', () => {
  it.each(ID_COMBINATIONS)('%s → one key per ID, most current first', (_label, ids, _type, _current, keys) => {
    expect(participantKeys(ids)).toEqual(keys);
  });

  it('keeps the same raw ID of different kinds apart', () => {
    const raw = '00000000-0000-4000-8000-000000000001';
    expect(participantKeys({ anonymousVisitorId: raw, contactId: raw, memberId: raw })).toEqual([
      `member:${raw}`,
      `contact:${raw}`,
      `visitor:${raw}`,
    ]);
  });
});
