import type { DecisionRecord, ReplyClaim } from '../core/auto-reply/ledger.js';
import type { AutoReplyStatus } from '../core/conversation.js';
import type { MessageEvent } from '../core/inbox-event.js';
import { participantKeys } from '../core/participant.js';
import type { Clock, Store } from '../core/ports.js';
import { currentConversationId } from './conversation-registry.js';

const STATUS: Record<DecisionRecord['outcome'], AutoReplyStatus['status']> = { replied: 'replied', skipped: 'skipped', failed: 'failed' };

/**
 * Records what was decided for a message, and shows the latest on its conversation: every message gets a
 * decision (replied with the text, skipped with the reason, failed with the error) — nothing is dropped silently.
 */
export async function recordDecision(
  deps: { store: Store; clock: Clock },
  event: MessageEvent,
  outcome: { outcome: DecisionRecord['outcome']; reason?: string; rule?: string; text?: string },
): Promise<DecisionRecord> {
  const { store } = deps;
  const conversationId = await currentConversationId(store, event.instanceId, event.conversationId);
  const decision: DecisionRecord = {
    instanceId: event.instanceId,
    eventId: event.eventId,
    conversationId,
    ...(event.messageId ? { messageId: event.messageId } : {}),
    outcome: outcome.outcome,
    ...definedOnly({ reason: outcome.reason, rule: outcome.rule, text: outcome.text }),
    decidedAt: deps.clock.now().toISOString(),
  };
  await store.putDecision(decision);
  const record = await store.getConversation(event.instanceId, conversationId);
  if (record && (!record.autoReply || record.autoReply.at <= decision.decidedAt)) {
    const autoReply: AutoReplyStatus = { status: STATUS[decision.outcome], at: decision.decidedAt, ...definedOnly({ reason: decision.reason, text: decision.text }) };
    await store.putConversation({ ...record, autoReply });
  }
  return decision;
}

/** A reply the journal gave up on: its claim is marked failed (so it does not hold the cooldown) and the owner sees why. */
export async function recordGivenUp(deps: { store: Store; clock: Clock }, event: MessageEvent, error: string): Promise<void> {
  const conversationId = await currentConversationId(deps.store, event.instanceId, event.conversationId);
  const record = await deps.store.getConversation(event.instanceId, conversationId);
  if (record) {
    const keys = participantKeys(record.participant);
    const claims = await deps.store.replyClaims(event.instanceId, keys, 20);
    const mine: ReplyClaim | undefined = claims.find((c) => c.eventId === event.eventId && c.status === 'claimed');
    if (mine) await deps.store.updateReplyClaim({ ...mine, status: 'failed', error });
  }
  await recordDecision(deps, event, { outcome: 'failed', reason: error });
}

function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
