import type { ConversationRecord } from '../core/conversation.js';
import type { InboxEvent, MergeEvent, MessageEvent } from '../core/inbox-event.js';
import type { Clock, Directory, Store } from '../core/ports.js';
import { applyPerson, foldMerge, recordMessage } from '../core/registry.js';
import { upgradeType } from '../core/type-history.js';
import { participantOf } from '../core/participant.js';
import { classifySender, type NotParticipantReason } from '../core/sender.js';
import { markPersonStale, resolvePerson } from './resolve-person.js';

export interface RegistryDeps {
  store: Store;
  directory: Directory;
  clock: Clock;
}

/** Longest chain of merges followed from an old conversation ID to the current one. */
const MAX_ALIAS_HOPS = 16;

/** The conversation an ID lives in now, following merges. */
export async function currentConversationId(store: Store, instanceId: string, conversationId: string): Promise<string> {
  return (await mergeChain(store, instanceId, conversationId)).at(-1)!;
}

/** Every conversation ID from this one to the one it lives in now, following merges: [id, …, current]. */
export async function mergeChain(store: Store, instanceId: string, conversationId: string): Promise<string[]> {
  const chain = [conversationId];
  for (let hop = 0; hop < MAX_ALIAS_HOPS; hop++) {
    const next = await store.getAlias(instanceId, chain.at(-1)!);
    if (!next || chain.includes(next)) break;
    chain.push(next);
  }
  return chain;
}

/** Counts a participant's message into its (current) conversation; anyone else's message is only classified. */
export async function recordIncoming(deps: RegistryDeps, event: MessageEvent): Promise<ConversationRecord | { notParticipant: NotParticipantReason }> {
  const verdict = classifySender(event.message, event.identity);
  if (verdict.kind !== 'participant') return { notParticipant: verdict.reason };
  const chain = await mergeChain(deps.store, event.instanceId, event.conversationId);
  const conversationId = chain.at(-1)!;
  const existing = await deps.store.getConversation(event.instanceId, conversationId);
  // The conversations merged on the way here belong to the record too, whichever order Wix told us of them in.
  const mergedFrom = [...(existing ? [] : await deps.store.aliasesTo(event.instanceId, conversationId)), ...chain.slice(0, -1)];
  const record = recordMessage(existing, {
    instanceId: event.instanceId,
    conversationId,
    writtenIn: event.conversationId,
    participant: verdict.participant,
    at: event.at,
    preview: event.text,
    channel: event.channel,
  }, mergedFrom);
  await deps.store.putConversation(record);
  return record;
}

/** Folds old conversations into the target and leaves their IDs behind as aliases. */
export async function recordMerge(deps: RegistryDeps, event: MergeEvent): Promise<ConversationRecord | undefined> {
  const { store } = deps;
  const targetId = await currentConversationId(store, event.instanceId, event.targetConversationId);
  const oldIds = event.oldConversationIds.filter((id) => id !== targetId);
  const olds = (await Promise.all(oldIds.map((id) => store.getConversation(event.instanceId, id))))
    .filter((r): r is ConversationRecord => r !== undefined);
  for (const id of oldIds) await store.setAlias(event.instanceId, id, targetId);
  const target = await store.getConversation(event.instanceId, targetId);
  const folded = foldMerge(target, olds, { ...event, targetConversationId: targetId, oldConversationIds: oldIds });
  if (!folded) return undefined;
  await store.putConversation(folded);
  for (const old of olds) await store.removeConversation(event.instanceId, old.conversationId);
  return folded;
}

/**
 * Asks who the participant of a conversation is and writes it into the record. After a merge the target is a
 * conversation Wix made for the person's new identity, so Wix Inbox is asked whose it is first.
 */
export async function resolveConversation(deps: RegistryDeps, event: InboxEvent, options: { lookUp?: boolean } = {}): Promise<ConversationRecord | undefined> {
  const currentId = await currentConversationId(deps.store, event.instanceId, conversationOf(event));
  const record = await deps.store.getConversation(event.instanceId, currentId);
  if (!record) return undefined;
  // Whose the merge's target was is what held at the merge; the Directory then says what holds now. (The target
  // itself may since have been merged on, so it is asked about by its own ID, not the current one.)
  // A target whose own messages were seen already told us its participant; only an unseen one is asked about.
  const target = event.kind === 'merge' ? event.targetConversationId : undefined;
  const targetType = record.typeHistory.find((change) => change.conversationId === target)?.type;
  const inboxIds = target && !targetType ? await deps.directory.participantOf(event.instanceId, target) : undefined;
  const inboxParticipant = targetType ? { type: targetType, ids: {} } : inboxIds && participantOf(inboxIds);
  const seen = inboxParticipant && target ? upgradeType(record, inboxParticipant, event.at, target) : record;
  const resolved = await resolveAfter(deps, event, seen.participant, options.lookUp);
  const participant = resolved?.participant ?? { type: seen.participantType, ids: seen.participant };
  const updated = applyPerson(seen, participant, resolved?.person.details ?? {}, deps.clock.now().toISOString());
  await deps.store.putConversation(updated);
  return updated;
}

/**
 * Who the person is now. After a merge the cached person is out of date by definition, so the Directory is asked
 * straight away; if it cannot answer, the cache is marked stale so the next sighting asks again. `lookUp: false`
 * (a message's request with no room left) keeps what is cached; a merge always asks.
 */
async function resolveAfter(deps: RegistryDeps, event: InboxEvent, ids: ConversationRecord['participant'], lookUp?: boolean) {
  if (event.kind !== 'merge') return resolvePerson(deps, event.instanceId, ids, { lookUp });
  try {
    return await resolvePerson(deps, event.instanceId, ids, { refresh: true });
  } catch (error) {
    await markPersonStale(deps.store, event.instanceId, ids);
    throw error;
  }
}

/** Where a journal event first touches the registry. */
export function conversationOf(event: InboxEvent): string {
  return event.kind === 'message' ? event.conversationId : event.targetConversationId;
}
