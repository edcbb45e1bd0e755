import type { ConversationRecord } from '../core/conversation.js';
import type { Store } from '../core/ports.js';
import { conversationQueryFrom, cursorFor } from './conversation-query.js';

/** One row of the dashboard's conversation list, as the API returns it. */
export interface ConversationItem {
  conversationId: string;
  participantType: ConversationRecord['participantType'];
  anonymousVisitorId?: string;
  contactId?: string;
  memberId?: string;
  displayName: string;
  email?: string;
  phone?: string;
  channel?: string;
  firstMessageAt?: string;
  lastMessageAt?: string;
  lastMessagePreview?: string;
  messageCount: number;
  autoReply?: ConversationRecord['autoReply'];
  mergedFrom: string[];
  typeHistory: ConversationRecord['typeHistory'];
}

export interface ConversationList {
  items: ConversationItem[];
  total: number;
  nextCursor?: string;
}

/** GET /api/conversations for one site: the site comes from the caller's verified authentication, never a parameter. */
export async function listConversations(store: Store, instanceId: string, params: URLSearchParams): Promise<ConversationList> {
  const query = conversationQueryFrom(params);
  const page = await store.listConversations(instanceId, query);
  const next = query.offset + page.items.length;
  return {
    items: page.items.map(itemOf),
    total: page.total,
    ...(next < page.total ? { nextCursor: cursorFor(next) } : {}),
  };
}

function itemOf(record: ConversationRecord): ConversationItem {
  const { participant, instanceId: _site, resolution: _resolution, updatedAt: _updated, ...rest } = record;
  return { ...rest, ...participant };
}
