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

/** The most conversation IDs a `merged` hint may name. */
export const MAX_MERGED_HINT = 50;

/**
 * `?merged=a,b` — the conversations the caller knows were merged into this one (the list row's `mergedFrom`). A
 * hint only: the answer is the same without it, but on Wix hosting the decisions made in those conversations are then
 * read in the same query as the record (a dashboard route has 4 sub-requests).
 */
export function mergedHintOf(params: URLSearchParams): string[] {
  const raw = params.get('merged');
  if (!raw) return [];
  const ids = raw.split(',');
  if (ids.length > MAX_MERGED_HINT) throw new BadRequestError(`merged may name at most ${MAX_MERGED_HINT} conversation IDs; got ${ids.length}`);
  const bad = ids.find((id) => !isWixId(id));
  if (bad !== undefined) throw new BadRequestError('merged must be conversation IDs (letters, digits, - and _) separated by commas');
  return ids;
}

export async function conversationTimeline(store: Store, instanceId: string, conversationId: string, params = new URLSearchParams()): Promise<ConversationTimeline> {
  if (!isWixId(conversationId)) throw new BadRequestError('The conversation ID in the path is not a Wix ID (letters, digits, - and _)');
  mergedHintOf(params);
  const currentId = await currentConversationId(store, instanceId, conversationId);
  const record = await store.getConversation(instanceId, currentId);
  if (!record) throw new NotFoundError(`No conversation ${conversationId} on this site`);
  const decisions = await store.listDecisions(instanceId, [record.conversationId, ...record.mergedFrom], TIMELINE_LIMIT);
  return { conversation: itemOf(record), decisions };
}
