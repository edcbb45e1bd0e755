import { decideAutoReply, needsBusinessActivity, type ReplyFacts } from '../core/auto-reply/decide.js';
import { personKey, type ReplyClaim } from '../core/auto-reply/ledger.js';
import { withDefaults } from '../core/auto-reply/settings.js';
import type { MessageEvent } from '../core/inbox-event.js';
import { currentParticipantId, participantKeys } from '../core/participant.js';
import type { Inbox } from '../core/ports.js';
import { deliverClaim } from './auto-reply-delivery.js';
import { recordDecision } from './auto-reply-outcome.js';
import { currentConversationId, type RegistryDeps } from './conversation-registry.js';

export type AutoReplyDeps = RegistryDeps & { inbox: Inbox };

/** Claims looked at per person: enough to find the last reply and the highest sequence. */
const CLAIMS_LOOKED_AT = 20;

/**
 * Answers one participant message at most once per person per cooldown. Decides with every fact that needs no
 * Wix call first; asks the Inbox (Get Or Create Conversation, and the recent messages only when the quiet rule
 * is on) only when a reply is due; then claims (site, person, next seq) durably before sending. A retry of the
 * same event finds its own claim and resumes it (see deliverClaim: never a second copy); any other delivery finds
 * the claim taken.
 */
export async function autoReply(deps: AutoReplyDeps, event: MessageEvent): Promise<void> {
  const { store, inbox, clock } = deps;
  const conversationId = await currentConversationId(store, event.instanceId, event.conversationId);
  const record = await store.getConversation(event.instanceId, conversationId);
  const anchor = record && personKey(record.participant);
  const participantId = record && currentParticipantId(record.participant);
  if (!record || !anchor || !participantId) return;
  const claims = await store.replyClaims(event.instanceId, participantKeys(record.participant), CLAIMS_LOOKED_AT);
  const mine = claims.find((c) => c.eventId === event.eventId);
  if (mine?.status === 'claimed') return send(deps, event, mine, participantId, claims);
  if (mine) return;

  const settings = withDefaults(await store.getSettings(event.instanceId));
  const person = await store.getPerson(event.instanceId, record.participant);
  const lastReply = claims.find((c) => c.status !== 'failed');
  const now = clock.now();
  const facts: ReplyFacts = {
    settings,
    participantType: record.participantType,
    details: person?.details ?? {},
    text: event.text,
    channel: event.channel,
    at: now,
    lastReplyAt: lastReply ? new Date(lastReply.claimedAt) : undefined,
    isFirstMessage: !record.firstMessageAt || event.at <= record.firstMessageAt,
  };
  let decision = decideAutoReply(facts);
  let current: { conversationId: string; businessName?: string } | undefined;
  if (decision.outcome === 'ask') {
    current = await inbox.currentConversation(event.instanceId, participantId);
    const lastBusinessMessageAt = needsBusinessActivity(settings) ? await inbox.lastBusinessMessageAt(event.instanceId, current.conversationId) : undefined;
    decision = decideAutoReply({ ...facts, conversation: { businessName: current.businessName, lastBusinessMessageAt } });
  }
  if (decision.outcome !== 'reply') {
    const reason = decision.outcome === 'skip' ? (decision.detail ? `${decision.reason}: ${decision.detail}` : decision.reason) : 'undecided';
    await recordDecision(deps, event, { outcome: 'skipped', reason });
    return;
  }
  const claim: ReplyClaim = {
    instanceId: event.instanceId, personKey: anchor, seq: Math.max(0, ...claims.map((c) => c.seq)) + 1,
    claimedAt: now.toISOString(), eventId: event.eventId, conversationId, status: 'claimed', text: decision.text,
  };
  if ((await store.claimReply(claim)) === 'taken') {
    await recordDecision(deps, event, { outcome: 'skipped', reason: 'cooldown: another message of this person was answered at the same time' });
    return;
  }
  await send(deps, event, { ...claim, ...{ rule: decision.rule } }, participantId, claims, current);
}

/** Delivers a claimed reply to the person's current conversation and records the decision as replied. */
async function send(
  deps: AutoReplyDeps, event: MessageEvent, claim: ReplyClaim & { rule?: string },
  participantId: NonNullable<ReturnType<typeof currentParticipantId>>, others: ReplyClaim[], fresh?: { conversationId: string },
): Promise<void> {
  const { rule, ...stored } = claim;
  const target = fresh ?? await deps.inbox.currentConversation(event.instanceId, participantId);
  await deliverClaim(deps, stored, target.conversationId, others);
  await recordDecision(deps, event, { outcome: 'replied', text: stored.text, ...(rule ? { rule } : {}) });
}
