import type { ReplyClaim } from '../core/auto-reply/ledger.js';
import { AUTOMATED_BADGE } from '../core/auto-reply/settings.js';
import type { Clock, Inbox, Store } from '../core/ports.js';

/** How far Wix's clock and ours may disagree: a message Wix stamped this much before the claim still counts as its. */
const CLOCK_SKEW_MS = 2 * 60_000;

/**
 * Delivers a claimed reply exactly once, and marks the claim `sent`. Wix may store a message and the app never learn
 * it (the answer was a 5xx or was lost, or the process died before the claim was marked), so the claim is marked
 * `sendingAt` durably before Send Message. A fresh claim sends at once; a claim with the mark is resumed by first
 * looking at the conversation's newest messages for one this app sent since the claim (and not known as the
 * message of another claim) — if there is one, that was the reply, and it is not sent again. A claim inserted just
 * now (`justClaimed`, already marked) cannot have been sent yet, so it sends at once.
 */
export async function deliverClaim(
  deps: { store: Store; inbox: Inbox; clock: Clock }, claim: ReplyClaim, conversationId: string, others: readonly ReplyClaim[],
  justClaimed = false,
): Promise<ReplyClaim> {
  const { store, inbox } = deps;
  let messageId = claim.sendingAt && !justClaimed ? await alreadyDelivered(inbox, claim, conversationId, others) : undefined;
  let sending = claim;
  if (!messageId) {
    if (!claim.sendingAt) await store.updateReplyClaim((sending = { ...claim, sendingAt: deps.clock.now().toISOString() }));
    ({ messageId } = await inbox.send(claim.instanceId, conversationId, { text: claim.text ?? '', badgeText: AUTOMATED_BADGE }));
  }
  const sent: ReplyClaim = { ...sending, status: 'sent', messageId, conversationId };
  await store.updateReplyClaim(sent);
  return sent;
}

async function alreadyDelivered(inbox: Inbox, claim: ReplyClaim, conversationId: string, others: readonly ReplyClaim[]): Promise<string | undefined> {
  const since = new Date(Date.parse(claim.claimedAt) - CLOCK_SKEW_MS);
  const known = new Set(others.filter((c) => c.messageId && c.eventId !== claim.eventId).map((c) => c.messageId));
  return (await inbox.appMessagesSince(claim.instanceId, conversationId, since)).find((id) => !known.has(id));
}
