import type { IncomingMessageFacts, SenderIds, WebhookIdentity } from './sender.js';

export const MESSAGE_SENT_TO_BUSINESS = 'wix.crm.inbox.v2.message_message_sent_to_business';
export const CONVERSATIONS_MERGED = 'wix.crm.inbox.v2.conversation_conversations_merged';

/**
 * The shape of every ID the app passes on to Wix — conversation, contact, member and visitor IDs are GUIDs. The
 * SDK puts path IDs into URLs as given (`/contacts/v4/contacts/{id}`, no escaping), so an ID with `/`, `?`, `#`,
 * `%` or `..` would reach another route: such IDs are refused here, at the boundary, before anything is stored.
 */
export const WIX_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export function isWixId(value: unknown): value is string {
  return typeof value === 'string' && WIX_ID_PATTERN.test(value);
}

/** The most old conversations one merge may name. */
export const MAX_MERGED_CONVERSATIONS = 1000;

/** A participant's message, reduced to what the app uses. */
export interface MessageEvent {
  kind: 'message';
  eventId: string;
  instanceId: string;
  at: string;
  conversationId: string;
  messageId?: string;
  message: IncomingMessageFacts;
  identity?: WebhookIdentity;
  text?: string;
  channel?: string;
}

export interface MergeEvent {
  kind: 'merge';
  eventId: string;
  instanceId: string;
  at: string;
  targetConversationId: string;
  oldConversationIds: string[];
}

export type InboxEvent = MessageEvent | MergeEvent;

/** The event envelope as the SDK hands it to a handler (keys renamed: `_id`, `_createdDate`). */
export interface EventEnvelope {
  data?: unknown;
  metadata?: {
    _id?: string | null;
    instanceId?: string | null;
    eventTime?: Date | string | null;
    identity?: unknown;
  };
}

export class MalformedEventError extends Error {
  override name = 'MalformedEventError';
}

type Loose = Record<string, unknown>;

/**
 * The domain event inside a verified webhook, checked before the SDK builds the handler's envelope from it: an
 * object with an event ID and an action body. Anything else (`null`, a string, a list) is malformed.
 */
export function checkDomainEvent(payload: unknown): void {
  if (!isObject(payload)) throw new MalformedEventError(`Webhook data is not an event object (got ${kindOf(payload)})`);
  if (typeof payload.id !== 'string' || !payload.id) throw new MalformedEventError('Event has no id (the event ID)');
  const action = payload.actionEvent;
  if (!isObject(action) || !isObject(action.body)) throw new MalformedEventError('Event has no actionEvent.body object');
}

/** Message Sent To Business → MessageEvent; names the first missing or malformed field. */
export function messageEventFrom(envelope: EventEnvelope, receivedAt: Date): MessageEvent {
  const { eventId, instanceId, at } = metadataOf(envelope, receivedAt);
  const data = (isObject(envelope.data) ? envelope.data : {}) as { conversationId?: unknown; message?: unknown };
  const conversationId = requiredId(data.conversationId, 'data.conversationId');
  const message = optionalObject(data.message, 'data.message');
  const content = optionalObject(message.content, 'data.message.content');
  return {
    kind: 'message',
    eventId,
    instanceId,
    at: isoOf(message._createdDate) ?? at,
    conversationId,
    messageId: optionalText(message._id, 'data.message.id'),
    message: {
      sender: senderOf(message.sender),
      direction: optionalText(message.direction, 'data.message.direction'),
      appId: optionalText(message.appId, 'data.message.appId'),
    },
    identity: identityOf(envelope.metadata?.identity),
    text: textOf(content),
    channel: optionalText(message.sourceChannel, 'data.message.sourceChannel') ?? optionalText(message.sourceChannelId, 'data.message.sourceChannelId'),
  };
}

/** Conversations Merged → MergeEvent. */
export function mergeEventFrom(envelope: EventEnvelope, receivedAt: Date): MergeEvent {
  const { eventId, instanceId, at } = metadataOf(envelope, receivedAt);
  const data = (isObject(envelope.data) ? envelope.data : {}) as { targetConversationId?: unknown; oldConversationIds?: unknown };
  const targetConversationId = requiredId(data.targetConversationId, 'data.targetConversationId');
  const oldConversationIds = data.oldConversationIds;
  if (!Array.isArray(oldConversationIds) || oldConversationIds.some((id) => typeof id !== 'string' || !id)) {
    throw new MalformedEventError('Conversations Merged event has no data.oldConversationIds list');
  }
  if (oldConversationIds.length > MAX_MERGED_CONVERSATIONS) {
    throw new MalformedEventError(`Conversations Merged event names more than ${MAX_MERGED_CONVERSATIONS} old conversations`);
  }
  oldConversationIds.forEach((id, index) => requiredId(id, `data.oldConversationIds[${index}]`));
  return { kind: 'merge', eventId, instanceId, at, targetConversationId, oldConversationIds: [...oldConversationIds] as string[] };
}

function metadataOf(envelope: EventEnvelope, receivedAt: Date) {
  if (!isObject(envelope)) throw new MalformedEventError(`Event is not an object (got ${kindOf(envelope)})`);
  const metadata = (isObject(envelope.metadata) ? envelope.metadata : {}) as NonNullable<EventEnvelope['metadata']>;
  return {
    eventId: required(metadata._id, 'metadata.id (the event ID)'),
    instanceId: required(metadata.instanceId, 'metadata.instanceId'),
    at: isoOf(metadata.eventTime) ?? receivedAt.toISOString(),
  };
}

/** `message.sender`: each ID absent, null, empty or a Wix ID; anything else is malformed (it would fail later, in every retry). */
function senderOf(value: unknown): SenderIds | null | undefined {
  if (value === undefined || value === null) return value;
  const sender = optionalObject(value, 'data.message.sender');
  for (const key of ['anonymousVisitorId', 'contactId', 'memberId', 'wixUserId', 'appId'] as const) {
    optionalId(sender[key], `data.message.sender.${key}`);
  }
  return sender as SenderIds;
}

function identityOf(value: unknown): WebhookIdentity | undefined {
  if (value === undefined || value === null) return undefined;
  const identity = optionalObject(value, 'identity');
  optionalText(identity.identityType, 'identity.identityType');
  for (const key of ['anonymousVisitorId', 'memberId', 'wixUserId', 'appId'] as const) optionalId(identity[key], `identity.${key}`);
  return identity as WebhookIdentity;
}

/** The readable text of a message: its basic text items, a minimal text, the preview, or a form's title. */
function textOf(content: Loose): string | undefined {
  const basic = optionalObject(content.basic, 'data.message.content.basic');
  const items = basic.items ?? [];
  if (!Array.isArray(items)) throw new MalformedEventError('Event field data.message.content.basic.items must be a list');
  const texts = items.map((item: unknown, index) => {
    if (!isObject(item)) throw new MalformedEventError(`Event field data.message.content.basic.items[${index}] must be an object (got ${kindOf(item)})`);
    return optionalText(item.text, `data.message.content.basic.items[${index}].text`);
  });
  const minimal = optionalObject(content.minimal, 'data.message.content.minimal');
  const form = optionalObject(content.form, 'data.message.content.form');
  return texts.filter(Boolean).join('\n')
    || optionalText(minimal.text, 'data.message.content.minimal.text')
    || optionalText(content.previewText, 'data.message.content.previewText')
    || optionalText(form.title, 'data.message.content.form.title')
    || undefined;
}

function required(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new MalformedEventError(`Event has no ${field}`);
  return value;
}

function requiredId(value: unknown, field: string): string {
  const id = required(value, field);
  if (!isWixId(id)) throw new MalformedEventError(`Event field ${field} is not a Wix ID (letters, digits, - and _)`);
  return id;
}

function optionalId(value: unknown, field: string): void {
  if (value === undefined || value === null || value === '') return;
  if (typeof value !== 'string') throw new MalformedEventError(`Event field ${field} must be an ID (text); got ${kindOf(value)}`);
  if (!isWixId(value)) throw new MalformedEventError(`Event field ${field} is not a Wix ID (letters, digits, - and _)`);
}

function optionalText(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new MalformedEventError(`Event field ${field} must be text; got ${kindOf(value)}`);
  return value;
}

function optionalObject(value: unknown, field: string): Loose {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw new MalformedEventError(`Event field ${field} must be an object; got ${kindOf(value)}`);
  return value;
}

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
}

function isoOf(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  return undefined;
}
