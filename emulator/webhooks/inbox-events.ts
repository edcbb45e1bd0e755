import type { Message, Site } from '../state/types.js';
import { actionEvent, CONVERSATIONS_MERGED, MESSAGE_SENT_TO_BUSINESS, type WebhookIdentity } from './domain-events.js';

/** Message Sent To Business: body `{conversationId, message}`. */
export const messageSentToBusiness = (site: Site, conversationId: string, message: Message,
  identity: WebhookIdentity | undefined) =>
  actionEvent({
    site,
    eventType: MESSAGE_SENT_TO_BUSINESS,
    entityFqdn: 'wix.crm.inbox.v2.message',
    slug: 'message_sent_to_business',
    entityId: message.id,
    body: { conversationId, message },
    identity,
    eventTime: message.createdDate,
  });

/** Conversations Merged: body `{oldConversationIds, targetConversationId}`. */
export const conversationsMerged = (site: Site, oldConversationIds: string[], targetConversationId: string,
  identity: WebhookIdentity | undefined, eventTime: string) =>
  actionEvent({
    site,
    eventType: CONVERSATIONS_MERGED,
    entityFqdn: 'wix.crm.inbox.v2.conversation',
    slug: 'conversations_merged',
    entityId: targetConversationId,
    body: { oldConversationIds, targetConversationId },
    identity,
    eventTime,
  });
