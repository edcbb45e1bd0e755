import type { IncomingMessageFacts, WebhookIdentity } from './sender.js';

export const MESSAGE_SENT_TO_BUSINESS = 'wix.crm.inbox.v2.message_message_sent_to_business';
export const CONVERSATIONS_MERGED = 'wix.crm.inbox.v2.conversation_conversations_merged';

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

/** Message Sent To Business → MessageEvent; names the first missing field. */
export function messageEventFrom(envelope: EventEnvelope, receivedAt: Date): MessageEvent {
  const { eventId, instanceId, at } = metadataOf(envelope, receivedAt);
  const data = (envelope.data ?? {}) as { conversationId?: string; message?: Record<string, any> };
  const conversationId = required(data.conversationId, 'data.conversationId');
  const message = data.message ?? {};
  const content = message.content ?? {};
  const text = (content.basic?.items ?? []).map((item: { text?: string }) => item.text).filter(Boolean).join('\n')
    || content.minimal?.text || content.previewText || content.form?.title || undefined;
  return {
    kind: 'message',
    eventId,
    instanceId,
    at: isoOf(message._createdDate) ?? at,
    conversationId,
    messageId: message._id ?? undefined,
    message: { sender: message.sender, direction: message.direction, appId: message.appId },
    identity: (envelope.metadata?.identity ?? undefined) as WebhookIdentity | undefined,
    text,
    channel: message.sourceChannel ?? message.sourceChannelId ?? undefined,
  };
}

/** Conversations Merged → MergeEvent. */
export function mergeEventFrom(envelope: EventEnvelope, receivedAt: Date): MergeEvent {
  const { eventId, instanceId, at } = metadataOf(envelope, receivedAt);
  const data = (envelope.data ?? {}) as { targetConversationId?: string; oldConversationIds?: string[] };
  const targetConversationId = required(data.targetConversationId, 'data.targetConversationId');
  const oldConversationIds = data.oldConversationIds;
  if (!Array.isArray(oldConversationIds) || oldConversationIds.some((id) => typeof id !== 'string' || !id)) {
    throw new MalformedEventError('Conversations Merged event has no data.oldConversationIds list');
  }
  return { kind: 'merge', eventId, instanceId, at, targetConversationId, oldConversationIds };
}

function metadataOf(envelope: EventEnvelope, receivedAt: Date) {
  const metadata = envelope.metadata ?? {};
  return {
    eventId: required(metadata._id, 'metadata.id (the event ID)'),
    instanceId: required(metadata.instanceId, 'metadata.instanceId'),
    at: isoOf(metadata.eventTime) ?? receivedAt.toISOString(),
  };
}

function required(value: string | null | undefined, field: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new MalformedEventError(`Event has no ${field}`);
  return value;
}

function isoOf(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  return undefined;
}
