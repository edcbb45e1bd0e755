import { decideAutoReply, needsBusinessActivity, type ReplyFacts } from '../core/auto-reply/decide.js';
import { conversationKey, sameSlot, type ReplyClaim } from '../core/auto-reply/ledger.js';
import { newestClaimFirst } from '../core/conversation-stats.js';
import { withDefaults } from '../core/auto-reply/settings.js';
import type { MessageEvent } from '../core/inbox-event.js';
import { currentParticipantId, participantKeys, type ParticipantIds } from '../core/participant.js';
import type { CurrentConversation, Inbox, Store } from '../core/ports.js';
import { deliverClaim } from './auto-reply-delivery.js';
import { DeliveredConcurrentlyError } from './delivered-concurrently.js';
import { recordDecision } from './auto-reply-outcome.js';
import { currentConversationId, type RegistryDeps } from './conversation-registry.js';
import { keepPersonAsShown } from './resolve-person.js';

export type AutoReplyDeps = RegistryDeps & { inbox: Inbox };

/** Claims looked at per person: enough to find the last reply and the highest sequence. */
const CLAIMS_LOOKED_AT = 20;

/**
 * Answers one participant message at most once per person per cooldown, whatever order Wix delivers a person's
 * messages and merges in. Decides with every fact that needs no Wix call first; asks the Inbox only when a reply is
 * due: the recent messages of the person's conversation when the quiet rule is on (someone from the business writing
 * there settles it), then Get Or Create Conversation. What Get Or Create
 * answers is the person's current conversation — a visitor's ID answers with their member's conversation once they
 * registered — so its ID and participant are looked up in the ledger too before deciding, and the reply slot is
 * claimed durably under that conversation: two messages of one person, however early or late the app learns they
 * are one, race for the same slot. A retry of the same event finds its own claim and resumes it (see deliverClaim:
 * never a second copy); any other delivery finds the claim taken.
 */
export async function autoReply(deps: AutoReplyDeps, event: MessageEvent): Promise<void> {
  const { store, inbox, clock } = deps;
  const conversationId = await currentConversationId(store, event.instanceId, event.conversationId);
  const record = await store.getConversation(event.instanceId, conversationId);
  const participantId = record && currentParticipantId(record.participant);
  if (!record || !participantId) return;
  const ledger = await openLedger(store, event.instanceId, ledgerKeys(record.participant, [conversationId, ...record.mergedFrom]));
  const mine = ledger.claims.find((c) => c.eventId === event.eventId);
  if (mine?.status === 'claimed') return send(deps, event, mine, participantId, ledger.claims);
  if (mine) return;

  const settings = withDefaults(await store.getSettings(event.instanceId));
  let person = await store.getPerson(event.instanceId, record.participant);
  const now = clock.now();
  const facts = (): ReplyFacts => ({
    settings,
    participantType: record.participantType,
    details: person?.details ?? {},
    text: event.text,
    channel: event.channel,
    at: now,
    lastReplyAt: ledger.lastReplyAt(),
    isFirstMessage: !record.firstMessageAt || event.at <= record.firstMessageAt,
  });
  let decision = decideAutoReply(facts());
  let current: CurrentConversation | undefined;
  if (decision.outcome === 'ask') {
    // The quiet rule first, in the conversation the app knows as the person's: someone from the business writing
    // there is reason enough to stay quiet, without asking Inbox which conversation is current.
    const quiet = needsBusinessActivity(settings);
    let lastBusinessMessageAt = quiet ? await inbox.lastBusinessMessageAt(event.instanceId, conversationId) : undefined;
    const quieted = decideAutoReply({ ...facts(), conversation: { lastBusinessMessageAt } });
    if (quieted.outcome === 'skip') decision = quieted;
    else {
      current = await inbox.currentConversation(event.instanceId, participantId);
      await ledger.learn(ledgerKeys(current.participant ?? {}, [current.conversationId]));
      if (ledger.claims.some((c) => c.eventId === event.eventId)) return;
      // Nobody has said who the person is yet (on Wix hosting the lookup comes after the reply): Inbox's name stands in.
      const ids = { ...record.participant, ...current.participant };
      person ??= await store.getPerson(event.instanceId, ids) ?? await keepPersonAsShown(store, event.instanceId, ids, current.participantName, now);
      // The person has a newer conversation than the app knew of (they registered): the business may be writing there.
      if (quiet && current.conversationId !== conversationId) {
        lastBusinessMessageAt = await inbox.lastBusinessMessageAt(event.instanceId, current.conversationId);
      }
      decision = decideAutoReply({ ...facts(), conversation: { businessName: current.businessName, lastBusinessMessageAt } });
    }
  }
  if (decision.outcome !== 'reply' || !current) {
    const reason = decision.outcome === 'skip' ? (decision.detail ? `${decision.reason}: ${decision.detail}` : decision.reason) : 'undecided';
    await recordDecision(deps, event, { outcome: 'skipped', reason });
    return;
  }
  const anchor = conversationKey(current.conversationId);
  const claim: ReplyClaim = {
    instanceId: event.instanceId, personKey: anchor, keys: [anchor, ...ledger.keys.filter((k) => k !== anchor)],
    seq: ledger.nextSeq(anchor), claimedAt: now.toISOString(), eventId: event.eventId, conversationId, status: 'claimed', text: decision.text,
    // Marked as being sent from the start: the claim is the one write that is durable before Send Message (on Wix
    // hosting the rest of a request's writes land after it), so a retry always looks for the message first.
    sendingAt: now.toISOString(),
  };
  if ((await store.claimReply(claim)) === 'taken') {
    // The same event delivered twice at once is already being answered by the other delivery: nothing to record.
    await ledger.learn([anchor], true);
    if (ledger.claims.some((c) => sameSlot(c, claim) && c.eventId === event.eventId)) {
      throw new DeliveredConcurrentlyError(`event ${event.eventId} is being answered by another delivery`);
    }
    await recordDecision(deps, event, { outcome: 'skipped', reason: 'cooldown: another message of this person was answered at the same time' });
    return;
  }
  await send(deps, event, { ...claim, ...{ rule: decision.rule } }, participantId, ledger.claims, current);
}

/** The ledger keys of a person: each of their IDs and each of their conversations. */
function ledgerKeys(ids: ParticipantIds, conversationIds: string[]): string[] {
  return [...participantKeys(ids), ...conversationIds.map(conversationKey)];
}

/** The reply claims filed under a person's keys, growing as the app learns more keys of theirs. */
async function openLedger(store: Store, instanceId: string, initial: string[]) {
  const ledger = {
    keys: [...new Set(initial)],
    claims: [] as ReplyClaim[],
    /** Adds the claims under these keys (all of them again with `reread`, to see a claim that was just taken). */
    async learn(keys: string[], reread = false) {
      const fresh = reread ? keys : keys.filter((k) => !ledger.keys.includes(k));
      if (fresh.length === 0) return;
      const found = await store.replyClaims(instanceId, fresh, CLAIMS_LOOKED_AT);
      ledger.keys = [...new Set([...ledger.keys, ...fresh])];
      const other = (c: ReplyClaim) => !found.some((f) => sameSlot(f, c));
      ledger.claims = [...ledger.claims.filter(other), ...found].sort(newestClaimFirst);
    },
    lastReplyAt(): Date | undefined {
      const last = ledger.claims.find((c) => c.status !== 'failed');
      return last ? new Date(last.claimedAt) : undefined;
    },
    /** The next slot under an anchor: every delivery that sees the same claims computes the same one. */
    nextSeq(anchor: string): number {
      return Math.max(0, ...ledger.claims.filter((c) => c.personKey === anchor).map((c) => c.seq)) + 1;
    },
  };
  await ledger.learn(ledger.keys, true);
  return ledger;
}

/** Delivers a claimed reply to the person's current conversation and records the decision as replied. */
async function send(
  deps: AutoReplyDeps, event: MessageEvent, claim: ReplyClaim & { rule?: string },
  participantId: NonNullable<ReturnType<typeof currentParticipantId>>, others: ReplyClaim[], fresh?: { conversationId: string },
): Promise<void> {
  const { rule, ...stored } = claim;
  const target = fresh ?? await deps.inbox.currentConversation(event.instanceId, participantId);
  await deliverClaim(deps, stored, target.conversationId, others, fresh !== undefined);
  await recordDecision(deps, event, { outcome: 'replied', text: stored.text, ...(rule ? { rule } : {}) });
}
