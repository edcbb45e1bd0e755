import type { DecisionRecord } from '../core/auto-reply/ledger.js';
import type { Store } from '../core/ports.js';
import { currentConversationId } from '../services/conversation-registry.js';
import { isWixId } from '../core/inbox-event.js';
import { BadRequestError, NotFoundError } from './errors.js';
import { itemOf, type ConversationItem } from './list-conversations.js';

export const TIMELINE_LIMIT = 200;

/** GET /api/conversations/:conversationId: the record and its decisions, newest first (merged-in conversations included). */
export interface ConversationTimeline {
  conversation: ConversationItem;
  decisions: DecisionRecord[];
}

export async function conversationTimeline(store: Store, instanceId: string, conversationId: string): Promise<ConversationTimeline> {
  if (!isWixId(conversationId)) throw new BadRequestError('The conversation ID in the path is not a Wix ID (letters, digits, - and _)');
  const currentId = await currentConversationId(store, instanceId, conversationId);
  const record = await store.getConversation(instanceId, currentId);
  if (!record) throw new NotFoundError(`No conversation ${conversationId} on this site`);
  const decisions = await store.listDecisions(instanceId, [record.conversationId, ...record.mergedFrom], TIMELINE_LIMIT);
  return { conversation: itemOf(record), decisions };
}
