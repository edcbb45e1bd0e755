import { once } from '../core/once.js';
import type { Store } from '../core/ports.js';
import { itemOf, type ConversationItem } from './list-conversations.js';
import { queryParams, wixId } from './query-params.js';

/** Built on the first request of the route, not at start. */
const contactParams = once(() => ({ contactId: wixId('contactId', 'the ID of the contact whose conversations to show') }));

/**
 * GET /api/contact-conversations?contactId=… — the conversations of one CRM contact (as a contact, or later as
 * the member linked to them), newest first: what the contact-page plugin shows.
 */
export async function contactConversations(store: Store, instanceId: string, params: URLSearchParams): Promise<{ items: ConversationItem[] }> {
  const { contactId } = queryParams(contactParams(), params);
  const records = await store.findConversationsByParticipant(instanceId, { contactId });
  const newestFirst = records.sort((a, b) => (b.lastMessageAt ?? '').localeCompare(a.lastMessageAt ?? ''));
  return { items: newestFirst.map(itemOf) };
}
