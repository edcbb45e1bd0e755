import type { Store } from '../core/ports.js';
import { BadRequestError } from './errors.js';
import { itemOf, type ConversationItem } from './list-conversations.js';

/**
 * GET /api/contact-conversations?contactId=… — the conversations of one CRM contact (as a contact, or later as
 * the member linked to them), newest first: what the contact-page plugin shows.
 */
export async function contactConversations(store: Store, instanceId: string, params: URLSearchParams): Promise<{ items: ConversationItem[] }> {
  const contactId = params.get('contactId')?.trim();
  if (!contactId) throw new BadRequestError('contactId is required: the ID of the contact whose conversations to show');
  const records = await store.findConversationsByParticipant(instanceId, { contactId });
  const newestFirst = records.sort((a, b) => (b.lastMessageAt ?? '').localeCompare(a.lastMessageAt ?? ''));
  return { items: newestFirst.map(itemOf) };
}
