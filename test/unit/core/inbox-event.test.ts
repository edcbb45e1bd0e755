import { describe, expect, it } from 'vitest';
import {
  checkDomainEvent,
  CONVERSATIONS_MERGED,
  isWixId,
  MalformedEventError,
  MESSAGE_SENT_TO_BUSINESS,
  mergeEventFrom,
  messageEventFrom,
  type EventEnvelope,
} from '../../../src/core/inbox-event.js';
import { classifySender } from '../../../src/core/sender.js';
import {
  CONTACT_ID,
  CONV_AS_CONTACT,
  CONV_AS_MEMBER,
  CONV_AS_VISITOR,
  MEMBER_ID,
  SITE,
  THIS_APP_ID,
  VISITOR_ID,
} from './fixtures.js';

const EVENT_ID = '9d3f7a2e-5c1b-4e8d-a6f0-2b7c4e1d8a93';
const MESSAGE_ID = 'e2a4c6b8-0d1f-4a3c-9e5b-7d9f1b3a5c70';
const RECEIVED_AT = new Date('2025-03-01T10:30:00.000Z');
const EVENT_TIME = new Date('2025-03-01T10:29:58.250Z');
const CREATED = new Date('2025-03-01T10:29:57.900Z');

type Loose = Record<string, unknown>;
/** Loosely typed on purpose: the tests break these envelopes in ways the SDK's types would not allow. */
interface MessageEnvelopeFixture { data: Loose & { message: Loose }; metadata: Loose }
interface MergeEnvelopeFixture { data: Loose; metadata: Loose }

/** Message Sent To Business as `messages.onMessageSentToBusiness` hands it to a handler (keys renamed, dates as Date). */
function messageEnvelope(): MessageEnvelopeFixture {
  return {
    data: {
      conversationId: CONV_AS_CONTACT,
      message: {
        _id: MESSAGE_ID,
        sender: { anonymousVisitorId: null, contactId: CONTACT_ID, memberId: null, wixUserId: null, appId: null },
        direction: 'PARTICIPANT_TO_BUSINESS',
        visibility: 'BUSINESS_AND_PARTICIPANT',
        content: { basic: { items: [{ text: 'Is the blue one still in stock?' }] }, previewText: 'Is the blue one…' },
        sourceChannel: 'CHAT',
        sourceChannelId: 'chat',
        sequence: '1740824997900',
        _createdDate: CREATED,
      },
    },
    metadata: {
      _id: EVENT_ID,
      entityFqdn: 'wix.crm.inbox.v2.message',
      slug: 'message_sent_to_business',
      entityId: MESSAGE_ID,
      instanceId: SITE,
      eventTime: EVENT_TIME,
      identity: { identityType: 'ANONYMOUS_VISITOR', anonymousVisitorId: VISITOR_ID },
      accountInfo: { accountId: '6a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9', siteId: SITE },
    },
  };
}

/** Conversations Merged as `conversations.onConversationsMerged` hands it to a handler. */
function mergeEnvelope(): MergeEnvelopeFixture {
  return {
    data: { oldConversationIds: [CONV_AS_VISITOR, CONV_AS_CONTACT], targetConversationId: CONV_AS_MEMBER },
    metadata: {
      _id: EVENT_ID,
      entityFqdn: 'wix.crm.inbox.v2.conversation',
      slug: 'conversations_merged',
      entityId: CONV_AS_MEMBER,
      instanceId: SITE,
      eventTime: EVENT_TIME,
      identity: { identityType: 'MEMBER', memberId: MEMBER_ID },
    },
  };
}

type Envelope = MessageEnvelopeFixture | MergeEnvelopeFixture;

/** An envelope with one change, made with plain code so a reader sees exactly what is broken. */
function changed<E extends Envelope>(envelope: E, change: (e: E) => void): EventEnvelope {
  change(envelope);
  return envelope as EventEnvelope;
}

const content = (value: unknown) => changed(messageEnvelope(), (e) => { e.data.message.content = value; });
const messageField = (key: string, value: unknown) => changed(messageEnvelope(), (e) => { e.data.message[key] = value; });

it('names the two webhooks by the slugs in the app manifest', () => {
  expect(MESSAGE_SENT_TO_BUSINESS).toBe('wix.crm.inbox.v2.message_message_sent_to_business');
  expect(CONVERSATIONS_MERGED).toBe('wix.crm.inbox.v2.conversation_conversations_merged');
});

describe('messageEventFrom', () => {
  it('reduces the envelope to what the app uses', () => {
    expect(messageEventFrom(messageEnvelope(), RECEIVED_AT)).toStrictEqual({
      kind: 'message',
      eventId: EVENT_ID,
      instanceId: SITE,
      at: '2025-03-01T10:29:57.900Z',
      conversationId: CONV_AS_CONTACT,
      messageId: MESSAGE_ID,
      message: {
        sender: { anonymousVisitorId: null, contactId: CONTACT_ID, memberId: null, wixUserId: null, appId: null },
        direction: 'PARTICIPANT_TO_BUSINESS',
        appId: undefined,
      },
      identity: { identityType: 'ANONYMOUS_VISITOR', anonymousVisitorId: VISITOR_ID },
      text: 'Is the blue one still in stock?',
      channel: 'CHAT',
    });
  });

  it('gives the sender facts classifySender needs: a contact arriving with a visitor identity', () => {
    const event = messageEventFrom(messageEnvelope(), RECEIVED_AT);
    expect(classifySender(event.message, event.identity)).toStrictEqual({
      kind: 'participant',
      participant: { type: 'CONTACT', ids: { anonymousVisitorId: VISITOR_ID, contactId: CONTACT_ID } },
    });
  });

  it('keeps what marks this app’s own message, so it is not taken for a participant', () => {
    const own = changed(messageEnvelope(), (e) => {
      Object.assign(e.data.message, { sender: { appId: THIS_APP_ID }, appId: THIS_APP_ID, direction: 'BUSINESS_TO_PARTICIPANT' });
      e.metadata.identity = { identityType: 'APP', appId: THIS_APP_ID };
    });
    const event = messageEventFrom(own, RECEIVED_AT);
    expect(event.message).toEqual({ sender: { appId: THIS_APP_ID }, appId: THIS_APP_ID, direction: 'BUSINESS_TO_PARTICIPANT' });
    expect(classifySender(event.message, event.identity)).toEqual({ kind: 'not-participant', reason: 'BUSINESS_DIRECTION' });
  });

  describe('when it happened', () => {
    it.each<[string, EventEnvelope, string]>([
      ['the message’s creation time first', messageEnvelope(), '2025-03-01T10:29:57.900Z'],
      ['the event time without a creation time', messageField('_createdDate', undefined), '2025-03-01T10:29:58.250Z'],
      ['the event time when the creation time is null', messageField('_createdDate', null), '2025-03-01T10:29:58.250Z'],
      ['the event time when the creation time is not a date', messageField('_createdDate', new Date('nonsense')), '2025-03-01T10:29:58.250Z'],
      ['an ISO string creation time', messageField('_createdDate', '2025-03-01T11:29:57.900+01:00'), '2025-03-01T10:29:57.900Z'],
      ['the receive time without either', changed(messageEnvelope(), (e) => { delete e.data.message._createdDate; delete e.metadata.eventTime; }), '2025-03-01T10:30:00.000Z'],
      ['the receive time when the event time is garbage', changed(messageEnvelope(), (e) => { delete e.data.message._createdDate; e.metadata.eventTime = 'yesterday-ish'; }), '2025-03-01T10:30:00.000Z'],
    ])('takes %s', (_label, envelope, expected) => {
      expect(messageEventFrom(envelope, RECEIVED_AT).at).toBe(expected);
    });
  });

  describe('text', () => {
    it.each<[string, EventEnvelope, string | undefined]>([
      ['joins the text items of a basic message, one a line', content({ basic: { items: [{ text: 'Hello' }, { image: { url: 'https://static.wixstatic.com/media/a.jpg' } }, { text: 'Are you open?' }] } }), 'Hello\nAre you open?'],
      ['reads a minimal message', content({ minimal: { text: 'Booked a session' } }), 'Booked a session'],
      ['falls back to the preview text (an image-only message)', content({ basic: { items: [{ image: { url: 'https://static.wixstatic.com/media/a.jpg' } }] }, previewText: 'Sent a photo' }), 'Sent a photo'],
      ['reads the title of a submitted form', content({ form: { title: 'Contact us', fields: [{ name: 'Email', value: 'ines@example.pt' }] } }), 'Contact us'],
      ['prefers basic text over the preview', content({ basic: { items: [{ text: 'Full text' }] }, previewText: 'Preview' }), 'Full text'],
      ['is undefined when nothing is readable', content({ basic: { items: [{ file: { url: 'https://example.org/a.pdf' } }] } }), undefined],
      ['is undefined without content', messageField('content', undefined), undefined],
    ])('%s', (_label, envelope, text) => {
      expect(messageEventFrom(envelope, RECEIVED_AT).text).toBe(text);
    });
  });

  describe('channel, message ID and identity', () => {
    it.each<[string, EventEnvelope, string | undefined]>([
      ['the source channel', messageEnvelope(), 'CHAT'],
      ['the source channel ID without a source channel', messageField('sourceChannel', undefined), 'chat'],
      ['nothing without either', changed(messageEnvelope(), (e) => { e.data.message.sourceChannel = null; e.data.message.sourceChannelId = null; }), undefined],
    ])('takes %s as the channel', (_label, envelope, channel) => {
      expect(messageEventFrom(envelope, RECEIVED_AT).channel).toBe(channel);
    });

    it.each([undefined, null])('leaves the message ID unset when it is %s', (value) => {
      const event = messageEventFrom(messageField('_id', value), RECEIVED_AT);
      expect(event.messageId).toBeUndefined();
      expect(event).toHaveProperty('conversationId', CONV_AS_CONTACT);
    });

    it.each([undefined, null])('leaves the identity unset when it is %s', (value) => {
      expect(messageEventFrom(changed(messageEnvelope(), (e) => { e.metadata.identity = value; }), RECEIVED_AT).identity).toBeUndefined();
    });
  });

  describe('malformed envelopes', () => {
    it.each<[string, EventEnvelope, string]>([
      ['no metadata', changed(messageEnvelope(), (e) => { delete (e as Partial<typeof e>).metadata; }), 'metadata.id (the event ID)'],
      ['no event ID', changed(messageEnvelope(), (e) => { delete e.metadata._id; }), 'metadata.id (the event ID)'],
      ['a null event ID', changed(messageEnvelope(), (e) => { e.metadata._id = null; }), 'metadata.id (the event ID)'],
      ['an empty event ID', changed(messageEnvelope(), (e) => { e.metadata._id = ''; }), 'metadata.id (the event ID)'],
      ['no instance ID', changed(messageEnvelope(), (e) => { delete e.metadata.instanceId; }), 'metadata.instanceId'],
      ['an empty instance ID', changed(messageEnvelope(), (e) => { e.metadata.instanceId = ''; }), 'metadata.instanceId'],
      ['no data', changed(messageEnvelope(), (e) => { delete (e as Partial<typeof e>).data; }), 'data.conversationId'],
      ['no conversation ID', changed(messageEnvelope(), (e) => { delete e.data.conversationId; }), 'data.conversationId'],
      ['a numeric conversation ID', changed(messageEnvelope(), (e) => { e.data.conversationId = 42; }), 'data.conversationId'],
    ])('rejects %s, naming %s', (_label, envelope, field) => {
      const parse = () => messageEventFrom(envelope, RECEIVED_AT);
      expect(parse).toThrow(MalformedEventError);
      expect(parse).toThrow(`Event has no ${field}`);
    });

    it('names the first missing field when several are missing', () => {
      expect(() => messageEventFrom({}, RECEIVED_AT)).toThrow('Event has no metadata.id (the event ID)');
      expect(() => messageEventFrom({ metadata: { _id: EVENT_ID } }, RECEIVED_AT)).toThrow('Event has no metadata.instanceId');
    });

    it('throws an error that says what it is', () => {
      const error = (() => {
        try {
          messageEventFrom({ metadata: { _id: EVENT_ID, instanceId: SITE } }, RECEIVED_AT);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ name: 'MalformedEventError', message: 'Event has no data.conversationId' });
    });
  });
});

describe('mergeEventFrom', () => {
  it('reduces the envelope to what the app uses', () => {
    expect(mergeEventFrom(mergeEnvelope(), RECEIVED_AT)).toStrictEqual({
      kind: 'merge',
      eventId: EVENT_ID,
      instanceId: SITE,
      at: '2025-03-01T10:29:58.250Z',
      targetConversationId: CONV_AS_MEMBER,
      oldConversationIds: [CONV_AS_VISITOR, CONV_AS_CONTACT],
    });
  });

  it.each<[string, EventEnvelope, string]>([
    ['an ISO string event time', changed(mergeEnvelope(), (e) => { e.metadata.eventTime = '2025-03-01T10:29:58.250Z'; }), '2025-03-01T10:29:58.250Z'],
    ['the receive time without an event time', changed(mergeEnvelope(), (e) => { delete e.metadata.eventTime; }), '2025-03-01T10:30:00.000Z'],
  ])('takes %s', (_label, envelope, expected) => {
    expect(mergeEventFrom(envelope, RECEIVED_AT).at).toBe(expected);
  });

  it.each<[string, EventEnvelope, string]>([
    ['no event ID', changed(mergeEnvelope(), (e) => { delete e.metadata._id; }), 'Event has no metadata.id (the event ID)'],
    ['no instance ID', changed(mergeEnvelope(), (e) => { e.metadata.instanceId = null; }), 'Event has no metadata.instanceId'],
    ['no target', changed(mergeEnvelope(), (e) => { delete e.data.targetConversationId; }), 'Event has no data.targetConversationId'],
    ['an empty target', changed(mergeEnvelope(), (e) => { e.data.targetConversationId = ''; }), 'Event has no data.targetConversationId'],
    ['no data', changed(mergeEnvelope(), (e) => { delete (e as Partial<typeof e>).data; }), 'Event has no data.targetConversationId'],
    ['no old IDs', changed(mergeEnvelope(), (e) => { delete e.data.oldConversationIds; }), 'Conversations Merged event has no data.oldConversationIds list'],
    ['old IDs that are not a list', changed(mergeEnvelope(), (e) => { e.data.oldConversationIds = CONV_AS_VISITOR; }), 'Conversations Merged event has no data.oldConversationIds list'],
    ['an empty old ID', changed(mergeEnvelope(), (e) => { e.data.oldConversationIds = [CONV_AS_VISITOR, '']; }), 'Conversations Merged event has no data.oldConversationIds list'],
    ['a non-string old ID', changed(mergeEnvelope(), (e) => { e.data.oldConversationIds = [CONV_AS_VISITOR, { id: CONV_AS_CONTACT }]; }), 'Conversations Merged event has no data.oldConversationIds list'],
  ])('rejects %s', (_label, envelope, message) => {
    const parse = () => mergeEventFrom(envelope, RECEIVED_AT);
    expect(parse).toThrow(MalformedEventError);
    expect(parse).toThrow(message);
  });
});

describe('hostile envelopes', () => {
  it.each<[string, EventEnvelope, RegExp]>([
    ['a conversation ID with a path in it', changed(messageEnvelope(), (e) => { e.data.conversationId = '../members/v1/members/x'; }), /data\.conversationId is not a Wix ID/],
    ['a conversation ID with a query in it', changed(messageEnvelope(), (e) => { e.data.conversationId = 'abc?fieldsets=FULL'; }), /data\.conversationId is not a Wix ID/],
    ['a contact ID that is a number', changed(messageEnvelope(), (e) => { e.data.message.sender = { contactId: 42 }; }), /sender\.contactId must be an ID \(text\); got number/],
    ['a member ID that is an object', changed(messageEnvelope(), (e) => { e.data.message.sender = { memberId: { id: 'x' } }; }), /sender\.memberId must be an ID/],
    ['a visitor ID with a slash', changed(messageEnvelope(), (e) => { e.data.message.sender = { anonymousVisitorId: 'a/b' }; }), /sender\.anonymousVisitorId is not a Wix ID/],
    ['a sender that is a string', changed(messageEnvelope(), (e) => { e.data.message.sender = 'me'; }), /data\.message\.sender must be an object; got string/],
    ['a message that is a list', changed(messageEnvelope(), (e) => { (e.data as Record<string, unknown>).message = []; }), /data\.message must be an object; got a list/],
    ['text items that are not objects', content({ basic: { items: ['hello', null] } }), /items\[0\] must be an object \(got string\)/],
    ['a null text item', content({ basic: { items: [{ text: 'hi' }, null] } }), /items\[1\] must be an object \(got null\)/],
    ['items that are not a list', content({ basic: { items: { text: 'hi' } } }), /items must be a list/],
    ['a text that is a number', content({ basic: { items: [{ text: 7 }] } }), /items\[0\]\.text must be text; got number/],
    ['an identity that is a string', changed(messageEnvelope(), (e) => { e.metadata.identity = 'ANONYMOUS_VISITOR'; }), /identity must be an object/],
    ['an identity member ID of the wrong type', changed(messageEnvelope(), (e) => { e.metadata.identity = { identityType: 'MEMBER', memberId: 5 }; }), /identity\.memberId must be an ID/],
    ['a channel that is not text', messageField('sourceChannel', ['CHAT']), /sourceChannel must be text/],
    ['a direction that is not text', messageField('direction', 1), /direction must be text/],
  ])('refuses %s', (_label, envelope, message) => {
    expect(() => messageEventFrom(envelope, RECEIVED_AT)).toThrow(MalformedEventError);
    expect(() => messageEventFrom(envelope, RECEIVED_AT)).toThrow(message);
  });

  it.each<[string, EventEnvelope, RegExp]>([
    ['a target with a path in it', changed(mergeEnvelope(), (e) => { e.data.targetConversationId = '../x'; }), /targetConversationId is not a Wix ID/],
    ['an old ID with a fragment', changed(mergeEnvelope(), (e) => { e.data.oldConversationIds = [CONV_AS_VISITOR, 'a#b']; }), /oldConversationIds\[1\] is not a Wix ID/],
    ['too many old IDs', changed(mergeEnvelope(), (e) => { e.data.oldConversationIds = Array.from({ length: 1001 }, () => CONV_AS_VISITOR); }), /more than 1000/],
  ])('refuses a merge with %s', (_label, envelope, message) => {
    expect(() => mergeEventFrom(envelope, RECEIVED_AT)).toThrow(message);
  });

  it.each([null, 'null', 42, [], { id: 'e' }, { id: 'e', actionEvent: null }, { id: 'e', actionEvent: { body: 'x' } }, { actionEvent: { body: {} } }])(
    'refuses the domain event %j before the SDK builds an envelope from it', (payload) => {
      expect(() => checkDomainEvent(payload)).toThrow(MalformedEventError);
    });

  it('accepts empty sender IDs and a domain event with a body', () => {
    expect(() => messageEventFrom(changed(messageEnvelope(), (e) => { e.data.message.sender = { contactId: CONTACT_ID, memberId: '' }; }), RECEIVED_AT)).not.toThrow();
    expect(() => checkDomainEvent({ id: EVENT_ID, actionEvent: { body: {} } })).not.toThrow();
  });

  it.each(['6f8e1d2c-3b4a-4c5d-9e0f-a1b2c3d4e5f6', 'abc_DEF-123'])('takes %s as a Wix ID', (id) => expect(isWixId(id)).toBe(true));
  it.each(['', '../x', 'a/b', 'a?b', 'a#b', 'a%2Fb', 'a b', '-leading', 'x'.repeat(129), 'é'])('does not take %j as a Wix ID', (id) => expect(isWixId(id)).toBe(false));
});
