import type { ConversationPage, ConversationQuery } from '../core/conversation.js';
import { itemOf, type ConversationItem } from '../core/conversation-item.js';
import type { Store } from '../core/ports.js';
import { positionOf } from '../core/conversation-order.js';
import { conversationQueryFrom } from './conversation-query.js';
import { cursorAfter } from './list-cursor.js';

export type { ConversationItem } from '../core/conversation-item.js';
export { itemOf } from '../core/conversation-item.js';

export interface ConversationList {
  items: ConversationItem[];
  /** How many conversations match; a search stops counting at 100 and says so with `totalCapped`. */
  total: number;
  totalCapped?: true;
  /** The next page: pass it back as `cursor` (with the same sort). Absent on the last page. */
  nextCursor?: string;
}

/** GET /api/conversations for one site: the site comes from the caller's verified authentication, never a parameter. */
export async function listConversations(store: Store, instanceId: string, params: URLSearchParams): Promise<ConversationList> {
  const query = conversationQueryFrom(params);
  const page = await store.listConversations(instanceId, query);
  return { items: page.items.map(itemOf), ...pagingOf(page, query) };
}

/** The same answer as JSON text: a page a store gave already as JSON is written out as it came, nothing parsed. */
export async function listConversationsJson(store: Store, instanceId: string, params: URLSearchParams): Promise<string> {
  const query = conversationQueryFrom(params);
  const page = await store.listConversations(instanceId, query);
  if (!page.itemsJson) return JSON.stringify({ items: page.items.map(itemOf), ...pagingOf(page, query) });
  return `{"items":[${page.itemsJson.join(',')}],${JSON.stringify(pagingOf(page, query)).slice(1)}`;
}

/** The total, and the cursor after the page's last row when rows follow it. */
function pagingOf(page: ConversationPage, query: ConversationQuery): Omit<ConversationList, 'items'> {
  const last = page.last ?? (page.items.length > 0 ? positionOf(page.items.at(-1)!, query.sort.field) : undefined);
  const shown = page.itemsJson?.length ?? page.items.length;
  return {
    total: page.total,
    ...(page.totalCapped ? { totalCapped: true as const } : {}),
    ...(page.hasMore && last ? { nextCursor: cursorAfter(query.sort, { ...last, seen: seenBefore(query) + shown }) } : {}),
  };
}

/** How many rows came before this page. */
function seenBefore(query: ConversationQuery): number {
  return query.after ? query.after.seen ?? 0 : query.offset;
}
