import { describe, expect, it } from 'vitest';
import type { AutoReplyStatus } from '../../../src/core/conversation.js';
import { applyPerson, foldMerge, recordMessage } from '../../../src/core/registry.js';
import {
  at,
  contact,
  contactOnly,
  CONTACT_ID,
  CONV_AS_CONTACT,
  CONV_AS_MEMBER,
  CONV_AS_VISITOR,
  CONV_OTHER,
  conversationRecord,
  frozen,
  member,
  MEMBER_ID,
  OTHER_VISITOR_ID,
  seenMerge,
  seenMessage,
  SITE,
  visitor,
  VISITOR_ID,
} from './fixtures.js';

describe('recordMessage — the first message of a conversation', () => {
  it('creates the record from the message', () => {
    expect(recordMessage(undefined, seenMessage())).toEqual({
      instanceId: SITE,
      conversationId: CONV_AS_VISITOR,
      participantType: 'ANONYMOUS_VISITOR',
      participant: { anonymousVisitorId: VISITOR_ID },
      displayName: 'Visitor #1A2B',
      channel: 'CHAT',
      firstMessageAt: at(0),
      lastMessageAt: at(0),
      lastMessagePreview: 'Hi, do you ship to Lisbon?',
      messageCount: 1,
      mergedFrom: [],
      typeHistory: [{ type: 'ANONYMOUS_VISITOR', at: at(0), conversationId: CONV_AS_VISITOR }],
      resolution: 'pending',
      updatedAt: at(0),
    });
  });

  it.each([
    ['visitor', visitor, 'Visitor #1A2B'],
    ['contact', contact, 'Contact #9E8D'],
    ['member', member, 'Member #B5C6'],
  ] as const)('starts a %s with a fallback name until the Directory answers', (_label, participant, name) => {
    const record = recordMessage(undefined, seenMessage({ participant, conversationId: CONV_OTHER }));
    expect(record).toMatchObject({
      participantType: participant.type,
      participant: participant.ids,
      displayName: name,
      resolution: 'pending',
      typeHistory: [{ type: participant.type, at: at(0), conversationId: CONV_OTHER }],
    });
  });

  it('remembers the conversations already merged into it (a merge that arrived before its first message)', () => {
    const record = recordMessage(undefined, seenMessage({ conversationId: CONV_AS_CONTACT }), [CONV_AS_VISITOR, CONV_AS_CONTACT]);
    expect(record.mergedFrom).toEqual([CONV_AS_VISITOR]);
  });

  it('adds the merged IDs handed in to a record that already exists, once each, never its own ID', () => {
    const existing = conversationRecord({ mergedFrom: [CONV_OTHER] });
    const record = recordMessage(existing, seenMessage({ at: at(1) }), [CONV_AS_CONTACT, CONV_OTHER, existing.conversationId]);
    expect(record.mergedFrom).toEqual([CONV_OTHER, CONV_AS_CONTACT]);
  });

  it('leaves preview and channel unset when the message has none', () => {
    const record = recordMessage(undefined, seenMessage({ preview: undefined, channel: undefined }));
    expect(record.lastMessagePreview).toBeUndefined();
    expect(record.channel).toBeUndefined();
    expect(record.messageCount).toBe(1);
  });
});

describe('recordMessage — later messages', () => {
  const first = recordMessage(undefined, seenMessage({ at: at(0), preview: 'Hi', channel: 'CHAT' }));

  it('counts the message and moves the last message time and preview forward', () => {
    const next = recordMessage(first, seenMessage({ at: at(5), preview: 'Still there?', channel: 'CHAT' }));
    expect(next).toMatchObject({
      messageCount: 2,
      firstMessageAt: at(0),
      lastMessageAt: at(5),
      lastMessagePreview: 'Still there?',
      updatedAt: at(5),
    });
  });

  it('keeps counting over many messages', () => {
    let record = first;
    for (let minute = 1; minute <= 9; minute++) record = recordMessage(record, seenMessage({ at: at(minute), preview: `#${minute}` }));
    expect(record).toMatchObject({ messageCount: 10, firstMessageAt: at(0), lastMessageAt: at(9), lastMessagePreview: '#9' });
    expect(record.typeHistory).toHaveLength(1);
  });

  it('treats a message at the same instant as the latest', () => {
    expect(recordMessage(first, seenMessage({ at: at(0), preview: 'Same second' })).lastMessagePreview).toBe('Same second');
  });

  it('moves to the channel of the latest message, and keeps the old one when the latest names none', () => {
    const onWhatsApp = recordMessage(first, seenMessage({ at: at(1), channel: 'WHATSAPP' }));
    expect(onWhatsApp.channel).toBe('WHATSAPP');
    expect(recordMessage(onWhatsApp, seenMessage({ at: at(2), channel: undefined })).channel).toBe('WHATSAPP');
  });

  it('keeps the previous preview when the latest message has no text (an image)', () => {
    expect(recordMessage(first, seenMessage({ at: at(1), preview: undefined })).lastMessagePreview).toBe('Hi');
    expect(recordMessage(first, seenMessage({ at: at(1), preview: ' \n\t ' })).lastMessagePreview).toBe('Hi');
  });

  it('does not change the record it was given', () => {
    const existing = frozen(conversationRecord());
    const copy = structuredClone(existing);
    recordMessage(existing, seenMessage({ at: at(3), participant: member }));
    expect(existing).toStrictEqual(copy);
  });
});

describe('recordMessage — preview', () => {
  it.each<[string, string, string]>([
    ['collapses whitespace and trims', '  Hello,\n\n  is the   blue one\tin stock?  ', 'Hello, is the blue one in stock?'],
    ['keeps 140 characters as they are', 'x'.repeat(140), 'x'.repeat(140)],
    ['cuts 141 characters to 139 and an ellipsis', 'y'.repeat(141), `${'y'.repeat(139)}…`],
    ['cuts a long message to 140 characters', 'Olá! '.repeat(100), `${'Olá! '.repeat(100).trim().slice(0, 139)}…`],
  ])('%s', (_label, text, expected) => {
    const record = recordMessage(undefined, seenMessage({ preview: text }));
    expect(record.lastMessagePreview).toBe(expected);
    expect(record.lastMessagePreview!.length).toBeLessThanOrEqual(140);
  });
});

describe('recordMessage — a late (older) message recorded into a newer record', () => {
  const newer = conversationRecord({
    conversationId: CONV_AS_MEMBER,
    participantType: 'MEMBER',
    participant: member.ids,
    displayName: 'ines.c',
    channel: 'WHATSAPP',
    firstMessageAt: at(10),
    lastMessageAt: at(20),
    lastMessagePreview: 'Newest words',
    messageCount: 3,
    typeHistory: [{ type: 'MEMBER', at: at(10), conversationId: CONV_AS_MEMBER }],
    resolution: 'resolved',
    updatedAt: at(20),
  });
  const late = recordMessage(newer, seenMessage({ conversationId: CONV_AS_MEMBER, participant: visitor, at: at(5), preview: 'Old words', channel: 'CHAT' }));

  it('counts it and moves the first message time back', () => {
    expect(late.messageCount).toBe(4);
    expect(late.firstMessageAt).toBe(at(5));
  });

  it('does not move the last message time, preview or channel backwards', () => {
    expect(late.lastMessageAt).toBe(at(20));
    expect(late.lastMessagePreview).toBe('Newest words');
    expect(late.channel).toBe('WHATSAPP');
  });

  it('never downgrades the type, keeps the name, and adds the earlier step to the history', () => {
    expect(late.participantType).toBe('MEMBER');
    expect(late.displayName).toBe('ines.c');
    expect(late.resolution).toBe('resolved');
    expect(late.typeHistory).toEqual([{ type: 'ANONYMOUS_VISITOR', at: at(5), conversationId: newer.conversationId }, ...newer.typeHistory]);
  });

  it('still learns the IDs the older message carried', () => {
    expect(late.participant).toEqual({ anonymousVisitorId: VISITOR_ID, contactId: CONTACT_ID, memberId: MEMBER_ID });
  });

  it('fills in a channel only when the record had none', () => {
    const noChannel = conversationRecord({ channel: undefined, lastMessageAt: at(20) });
    expect(recordMessage(noChannel, seenMessage({ at: at(5), channel: 'EMAIL' })).channel).toBe('EMAIL');
  });

  // BUG: upgradeType returns early when the type does not change, so a same-type message that is older than the
  // record's entry never moves the "first seen as" time back; foldMerge's normaliseHistory does (earliest wins).
  it('moves the first-seen time of its type back (history is "first time seen as", like after a merge)', () => {
    const record = conversationRecord({ firstMessageAt: at(10), lastMessageAt: at(10), typeHistory: [{ type: 'ANONYMOUS_VISITOR', at: at(10), conversationId: CONV_AS_VISITOR }] });
    const withLate = recordMessage(record, seenMessage({ at: at(5) }));
    expect(withLate.firstMessageAt).toBe(at(5));
    expect(withLate.typeHistory).toEqual([{ type: 'ANONYMOUS_VISITOR', at: at(5), conversationId: CONV_AS_VISITOR }]);
  });
});

describe('recordMessage — the person moves along the lifecycle in one conversation', () => {
  const asVisitor = recordMessage(undefined, seenMessage({ conversationId: CONV_OTHER, participant: visitor, at: at(0) }));
  const asContact = recordMessage(asVisitor, seenMessage({ conversationId: CONV_OTHER, participant: contact, at: at(3) }));
  const asMember = recordMessage(asContact, seenMessage({ conversationId: CONV_OTHER, participant: member, at: at(7) }));

  it('upgrades the type with each new kind of ID', () => {
    expect([asVisitor, asContact, asMember].map((r) => r.participantType)).toEqual(['ANONYMOUS_VISITOR', 'CONTACT', 'MEMBER']);
  });

  it('remembers each move with its time and conversation', () => {
    expect(asMember.typeHistory).toEqual([
      { type: 'ANONYMOUS_VISITOR', at: at(0), conversationId: CONV_OTHER },
      { type: 'CONTACT', at: at(3), conversationId: CONV_OTHER },
      { type: 'MEMBER', at: at(7), conversationId: CONV_OTHER },
    ]);
  });

  it('keeps every ID it was known by', () => {
    expect(asMember.participant).toEqual({ anonymousVisitorId: VISITOR_ID, contactId: CONTACT_ID, memberId: MEMBER_ID });
  });

  it('renames a not-yet-resolved record after its new type', () => {
    expect([asVisitor, asContact, asMember].map((r) => r.displayName)).toEqual(['Visitor #1A2B', 'Contact #9E8D', 'Member #B5C6']);
  });

  it('keeps a resolved name when the type moves on (until the Directory is asked again)', () => {
    const resolved = applyPerson(asContact, contact, { firstName: 'Inês', lastName: 'Carvalho' }, at(4));
    const upgraded = recordMessage(resolved, seenMessage({ conversationId: CONV_OTHER, participant: member, at: at(7) }));
    expect(upgraded.participantType).toBe('MEMBER');
    expect(upgraded.displayName).toBe('Inês Carvalho');
  });

  it('adds no history entry for more messages of the same type', () => {
    const again = recordMessage(asMember, seenMessage({ conversationId: CONV_OTHER, participant: member, at: at(9) }));
    expect(again.typeHistory).toEqual(asMember.typeHistory);
  });

  it('records a jump from visitor straight to member as one move', () => {
    const jumped = recordMessage(asVisitor, seenMessage({ conversationId: CONV_OTHER, participant: member, at: at(2) }));
    expect(jumped.typeHistory.map((c) => c.type)).toEqual(['ANONYMOUS_VISITOR', 'MEMBER']);
    expect(jumped.participantType).toBe('MEMBER');
  });
});

describe('foldMerge', () => {
  const visitorConversation = conversationRecord({
    conversationId: CONV_AS_VISITOR,
    channel: 'CHAT',
    firstMessageAt: at(0),
    lastMessageAt: at(4),
    lastMessagePreview: 'Can I book for Friday?',
    messageCount: 3,
    typeHistory: [{ type: 'ANONYMOUS_VISITOR', at: at(0), conversationId: CONV_AS_VISITOR }],
    resolution: 'resolved', // a visitor has nothing to look up: resolved with the fallback name
    updatedAt: at(4),
  });
  const contactConversation = conversationRecord({
    conversationId: CONV_AS_CONTACT,
    participantType: 'CONTACT',
    participant: contactOnly.ids,
    displayName: 'Inês Carvalho',
    email: 'ines@example.pt',
    channel: 'EMAIL',
    firstMessageAt: at(10),
    lastMessageAt: at(12),
    lastMessagePreview: 'Here is my email',
    messageCount: 2,
    typeHistory: [{ type: 'CONTACT', at: at(10), conversationId: CONV_AS_CONTACT }],
    resolution: 'resolved',
    updatedAt: at(13),
  });

  it('knows nothing to fold when neither target nor old conversations are known', () => {
    expect(foldMerge(undefined, [], seenMerge([CONV_AS_VISITOR], CONV_AS_CONTACT, at(20)))).toBeUndefined();
  });

  it('folds an old conversation into its target: counts, first seen, type history and old IDs survive', () => {
    const folded = foldMerge(contactConversation, [visitorConversation], seenMerge([CONV_AS_VISITOR], CONV_AS_CONTACT, at(20)));
    expect(folded).toEqual({
      ...contactConversation,
      participantType: 'CONTACT',
      participant: { anonymousVisitorId: VISITOR_ID, contactId: CONTACT_ID },
      firstMessageAt: at(0),
      lastMessageAt: at(12),
      lastMessagePreview: 'Here is my email',
      channel: 'EMAIL',
      messageCount: 5,
      mergedFrom: [CONV_AS_VISITOR],
      typeHistory: [
        { type: 'ANONYMOUS_VISITOR', at: at(0), conversationId: CONV_AS_VISITOR },
        { type: 'CONTACT', at: at(10), conversationId: CONV_AS_CONTACT },
      ],
      autoReply: undefined,
      updatedAt: at(20),
    });
  });

  it('takes preview and channel from whichever conversation had the latest message', () => {
    const quietTarget = { ...contactConversation, lastMessageAt: at(1), firstMessageAt: at(1), lastMessagePreview: 'Early', channel: 'EMAIL' };
    const folded = foldMerge(quietTarget, [visitorConversation], seenMerge([CONV_AS_VISITOR], CONV_AS_CONTACT, at(20)))!;
    expect(folded).toMatchObject({ lastMessageAt: at(4), lastMessagePreview: 'Can I book for Friday?', channel: 'CHAT' });
  });

  it('keeps the later type even when the old conversation had it', () => {
    const oldMember = conversationRecord({ conversationId: CONV_OTHER, participantType: 'MEMBER', participant: member.ids, typeHistory: [{ type: 'MEMBER', at: at(2), conversationId: CONV_OTHER }] });
    const folded = foldMerge(visitorConversation, [oldMember], seenMerge([CONV_OTHER], CONV_AS_VISITOR, at(20)))!;
    expect(folded.participantType).toBe('MEMBER');
    expect(folded.typeHistory.map((c) => [c.type, c.conversationId])).toEqual([
      ['ANONYMOUS_VISITOR', CONV_AS_VISITOR],
      ['MEMBER', CONV_OTHER],
    ]);
  });

  it('keeps one history entry per type, the earliest, oldest first', () => {
    const target = { ...contactConversation, typeHistory: [{ type: 'ANONYMOUS_VISITOR' as const, at: at(9), conversationId: CONV_AS_CONTACT }, ...contactConversation.typeHistory] };
    const folded = foldMerge(target, [visitorConversation], seenMerge([CONV_AS_VISITOR], CONV_AS_CONTACT, at(20)))!;
    expect(folded.typeHistory).toEqual([
      { type: 'ANONYMOUS_VISITOR', at: at(0), conversationId: CONV_AS_VISITOR },
      { type: 'CONTACT', at: at(10), conversationId: CONV_AS_CONTACT },
    ]);
  });

  it('lets the target’s IDs win where both name one of the same kind', () => {
    const target = { ...contactConversation, participant: { anonymousVisitorId: OTHER_VISITOR_ID, contactId: CONTACT_ID } };
    const folded = foldMerge(target, [visitorConversation], seenMerge([CONV_AS_VISITOR], CONV_AS_CONTACT, at(20)))!;
    expect(folded.participant).toEqual({ anonymousVisitorId: OTHER_VISITOR_ID, contactId: CONTACT_ID });
  });

  it('keeps the target’s name, email and instance', () => {
    const folded = foldMerge(contactConversation, [visitorConversation], seenMerge([CONV_AS_VISITOR], CONV_AS_CONTACT, at(20)))!;
    expect(folded).toMatchObject({ instanceId: SITE, displayName: 'Inês Carvalho', email: 'ines@example.pt', conversationId: CONV_AS_CONTACT });
  });

  it('folds several old conversations at once', () => {
    const other = conversationRecord({ conversationId: CONV_OTHER, firstMessageAt: at(6), lastMessageAt: at(7), messageCount: 4, typeHistory: [{ type: 'ANONYMOUS_VISITOR', at: at(6), conversationId: CONV_OTHER }] });
    const folded = foldMerge(contactConversation, [visitorConversation, other], seenMerge([CONV_AS_VISITOR, CONV_OTHER], CONV_AS_CONTACT, at(20)))!;
    expect(folded).toMatchObject({ messageCount: 9, firstMessageAt: at(0), lastMessageAt: at(12), mergedFrom: [CONV_AS_VISITOR, CONV_OTHER] });
  });

  it('records old IDs it never saw a message for', () => {
    const folded = foldMerge(contactConversation, [], seenMerge([CONV_AS_VISITOR, CONV_OTHER], CONV_AS_CONTACT, at(20)))!;
    expect(folded.mergedFrom).toEqual([CONV_AS_VISITOR, CONV_OTHER]);
    expect(folded.messageCount).toBe(2);
    expect(folded.typeHistory).toEqual(contactConversation.typeHistory);
  });

  it('never lists the target among the conversations merged into it', () => {
    const folded = foldMerge(contactConversation, [visitorConversation], seenMerge([CONV_AS_CONTACT, CONV_AS_VISITOR, CONV_AS_VISITOR], CONV_AS_CONTACT, at(20)))!;
    expect(folded.mergedFrom).toEqual([CONV_AS_VISITOR]);
  });

  it('moves updatedAt to the merge, but never back', () => {
    expect(foldMerge(contactConversation, [], seenMerge([CONV_OTHER], CONV_AS_CONTACT, at(30)))!.updatedAt).toBe(at(30));
    expect(foldMerge(contactConversation, [], seenMerge([CONV_OTHER], CONV_AS_CONTACT, at(11)))!.updatedAt).toBe(at(13));
  });

  it('changes nothing when the same merge is replayed after the old conversations are gone', () => {
    const merge = seenMerge([CONV_AS_VISITOR], CONV_AS_CONTACT, at(20));
    const once = foldMerge(contactConversation, [visitorConversation], merge)!;
    expect(foldMerge(once, [], merge)).toStrictEqual(once);
  });

  it('does not change the records it was given', () => {
    const target = frozen(structuredClone(contactConversation));
    const old = frozen(structuredClone(visitorConversation));
    foldMerge(target, [old], seenMerge([CONV_AS_VISITOR], CONV_AS_CONTACT, at(20)));
    expect(target).toStrictEqual(contactConversation);
    expect(old).toStrictEqual(visitorConversation);
  });

  describe('before the target’s first message', () => {
    const folded = foldMerge(undefined, [visitorConversation], seenMerge([CONV_AS_VISITOR], CONV_AS_CONTACT, at(8)))!;

    it('moves the old conversation under the target ID', () => {
      expect(folded).toEqual({ ...visitorConversation, conversationId: CONV_AS_CONTACT, mergedFrom: [CONV_AS_VISITOR], autoReply: undefined, updatedAt: at(8) });
    });

    it('counts the target’s first message on top when it arrives', () => {
      const withFirst = recordMessage(folded, seenMessage({ conversationId: CONV_AS_CONTACT, participant: contact, at: at(10), preview: 'Here is my email', channel: 'EMAIL' }));
      expect(withFirst).toMatchObject({
        conversationId: CONV_AS_CONTACT,
        participantType: 'CONTACT',
        messageCount: 4,
        firstMessageAt: at(0),
        lastMessageAt: at(10),
        lastMessagePreview: 'Here is my email',
        channel: 'EMAIL',
        mergedFrom: [CONV_AS_VISITOR],
        typeHistory: [
          { type: 'ANONYMOUS_VISITOR', at: at(0), conversationId: CONV_AS_VISITOR },
          { type: 'CONTACT', at: at(10), conversationId: CONV_AS_CONTACT },
        ],
      });
    });

    it('takes name and details from the newest old conversation', () => {
      const newerOld = { ...contactConversation, conversationId: CONV_OTHER };
      const result = foldMerge(undefined, [visitorConversation, newerOld], seenMerge([CONV_AS_VISITOR, CONV_OTHER], CONV_AS_MEMBER, at(20)))!;
      expect(result).toMatchObject({ conversationId: CONV_AS_MEMBER, displayName: 'Inês Carvalho', email: 'ines@example.pt', messageCount: 5, mergedFrom: [CONV_AS_VISITOR, CONV_OTHER] });
    });
  });

  describe('merge chains', () => {
    it('carries the IDs of earlier merges along: A → B, then B → C', () => {
      const b = foldMerge(contactConversation, [visitorConversation], seenMerge([CONV_AS_VISITOR], CONV_AS_CONTACT, at(20)))!;
      const c = foldMerge(undefined, [b], seenMerge([CONV_AS_CONTACT], CONV_AS_MEMBER, at(21)))!;
      expect(c).toMatchObject({ conversationId: CONV_AS_MEMBER, messageCount: 5, firstMessageAt: at(0), mergedFrom: [CONV_AS_VISITOR, CONV_AS_CONTACT] });
      expect(c.typeHistory.map((h) => h.conversationId)).toEqual([CONV_AS_VISITOR, CONV_AS_CONTACT]);
    });

    it('gives the same record whichever of two merges into one target arrives first', () => {
      const target = conversationRecord({ conversationId: CONV_AS_MEMBER, participantType: 'MEMBER', participant: { memberId: MEMBER_ID }, firstMessageAt: at(30), lastMessageAt: at(31), messageCount: 1, typeHistory: [{ type: 'MEMBER', at: at(30), conversationId: CONV_AS_MEMBER }], updatedAt: at(31) });
      const mergeV = seenMerge([CONV_AS_VISITOR], CONV_AS_MEMBER, at(40));
      const mergeC = seenMerge([CONV_AS_CONTACT], CONV_AS_MEMBER, at(40));
      const vFirst = foldMerge(foldMerge(target, [visitorConversation], mergeV), [contactConversation], mergeC)!;
      const cFirst = foldMerge(foldMerge(target, [contactConversation], mergeC), [visitorConversation], mergeV)!;
      expect({ ...cFirst, mergedFrom: [...cFirst.mergedFrom].sort() }).toStrictEqual({ ...vFirst, mergedFrom: [...vFirst.mergedFrom].sort() });
      expect(vFirst).toMatchObject({ messageCount: 6, participantType: 'MEMBER', firstMessageAt: at(0), lastMessageAt: at(31) });
      expect(vFirst.participant).toEqual({ anonymousVisitorId: VISITOR_ID, contactId: CONTACT_ID, memberId: MEMBER_ID });
      expect(vFirst.typeHistory.map((h) => h.type)).toEqual(['ANONYMOUS_VISITOR', 'CONTACT', 'MEMBER']);
    });
  });

  describe('auto-reply status', () => {
    const replied: AutoReplyStatus = { status: 'replied', at: at(5), text: 'Thanks, we are closed now.' };
    const skipped: AutoReplyStatus = { status: 'skipped', at: at(14), reason: 'BUSINESS_REPLIED_RECENTLY' };

    it.each<[string, AutoReplyStatus | undefined, AutoReplyStatus | undefined, AutoReplyStatus | undefined]>([
      ['the target’s, when it is the latest', replied, skipped, skipped],
      ['the old conversation’s, when it is the latest', skipped, replied, skipped],
      ['the old conversation’s, when the target has none', replied, undefined, replied],
      ['the target’s, when the old has none', undefined, replied, replied],
      ['none, when neither has one', undefined, undefined, undefined],
    ])('keeps %s', (_label, onOld, onTarget, expected) => {
      const folded = foldMerge({ ...contactConversation, autoReply: onTarget }, [{ ...visitorConversation, autoReply: onOld }], seenMerge([CONV_AS_VISITOR], CONV_AS_CONTACT, at(20)))!;
      expect(folded.autoReply).toEqual(expected);
    });
  });

  describe('resolution', () => {
    it('stays resolved when every folded record was resolved', () => {
      const folded = foldMerge(contactConversation, [visitorConversation], seenMerge([CONV_AS_VISITOR], CONV_AS_CONTACT, at(20)))!;
      expect(folded.resolution).toBe('resolved');
    });

    it('stays pending when the target was not resolved yet', () => {
      const folded = foldMerge({ ...contactConversation, resolution: 'pending' }, [visitorConversation], seenMerge([CONV_AS_VISITOR], CONV_AS_CONTACT, at(20)))!;
      expect(folded.resolution).toBe('pending');
    });

    // BUG: `acc.resolution === 'resolved' && record.resolution === 'resolved' ? 'resolved' : acc.resolution` always
    // equals acc.resolution, so the result is simply the target's resolution.
    it('is no longer resolved when an unresolved conversation of a later type is folded into a resolved one', () => {
      const pendingMember = conversationRecord({ conversationId: CONV_OTHER, participantType: 'MEMBER', participant: { memberId: MEMBER_ID }, displayName: 'Member #B5C6', resolution: 'pending' });
      const folded = foldMerge(contactConversation, [pendingMember], seenMerge([CONV_OTHER], CONV_AS_CONTACT, at(20)))!;
      expect(folded.participantType).toBe('MEMBER');
      expect(folded.resolution).not.toBe('resolved');
    });
  });
});

describe('applyPerson', () => {
  const pendingContact = recordMessage(undefined, seenMessage({ conversationId: CONV_AS_CONTACT, participant: contact, at: at(10) }));

  it('names a contact by full name and keeps email and phone', () => {
    const applied = applyPerson(pendingContact, contact, { firstName: 'Inês', lastName: 'Carvalho', email: 'ines@example.pt', phone: '+351 912 345 678' }, at(11));
    expect(applied).toMatchObject({ participantType: 'CONTACT', displayName: 'Inês Carvalho', email: 'ines@example.pt', phone: '+351 912 345 678', resolution: 'resolved' });
    expect(applied.typeHistory).toEqual(pendingContact.typeHistory);
  });

  it('names a contact without a name by email, then phone', () => {
    expect(applyPerson(pendingContact, contact, { email: 'ines@example.pt' }, at(11)).displayName).toBe('ines@example.pt');
    expect(applyPerson(pendingContact, contact, { phone: '+351 912 345 678' }, at(11)).displayName).toBe('+351 912 345 678');
  });

  it('makes a contact linked to a member a member, remembering when and where', () => {
    const applied = applyPerson(pendingContact, member, { firstName: 'Inês', lastName: 'Carvalho', nickname: 'ines.c' }, at(11));
    expect(applied).toMatchObject({ participantType: 'MEMBER', displayName: 'ines.c', resolution: 'resolved' });
    expect(applied.participant).toEqual({ anonymousVisitorId: VISITOR_ID, contactId: CONTACT_ID, memberId: MEMBER_ID });
    expect(applied.typeHistory).toEqual([
      { type: 'CONTACT', at: at(10), conversationId: CONV_AS_CONTACT },
      { type: 'MEMBER', at: at(11), conversationId: CONV_AS_CONTACT },
    ]);
  });

  it('gives a visitor with nothing to look up the fallback name, resolved', () => {
    const pendingVisitor = recordMessage(undefined, seenMessage());
    expect(applyPerson(pendingVisitor, visitor, {}, at(1))).toMatchObject({ displayName: 'Visitor #1A2B', resolution: 'resolved', participantType: 'ANONYMOUS_VISITOR' });
  });

  it('falls back to a tag when the Directory knows no name', () => {
    expect(applyPerson(pendingContact, member, {}, at(11)).displayName).toBe('Member #B5C6');
  });

  it('keeps the email and phone it had when the Directory has none now', () => {
    const known = { ...pendingContact, email: 'ines@example.pt', phone: '+351 912 345 678' };
    expect(applyPerson(known, contact, { firstName: 'Inês' }, at(11))).toMatchObject({ email: 'ines@example.pt', phone: '+351 912 345 678' });
  });

  it('renames an already resolved record when the person’s details change', () => {
    const once = applyPerson(pendingContact, member, { nickname: 'ines.c' }, at(11));
    expect(applyPerson(once, member, { nickname: 'ines.carvalho' }, at(50)).displayName).toBe('ines.carvalho');
  });

  it('never downgrades the type', () => {
    const asMember = applyPerson(pendingContact, member, { nickname: 'ines.c' }, at(11));
    const applied = applyPerson(asMember, contactOnly, { firstName: 'Inês', nickname: 'ines.c' }, at(12));
    expect(applied.participantType).toBe('MEMBER');
    expect(applied.displayName).toBe('ines.c');
    expect(applied.typeHistory).toEqual(asMember.typeHistory);
  });

  it('does not change the record it was given', () => {
    const record = frozen(structuredClone(pendingContact));
    applyPerson(record, member, { nickname: 'ines.c' }, at(11));
    expect(record).toStrictEqual(pendingContact);
  });
});

describe('one person from first visit to member, across merges and late messages', () => {
  // A visitor writes in conversation A; leaves an email and writes in B; Wix merges A into B; registers and writes
  // in C; Wix merges B into C; then a late delivery of an old message for A is recorded on C by the caller.
  let a = recordMessage(undefined, seenMessage({ conversationId: CONV_AS_VISITOR, participant: visitor, at: at(0), preview: 'Hi!' }));
  a = recordMessage(a, seenMessage({ conversationId: CONV_AS_VISITOR, participant: visitor, at: at(2), preview: 'Anyone there?' }));
  let b = recordMessage(undefined, seenMessage({ conversationId: CONV_AS_CONTACT, participant: contact, at: at(5), preview: 'My email is ines@example.pt', channel: 'EMAIL' }));
  b = applyPerson(b, contact, { firstName: 'Inês', lastName: 'Carvalho', email: 'ines@example.pt' }, at(6));
  const bWithA = foldMerge(b, [a], seenMerge([CONV_AS_VISITOR], CONV_AS_CONTACT, at(7)))!;
  const cAlone = recordMessage(undefined, seenMessage({ conversationId: CONV_AS_MEMBER, participant: member, at: at(9), preview: 'Just registered' }));
  const cWithB = foldMerge(cAlone, [bWithA], seenMerge([CONV_AS_CONTACT], CONV_AS_MEMBER, at(10)))!;
  const c = applyPerson(cWithB, member, { firstName: 'Inês', lastName: 'Carvalho', nickname: 'ines.c', email: 'ines@example.pt' }, at(11));
  const afterLate = recordMessage(c, seenMessage({ conversationId: CONV_AS_MEMBER, participant: visitor, at: at(1), preview: 'Hello?' }));

  it('folds A into B with every message counted and the contact’s name kept', () => {
    expect(bWithA).toMatchObject({ conversationId: CONV_AS_CONTACT, messageCount: 3, mergedFrom: [CONV_AS_VISITOR], displayName: 'Inês Carvalho', participantType: 'CONTACT' });
  });

  it('ends with one member record that remembers the whole way', () => {
    expect(c).toMatchObject({
      conversationId: CONV_AS_MEMBER,
      participantType: 'MEMBER',
      participant: { anonymousVisitorId: VISITOR_ID, contactId: CONTACT_ID, memberId: MEMBER_ID },
      displayName: 'ines.c',
      email: 'ines@example.pt',
      messageCount: 4,
      firstMessageAt: at(0),
      lastMessageAt: at(9),
      lastMessagePreview: 'Just registered',
      mergedFrom: [CONV_AS_VISITOR, CONV_AS_CONTACT],
      resolution: 'resolved',
    });
    expect(c.typeHistory).toEqual([
      { type: 'ANONYMOUS_VISITOR', at: at(0), conversationId: CONV_AS_VISITOR },
      { type: 'CONTACT', at: at(5), conversationId: CONV_AS_CONTACT },
      { type: 'MEMBER', at: at(9), conversationId: CONV_AS_MEMBER },
    ]);
  });

  it('counts a late message for the first conversation without moving anything backwards', () => {
    expect(afterLate).toMatchObject({
      messageCount: 5,
      firstMessageAt: at(0),
      lastMessageAt: at(9),
      lastMessagePreview: 'Just registered',
      participantType: 'MEMBER',
      displayName: 'ines.c',
    });
    expect(afterLate.typeHistory).toEqual(c.typeHistory);
  });
});
