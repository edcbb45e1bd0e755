import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { HostileCase } from './hostile-case.js';
import type { HostileStack } from './hostile-stack.js';

const MESSAGE = 'wix.crm.inbox.v2.message_message_sent_to_business';
const MERGED = 'wix.crm.inbox.v2.conversation_conversations_merged';
type Loose = Record<string, any>;

export const postWebhook = (s: HostileStack, body: string) =>
  fetch(`${s.serverUrl}/webhooks`, { method: 'POST', body, headers: { 'content-type': 'text/plain' } });

/** A Message Sent To Business domain event for the catalogue's site, as Wix nests it; `change` breaks one thing. */
export function messageDomainEvent(s: HostileStack, change: (event: Loose) => void = () => {}): Loose {
  const event: Loose = {
    id: randomUUID(),
    entityFqdn: 'wix.crm.inbox.v2.message',
    slug: 'message_sent_to_business',
    entityId: randomUUID(),
    eventTime: new Date().toISOString(),
    triggeredByAnonymizeRequest: false,
    actionEvent: {
      body: {
        conversationId: s.site.conversationId,
        message: {
          id: randomUUID(),
          sender: { anonymousVisitorId: randomUUID() },
          direction: 'PARTICIPANT_TO_BUSINESS',
          visibility: 'BUSINESS_AND_PARTICIPANT',
          content: { basic: { items: [{ text: 'Hello again' }] }, previewText: 'Hello again' },
          sourceChannel: 'CHAT',
          createdDate: new Date().toISOString(),
        },
      },
    },
  };
  change(event);
  return event;
}

function mergeDomainEvent(s: HostileStack, change: (body: Loose) => void): Loose {
  const body: Loose = { oldConversationIds: [randomUUID()], targetConversationId: s.site.conversationId };
  change(body);
  return { ...messageDomainEvent(s), entityFqdn: 'wix.crm.inbox.v2.conversation', slug: 'conversations_merged', actionEvent: { body } };
}

/** The whole webhook body: the domain event (or any `data` string) signed in a JWT as Wix sends it. */
export async function signedWebhook(s: HostileStack, data: unknown, fields: { eventType?: unknown; instanceId?: unknown; identity?: unknown } = {}) {
  const claim = s.dataClaim({
    data: typeof data === 'string' ? data : JSON.stringify(data),
    instanceId: 'instanceId' in fields ? fields.instanceId : s.site.instanceId,
    eventType: 'eventType' in fields ? fields.eventType : MESSAGE,
    ...('identity' in fields ? { identity: fields.identity } : {}),
  });
  return s.signClaims({ data: claim });
}

const message = (name: string, change: (body: Loose) => void, code = 'MALFORMED_EVENT'): HostileCase => ({
  name: `webhook: ${name}`,
  status: 400,
  code,
  send: async (s) => postWebhook(s, await signedWebhook(s, messageDomainEvent(s, (event) => change(event.actionEvent.body)))),
});

const merge = (name: string, change: (body: Loose) => void): HostileCase => ({
  name: `webhook: merge ${name}`,
  status: 400,
  code: 'MALFORMED_EVENT',
  send: async (s) => postWebhook(s, await signedWebhook(s, mergeDomainEvent(s, change), { eventType: MERGED })),
});

const raw = (name: string, status: number, code: string | undefined, body: (s: HostileStack) => Promise<string> | string): HostileCase => ({
  name: `webhook: ${name}`, status, code, send: async (s) => postWebhook(s, await body(s)),
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export const WEBHOOK_CASES: HostileCase[] = [
  raw('an empty body', 400, 'MALFORMED_TOKEN', () => ''),
  raw('a body that is not a JWT', 400, 'MALFORMED_TOKEN', () => 'not a token'),
  raw('three parts of garbage', 400, undefined, () => 'abc.def.ghi'),
  raw('an unsigned token (alg none)', 401, undefined, (s) => `${b64({ alg: 'none' })}.${b64({ data: s.dataClaim({ data: '{}' }) })}.`),
  raw('a token signed with HS256 and the app secret', 401, undefined, async (s) =>
    new SignJWT({ data: s.dataClaim({ data: '{}' }) }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('1h')
      .sign(new TextEncoder().encode(s.emulator.app.appSecret))),
  raw('a token signed with another key', 401, 'BAD_SIGNATURE', async (s) =>
    new SignJWT({ data: s.dataClaim({ data: '{}' }) }).setProtectedHeader({ alg: 'RS256' }).setIssuedAt().setExpirationTime('1h')
      .sign(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey)),
  raw('a tampered payload', 401, 'BAD_SIGNATURE', async (s) => {
    const [header, , signature] = (await signedWebhook(s, messageDomainEvent(s))).split('.');
    return `${header}.${b64({ data: s.dataClaim({ data: '{}' }) })}.${signature}`;
  }),
  raw('an expired token', 401, 'TOKEN_EXPIRED', async (s) =>
    s.signClaims({ data: s.dataClaim({ data: JSON.stringify(messageDomainEvent(s)), instanceId: s.site.instanceId, eventType: MESSAGE }) },
      { issuedAt: Math.floor(Date.now() / 1000) - 7200, expiresAt: Math.floor(Date.now() / 1000) - 3600 })),
  raw('a token issued an hour in the future', 401, 'BAD_CLAIMS', async (s) =>
    s.signClaims({ data: s.dataClaim({ data: JSON.stringify(messageDomainEvent(s)), instanceId: s.site.instanceId, eventType: MESSAGE }) },
      { issuedAt: Math.floor(Date.now() / 1000) + 3600, expiresAt: Math.floor(Date.now() / 1000) + 7200 })),
  raw('a data claim that is an object, not a string', 400, 'MALFORMED_TOKEN', (s) => s.signClaims({ data: { instanceId: s.site.instanceId } })),
  raw('no data claim', 400, 'MALFORMED_TOKEN', (s) => s.signClaims({ other: 'x' })),
  raw('a data claim of "null"', 400, 'MALFORMED_EVENT', (s) => s.signClaims({ data: 'null' })),
  raw('a data claim that is not JSON', 400, 'MALFORMED_EVENT', (s) => s.signClaims({ data: '{"instanceId":' })),
  raw('an event of "null"', 400, 'MALFORMED_EVENT', (s) => signedWebhook(s, 'null')),
  raw('an event that is not JSON', 400, 'MALFORMED_EVENT', (s) => signedWebhook(s, '{"id":')),
  raw('an event that is a list', 400, 'MALFORMED_EVENT', (s) => signedWebhook(s, '[1,2]')),
  raw('an event that is a number', 400, 'MALFORMED_EVENT', (s) => signedWebhook(s, '42')),
  raw('an identity that is not JSON', 400, 'MALFORMED_EVENT', (s) => signedWebhook(s, messageDomainEvent(s), { identity: '{oops' })),
  raw('an identity that is a number', 400, 'MALFORMED_EVENT', (s) => signedWebhook(s, messageDomainEvent(s), { identity: '5' })),
  raw('an identity with a member ID of the wrong type', 400, 'MALFORMED_EVENT', (s) =>
    signedWebhook(s, messageDomainEvent(s), { identity: JSON.stringify({ identityType: 'MEMBER', memberId: 7 }) })),
  raw('no instanceId', 400, 'MALFORMED_EVENT', (s) => signedWebhook(s, messageDomainEvent(s), { instanceId: undefined })),
  raw('an instanceId that is a number', 400, 'MALFORMED_EVENT', (s) => signedWebhook(s, messageDomainEvent(s), { instanceId: 12 })),
  raw('no eventType', 400, 'MALFORMED_EVENT', (s) => signedWebhook(s, messageDomainEvent(s), { eventType: undefined })),
  raw('an event without an ID', 400, 'MALFORMED_EVENT', (s) => signedWebhook(s, messageDomainEvent(s, (e) => { delete e.id; }))),
  raw('an event without an actionEvent', 400, 'MALFORMED_EVENT', (s) => signedWebhook(s, messageDomainEvent(s, (e) => { delete e.actionEvent; }))),
  raw('an actionEvent body of null', 400, 'MALFORMED_EVENT', (s) => signedWebhook(s, messageDomainEvent(s, (e) => { e.actionEvent.body = null; }))),
  message('without a conversationId', (b) => { delete b.conversationId; }),
  message('with a numeric conversationId', (b) => { b.conversationId = 42; }),
  message('with a conversationId that walks up the path (../)', (b) => { b.conversationId = '../../members/v1/members/x'; }),
  message('with a conversationId carrying a query (?)', (b) => { b.conversationId = 'abc?fieldsets=FULL'; }),
  message('with a conversationId carrying a fragment (#)', (b) => { b.conversationId = 'abc#x'; }),
  message('with a sender contactId that is a number', (b) => { b.message.sender = { contactId: 12345 }; }),
  message('with a sender memberId that is an object', (b) => { b.message.sender = { memberId: { id: 'x' } }; }),
  message('with a sender visitorId that has a slash', (b) => { b.message.sender = { anonymousVisitorId: 'a/b' }; }),
  message('with a sender contactId that is percent-encoded', (b) => { b.message.sender = { contactId: '..%2Fx' }; }),
  message('with a sender that is a string', (b) => { b.message.sender = 'visitor'; }),
  message('with a message that is a string', (b) => { b.message = 'hello'; }),
  message('with text items that are not objects', (b) => { b.message.content.basic.items = ['hello', 'there']; }),
  message('with a text item of null', (b) => { b.message.content.basic.items = [null]; }),
  message('with text items that are not a list', (b) => { b.message.content.basic.items = { text: 'hi' }; }),
  message('with a text that is a number', (b) => { b.message.content.basic.items = [{ text: 12 }]; }),
  message('with a channel that is a list', (b) => { b.message.sourceChannel = ['CHAT']; }),
  merge('without old IDs', (b) => { delete b.oldConversationIds; }),
  merge('with old IDs that are not a list', (b) => { b.oldConversationIds = 'abc'; }),
  merge('with an old ID that walks up the path', (b) => { b.oldConversationIds = ['../x']; }),
  merge('without a target', (b) => { delete b.targetConversationId; }),
  merge('with a target that is an object', (b) => { b.targetConversationId = { id: 'x' }; }),
  raw('a body over 1 MB', 413, 'PAYLOAD_TOO_LARGE', () => 'a'.repeat(1024 * 1024 + 1)),
  raw('a JWT header of 60,000 keys (parsed before the signature is checked)', 400, 'MALFORMED_TOKEN', () =>
    `${b64(Object.fromEntries(Array.from({ length: 60000 }, (_v, i) => [`k${i}`, 1])))}.${b64({})}.sig`.slice(0, 1024 * 1024)),
];
