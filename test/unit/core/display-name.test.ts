import { describe, expect, it } from 'vitest';
import { detailsFromDisplayName, displayName, shortTag, type PersonDetails } from '../../../src/core/display-name.js';
import type { ParticipantType } from '../../../src/core/participant.js';
import { CONTACT_ID, MEMBER_ID, OTHER_VISITOR_ID, VISITOR_ID } from './fixtures.js';

const ALL_IDS = { anonymousVisitorId: VISITOR_ID, contactId: CONTACT_ID, memberId: MEMBER_ID };

const full: PersonDetails = {
  firstName: 'Inês',
  lastName: 'Carvalho',
  nickname: 'ines.c',
  email: 'ines@example.pt',
  phone: '+351 912 345 678',
};

/** Removes one field after another, to show which one each type of participant falls back to. */
const without = (...keys: Array<keyof PersonDetails>): PersonDetails =>
  Object.fromEntries(Object.entries(full).filter(([key]) => !keys.includes(key as keyof PersonDetails)));

describe('displayName — a member', () => {
  it.each<[string, PersonDetails, string]>([
    ['by nickname first', full, 'ines.c'],
    ['by full name without a nickname', without('nickname'), 'Inês Carvalho'],
    ['by email without any name', without('nickname', 'firstName', 'lastName'), 'ines@example.pt'],
    ['by phone without name or email', without('nickname', 'firstName', 'lastName', 'email'), '+351 912 345 678'],
    ['by a tag of the member ID with no details', {}, 'Member #B5C6'],
  ])('is named %s', (_label, details, expected) => {
    expect(displayName('MEMBER', ALL_IDS, details)).toBe(expected);
  });
});

describe('displayName — a contact', () => {
  it.each<[string, PersonDetails, string]>([
    ['by full name first', full, 'Inês Carvalho'],
    ['by first name alone', { firstName: 'Inês', nickname: 'ines.c' }, 'Inês'],
    ['by last name alone', { lastName: 'Carvalho', email: 'ines@example.pt' }, 'Carvalho'],
    ['by nickname without a name', without('firstName', 'lastName'), 'ines.c'],
    ['by email without any name', without('nickname', 'firstName', 'lastName'), 'ines@example.pt'],
    ['by phone without name or email', { phone: '+351 912 345 678' }, '+351 912 345 678'],
    ['by a tag of the contact ID with no details', {}, 'Contact #9E8D'],
  ])('is named %s', (_label, details, expected) => {
    expect(displayName('CONTACT', { anonymousVisitorId: VISITOR_ID, contactId: CONTACT_ID }, details)).toBe(expected);
  });
});

describe('displayName — an anonymous visitor', () => {
  it('is "Visitor" with a tag from their ID', () => {
    expect(displayName('ANONYMOUS_VISITOR', { anonymousVisitorId: VISITOR_ID })).toBe('Visitor #1A2B');
  });

  it('tells two visitors apart', () => {
    const first = displayName('ANONYMOUS_VISITOR', { anonymousVisitorId: VISITOR_ID });
    const second = displayName('ANONYMOUS_VISITOR', { anonymousVisitorId: OTHER_VISITOR_ID });
    expect(second).toBe('Visitor #3C4D');
    expect(second).not.toBe(first);
  });

  it('is plain "Visitor" when not even a visitor ID is known', () => {
    expect(displayName('ANONYMOUS_VISITOR', {})).toBe('Visitor');
  });
});

describe('displayName — fallbacks and cleaning', () => {
  it.each<[ParticipantType, string]>([
    ['ANONYMOUS_VISITOR', 'Visitor #1A2B'],
    ['CONTACT', 'Contact #9E8D'],
    ['MEMBER', 'Member #B5C6'],
  ])('tags a %s by the ID of its own kind, whatever else is known', (type, expected) => {
    expect(displayName(type, ALL_IDS)).toBe(expected);
  });

  it.each<[ParticipantType, string]>([
    ['CONTACT', 'Contact'],
    ['MEMBER', 'Member'],
  ])('labels a %s without its own ID by the label alone', (type, expected) => {
    expect(displayName(type, { anonymousVisitorId: VISITOR_ID })).toBe(expected);
  });

  it('skips blank fields and trims the one it uses', () => {
    const details = { nickname: '   ', firstName: ' ', lastName: '\t', email: '  ines@example.pt \n', phone: '+351 912 345 678' };
    expect(displayName('MEMBER', ALL_IDS, details)).toBe('ines@example.pt');
    expect(displayName('CONTACT', ALL_IDS, details)).toBe('ines@example.pt');
  });

  it('joins first and last name with one space, trimming each', () => {
    expect(displayName('CONTACT', ALL_IDS, { firstName: '  Inês ', lastName: ' Carvalho  ' })).toBe('Inês Carvalho');
    expect(displayName('CONTACT', ALL_IDS, { firstName: '', lastName: 'Carvalho' })).toBe('Carvalho');
  });

  it('falls back to the tag when every field is blank', () => {
    expect(displayName('CONTACT', ALL_IDS, { firstName: ' ', email: '', phone: '  ' })).toBe('Contact #9E8D');
  });

  it('uses what a visitor’s details say if the Directory has any', () => {
    expect(displayName('ANONYMOUS_VISITOR', { anonymousVisitorId: VISITOR_ID }, { email: 'guest@example.org' })).toBe('guest@example.org');
  });
});

describe('shortTag', () => {
  it.each([
    [VISITOR_ID, '#1A2B'],
    ['A3F1C9E2-7B4D-4E6A-9C21-0D8E5F6A1A2B', '#1A2B'],
    ['0d8e5f6a-1a-2b', '#1A2B'],
    ['ab', '#AB'],
    ['guest-zz', '#E'],
    ['xyz', '#XYZ'],
    ['quartz-xylo', '#A'],
  ])('%s → %s', (id, tag) => {
    expect(shortTag(id)).toBe(tag);
  });

  it('is four readable characters for a GUID', () => {
    expect(shortTag(CONTACT_ID)).toMatch(/^#[0-9A-F]{4}$/);
  });
});

describe('detailsFromDisplayName — the name Inbox shows, until Contacts or Members tell more', () => {
  it('reads a contact\'s shown name as first and last name, keeping a multi-word last name whole', () => {
    expect(detailsFromDisplayName('CONTACT', 'Noor Haddad')).toEqual({ firstName: 'Noor', lastName: 'Haddad' });
    expect(detailsFromDisplayName('CONTACT', '  Ana  de la Cruz ')).toEqual({ firstName: 'Ana', lastName: 'de la Cruz' });
    expect(detailsFromDisplayName('CONTACT', 'Kwame')).toEqual({ firstName: 'Kwame' });
  });

  it('reads an email or a phone number shown in place of a name as what it is, never as a first name', () => {
    expect(detailsFromDisplayName('CONTACT', 'kwame@example.gh')).toEqual({ email: 'kwame@example.gh' });
    expect(detailsFromDisplayName('CONTACT', '+44 (20) 7946-0958')).toEqual({ phone: '+44 (20) 7946-0958' });
  });

  it('reads a member\'s shown name as their nickname, and says nothing of a visitor or of an empty name', () => {
    expect(detailsFromDisplayName('MEMBER', 'annbakes')).toEqual({ nickname: 'annbakes' });
    expect(detailsFromDisplayName('ANONYMOUS_VISITOR', 'Visitor')).toEqual({});
    expect(detailsFromDisplayName('CONTACT', '   ')).toEqual({});
    expect(detailsFromDisplayName('CONTACT', undefined)).toEqual({});
  });

  it('says nothing of a placeholder shown for someone who left no name, so no greeting says "Hi Visitor"', () => {
    for (const shown of ['Visitor', 'visitor', 'Site Visitor', 'Guest', 'Guest 12', 'Contact #3F2A', 'Member #00A1', 'Unknown', 'Anonymous']) {
      expect(detailsFromDisplayName('CONTACT', shown), shown).toEqual({});
      expect(detailsFromDisplayName('MEMBER', shown), shown).toEqual({});
    }
    // A real name that only starts like one is a name.
    expect(detailsFromDisplayName('CONTACT', 'Guesta Moreno')).toEqual({ firstName: 'Guesta', lastName: 'Moreno' });
    expect(detailsFromDisplayName('CONTACT', 'Guest Abe')).toEqual({ firstName: 'Guest', lastName: 'Abe' });
    expect(detailsFromDisplayName('CONTACT', 'Contact Lens Shop')).toEqual({ firstName: 'Contact', lastName: 'Lens Shop' });
    expect(detailsFromDisplayName('MEMBER', 'visitor_42x')).toEqual({ nickname: 'visitor_42x' });
  });
});
