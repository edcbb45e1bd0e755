import { describe, expect, it } from 'vitest';
import type { ParticipantIds, ParticipantType } from '../../../src/core/participant.js';
import {
  classifySender,
  type IncomingMessageFacts,
  type NotParticipantReason,
  type SenderIds,
  type WebhookIdentity,
} from '../../../src/core/sender.js';
import {
  CONTACT_ID,
  MEMBER_ID,
  OTHER_APP_ID,
  OTHER_MEMBER_ID,
  OTHER_VISITOR_ID,
  THIS_APP_ID,
  VISITOR_ID,
  WIX_USER_ID,
} from './fixtures.js';

const IN = 'PARTICIPANT_TO_BUSINESS';
const OUT = 'BUSINESS_TO_PARTICIPANT';

/** `message.sender` as the SDK hands it: every IdentificationData key present, the unused ones null. */
function sender(ids: SenderIds): SenderIds {
  return { anonymousVisitorId: null, contactId: null, memberId: null, wixUserId: null, appId: null, ...ids };
}

const identities: Record<string, WebhookIdentity | undefined> = {
  'no identity': undefined,
  'ANONYMOUS_VISITOR identity': { identityType: 'ANONYMOUS_VISITOR', anonymousVisitorId: VISITOR_ID },
  'MEMBER identity': { identityType: 'MEMBER', memberId: MEMBER_ID },
  'UNKNOWN identity': { identityType: 'UNKNOWN' },
};

const V = { anonymousVisitorId: VISITOR_ID };
const C = { contactId: CONTACT_ID };
const M = { memberId: MEMBER_ID };

/**
 * Every sender shape a participant's message can have, against every identity a participant can arrive with.
 * The sender decides; the identity only completes it when it names the same kind of person.
 */
const PARTICIPANT_CASES: Array<[string, SenderIds, string, ParticipantType | 'NO_SENDER', ParticipantIds?]> = [
  ['empty sender', {}, 'no identity', 'NO_SENDER'],
  ['empty sender', {}, 'ANONYMOUS_VISITOR identity', 'ANONYMOUS_VISITOR', V],
  ['empty sender', {}, 'MEMBER identity', 'MEMBER', M],
  ['empty sender', {}, 'UNKNOWN identity', 'NO_SENDER'],

  ['visitor sender', V, 'no identity', 'ANONYMOUS_VISITOR', V],
  ['visitor sender', V, 'ANONYMOUS_VISITOR identity', 'ANONYMOUS_VISITOR', V],
  ['visitor sender', V, 'MEMBER identity', 'ANONYMOUS_VISITOR', V],
  ['visitor sender', V, 'UNKNOWN identity', 'ANONYMOUS_VISITOR', V],

  // There is no CONTACT identity type: a contact who is not a member arrives as a visitor or with no identity.
  ['contact sender', C, 'no identity', 'CONTACT', C],
  ['contact sender', C, 'ANONYMOUS_VISITOR identity', 'CONTACT', { ...V, ...C }],
  ['contact sender', C, 'MEMBER identity', 'MEMBER', { ...C, ...M }],
  ['contact sender', C, 'UNKNOWN identity', 'CONTACT', C],

  ['member sender', M, 'no identity', 'MEMBER', M],
  ['member sender', M, 'ANONYMOUS_VISITOR identity', 'MEMBER', { ...V, ...M }],
  ['member sender', M, 'MEMBER identity', 'MEMBER', M],
  ['member sender', M, 'UNKNOWN identity', 'MEMBER', M],

  // A member may carry their contact ID too.
  ['member sender with contact ID', { ...M, ...C }, 'no identity', 'MEMBER', { ...C, ...M }],
  ['member sender with contact ID', { ...M, ...C }, 'ANONYMOUS_VISITOR identity', 'MEMBER', { ...V, ...C, ...M }],
  ['member sender with contact ID', { ...M, ...C }, 'MEMBER identity', 'MEMBER', { ...C, ...M }],
  ['member sender with contact ID', { ...M, ...C }, 'UNKNOWN identity', 'MEMBER', { ...C, ...M }],
];

describe('classifySender — participants', () => {
  it.each(PARTICIPANT_CASES)('%s with %s → %s', (_label, ids, identityName, expected, expectedIds) => {
    const verdict = classifySender({ sender: sender(ids), direction: IN }, identities[identityName]);
    if (expected === 'NO_SENDER') {
      expect(verdict).toStrictEqual({ kind: 'not-participant', reason: 'NO_SENDER' });
    } else {
      expect(verdict).toStrictEqual({ kind: 'participant', participant: { type: expected, ids: expectedIds } });
    }
  });

  it('prefers the sender’s own IDs over a different person named by the identity', () => {
    const fromVisitor = classifySender(
      { sender: sender(V), direction: IN },
      { identityType: 'ANONYMOUS_VISITOR', anonymousVisitorId: OTHER_VISITOR_ID },
    );
    const fromMember = classifySender({ sender: sender(M), direction: IN }, { identityType: 'MEMBER', memberId: OTHER_MEMBER_ID });
    expect(fromVisitor).toMatchObject({ participant: { ids: { anonymousVisitorId: VISITOR_ID } } });
    expect(fromMember).toMatchObject({ participant: { ids: { memberId: MEMBER_ID } } });
  });

  it.each([IN, undefined, null, 'UNKNOWN_DIRECTION'])('counts direction %s as the participant writing', (direction) => {
    expect(classifySender({ sender: sender(C), direction })).toMatchObject({ kind: 'participant' });
  });

  it('ignores an identity that names its type but carries no ID', () => {
    expect(classifySender({ sender: {}, direction: IN }, { identityType: 'MEMBER', memberId: null })).toStrictEqual({
      kind: 'not-participant',
      reason: 'NO_SENDER',
    });
    expect(classifySender({ sender: {}, direction: IN }, { identityType: 'ANONYMOUS_VISITOR' })).toStrictEqual({
      kind: 'not-participant',
      reason: 'NO_SENDER',
    });
  });

  it.each<[string, IncomingMessageFacts]>([
    ['a missing sender', { direction: IN }],
    ['a null sender', { sender: null, direction: IN }],
    ['a sender with every ID null', { sender: sender({}), direction: IN }],
    ['a sender with empty IDs', { sender: { anonymousVisitorId: '', contactId: '', memberId: '' }, direction: IN }],
  ])('finds no participant in %s without an identity', (_label, message) => {
    expect(classifySender(message)).toStrictEqual({ kind: 'not-participant', reason: 'NO_SENDER' });
    expect(classifySender(message, null)).toStrictEqual({ kind: 'not-participant', reason: 'NO_SENDER' });
  });
});

describe('classifySender — senders that are not participants', () => {
  it.each<[string, IncomingMessageFacts, WebhookIdentity | undefined, NotParticipantReason]>([
    ['the business writing to the participant', { sender: sender(C), direction: OUT }, undefined, 'BUSINESS_DIRECTION'],
    ['this app’s own auto-reply', { sender: sender({ appId: THIS_APP_ID }), direction: OUT, appId: THIS_APP_ID }, { identityType: 'APP', appId: THIS_APP_ID }, 'BUSINESS_DIRECTION'],
    ['an app as sender', { sender: sender({ appId: OTHER_APP_ID }), direction: IN }, undefined, 'SENT_BY_APP'],
    ['an app on the message only', { sender: sender(C), direction: IN, appId: OTHER_APP_ID }, undefined, 'SENT_BY_APP'],
    ['an APP identity', { sender: sender(C), direction: IN }, { identityType: 'APP', appId: OTHER_APP_ID }, 'SENT_BY_APP'],
    ['a Wix user as sender', { sender: sender({ wixUserId: WIX_USER_ID }), direction: IN }, undefined, 'SENT_BY_BUSINESS_USER'],
    ['a WIX_USER identity', { sender: sender(V), direction: IN }, { identityType: 'WIX_USER', wixUserId: WIX_USER_ID }, 'SENT_BY_BUSINESS_USER'],
    ['a Wix user with a contact ID', { sender: sender({ wixUserId: WIX_USER_ID, ...C }), direction: IN }, undefined, 'SENT_BY_BUSINESS_USER'],
  ])('%s → %s', (_label, message, identity, reason) => {
    expect(classifySender(message, identity)).toStrictEqual({ kind: 'not-participant', reason });
  });

  it.each<[string, IncomingMessageFacts, WebhookIdentity | undefined, NotParticipantReason]>([
    ['business direction before app', { sender: sender({ appId: OTHER_APP_ID }), direction: OUT }, undefined, 'BUSINESS_DIRECTION'],
    ['business direction before Wix user', { sender: sender({ wixUserId: WIX_USER_ID }), direction: OUT }, undefined, 'BUSINESS_DIRECTION'],
    ['app before Wix user (sender)', { sender: sender({ wixUserId: WIX_USER_ID, appId: OTHER_APP_ID }), direction: IN }, undefined, 'SENT_BY_APP'],
    ['app before Wix user (identity)', { sender: sender({ wixUserId: WIX_USER_ID }), direction: IN }, { identityType: 'APP', appId: OTHER_APP_ID }, 'SENT_BY_APP'],
  ])('gives one reason when several apply: %s', (_label, message, identity, reason) => {
    expect(classifySender(message, identity)).toStrictEqual({ kind: 'not-participant', reason });
  });

  it.each(['ANONYMOUS_VISITOR', 'MEMBER', 'UNKNOWN'])('ignores a null appId / wixUserId with %s identity', (identityType) => {
    const verdict = classifySender(
      { sender: sender({ ...M }), direction: IN, appId: null },
      { identityType, memberId: MEMBER_ID, appId: null, wixUserId: null },
    );
    expect(verdict).toMatchObject({ kind: 'participant', participant: { type: 'MEMBER' } });
  });
});
