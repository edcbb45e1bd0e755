import type { Inbox } from '../core/ports.js';
import type { CurrentParticipantId } from '../core/participant.js';
import { statusOf, withRetries, type RetryOptions } from './retry.js';

/** The Inbox SDK calls the app makes, bound to one site (a client's modules, or the ambient elevated ones). */
export interface InboxModules {
  conversations: {
    getOrCreateConversation(participantId: CurrentParticipantId): Promise<{ conversation?: {
      _id?: string | null;
      businessDisplayData?: { name?: string | null } | null;
      participantDisplayData?: { name?: string | null } | null;
      participant?: { anonymousVisitorId?: string | null; contactId?: string | null; memberId?: string | null } | null;
    } }>;
  };
  messages: {
    sendMessage(conversationId: string, message: any): Promise<{ message?: { _id?: string | null } }>;
    listMessages(conversationId: string, visibility: 'BUSINESS', options?: any): Promise<{ messages?: InboxMessage[] }>;
  };
}

interface InboxMessage {
  _id?: string | null;
  direction?: string;
  appId?: string | null;
  sender?: { wixUserId?: string | null; appId?: string | null } | null;
  _createdDate?: Date | string | null;
}

export interface WixInboxOptions {
  retry?: RetryOptions;
  retryAfterSeconds?: (instanceId: string) => number;
  /** This app's ID (WIX_APP_ID, wix.config.json): how its own messages are told apart from other apps'. */
  appId: string;
}

/** A 429 was refused before Wix served it; a 5xx or a dropped connection may have stored the message already. */
const refusedUnserved = (error: unknown) => statusOf(error) === 429;

/**
 * Wix Inbox over the real SDK. Every call is retried on 429/5xx with backoff that honours Retry-After
 * (read from the site's rate limiter, which saw the response header); what still fails throws a WixCallError.
 * Send Message is the exception: only a 429 is sent again here. Any other failure may hide a stored message, so it
 * goes up, and the retry looks for the message first (appMessagesSince) — see services/auto-reply-delivery.ts.
 */
export function createWixInbox(modulesFor: (instanceId: string) => InboxModules | Promise<InboxModules>, options: WixInboxOptions): Inbox {
  const call = <T>(instanceId: string, what: string, fn: (sdk: InboxModules) => Promise<T>, retryable?: (error: unknown) => boolean) =>
    withRetries(what, async () => fn(await modulesFor(instanceId)), () => options.retryAfterSeconds?.(instanceId) ?? 1, options.retry, retryable);
  const newestPage = async (instanceId: string, conversationId: string) => (await call(instanceId, 'List Messages', (sdk) =>
    sdk.messages.listMessages(conversationId, 'BUSINESS', { paging: { limit: 30 }, sorting: { fieldName: 'sequence', order: 'DESC' } }))).messages ?? [];
  const byThisApp = (m: InboxMessage) => {
    const appId = m.sender?.appId ?? m.appId;
    return options.appId ? appId === options.appId : Boolean(appId);
  };

  return {
    async currentConversation(instanceId, participantId) {
      const { conversation } = await call(instanceId, 'Get Or Create Conversation', (sdk) => sdk.conversations.getOrCreateConversation(participantId));
      if (!conversation?._id) throw new Error('Get Or Create Conversation answered without a conversation ID');
      const { anonymousVisitorId, contactId, memberId } = conversation.participant ?? {};
      const participant = {
        ...(anonymousVisitorId ? { anonymousVisitorId } : {}), ...(contactId ? { contactId } : {}), ...(memberId ? { memberId } : {}),
      };
      return {
        conversationId: conversation._id, businessName: conversation.businessDisplayData?.name ?? undefined, participant,
        participantName: conversation.participantDisplayData?.name ?? undefined,
      };
    },
    async send(instanceId, conversationId, message) {
      const sent = await call(instanceId, 'Send Message', (sdk) => sdk.messages.sendMessage(conversationId, {
        direction: 'BUSINESS_TO_PARTICIPANT',
        visibility: 'BUSINESS_AND_PARTICIPANT',
        content: { basic: { items: [{ text: message.text }] }, previewText: message.text },
        ...(message.badgeText ? { badges: [{ text: message.badgeText, badgeVisibility: 'BUSINESS' }] } : {}),
      }), refusedUnserved);
      return { messageId: sent.message?._id ?? '' };
    },
    async lastBusinessMessageAt(instanceId, conversationId) {
      // A conversation Wix no longer has (merged away, deleted) holds no one's recent writing.
      const page = await newestPage(instanceId, conversationId).catch((error: unknown) => {
        if (statusOf(error) === 404) return [];
        throw error;
      });
      // A person from the business (a Wix user), not an app: apps' messages (ours included) do not silence us.
      const human = page
        .find((m) => m.direction === 'BUSINESS_TO_PARTICIPANT' && m.sender?.wixUserId && !m.sender.appId);
      return human?._createdDate ? new Date(human._createdDate) : undefined;
    },
    async appMessagesSince(instanceId, conversationId, since) {
      return (await newestPage(instanceId, conversationId))
        .filter((m) => m.direction === 'BUSINESS_TO_PARTICIPANT' && byThisApp(m) && m._createdDate && new Date(m._createdDate) >= since)
        .flatMap((m) => (m._id ? [m._id] : []));
    },
  };
}
