import type { ConversationRecord } from '../core/conversation.js';
import type { ParticipantIds } from '../core/participant.js';
import type { Store } from '../core/ports.js';
import { conversationQueryFrom, cursorFor } from './conversation-query.js';

/** One row of the dashboard's conversation list: the record, with the participant's IDs at the top level. */
export type ConversationItem = Omit<ConversationRecord, 'instanceId' | 'participant' | 'resolution' | 'updatedAt'> & ParticipantIds;

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

export function itemOf(record: ConversationRecord): ConversationItem {
  const { participant, instanceId: _site, resolution: _resolution, updatedAt: _updated, ...rest } = record;
  return { ...rest, ...participant };
}
