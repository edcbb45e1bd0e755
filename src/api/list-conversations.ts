import type { ConversationQuery, ConversationRecord } from '../core/conversation.js';
import type { ParticipantIds } from '../core/participant.js';
import type { Store } from '../core/ports.js';
import { positionOf } from '../core/conversation-order.js';
import { conversationQueryFrom } from './conversation-query.js';
import { cursorAfter } from './list-cursor.js';

/** One row of the dashboard's conversation list: the record, with the participant's IDs at the top level. */
export type ConversationItem = Omit<ConversationRecord, 'instanceId' | 'participant' | 'resolution' | 'updatedAt'> & ParticipantIds;

export interface ConversationList {
  items: ConversationItem[];
  /** How many conversations match; a search stops counting at 1,000 and says so with `totalCapped`. */
  total: number;
  totalCapped?: true;
  /** The next page: pass it back as `cursor` (with the same sort). Absent on the last page. */
  nextCursor?: string;
}

/** GET /api/conversations for one site: the site comes from the caller's verified authentication, never a parameter. */
export async function listConversations(store: Store, instanceId: string, params: URLSearchParams): Promise<ConversationList> {
  const query = conversationQueryFrom(params);
  const page = await store.listConversations(instanceId, query);
  const last = page.items.at(-1);
  return {
    items: page.items.map(itemOf),
    total: page.total,
    ...(page.totalCapped ? { totalCapped: true as const } : {}),
    ...(page.hasMore && last ? { nextCursor: cursorAfter(query.sort, { ...positionOf(last, query.sort.field), seen: seenBefore(query) + page.items.length }) } : {}),
  };
}

/** How many rows came before this page. */
function seenBefore(query: ConversationQuery): number {
  return query.after ? query.after.seen ?? 0 : query.offset;
}

export function itemOf(record: ConversationRecord): ConversationItem {
  const { participant, instanceId: _site, resolution: _resolution, updatedAt: _updated, ...rest } = record;
  return { ...rest, ...participant };
}
