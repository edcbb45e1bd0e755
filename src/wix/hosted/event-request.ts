import type { InboxEvent } from '../../core/inbox-event.js';
import type { JournalEntry } from '../../core/ports.js';
import type { ParticipantIds } from '../../core/participant.js';
import { participantKeys } from '../../core/participant.js';
import { conversationKey } from '../../core/auto-reply/ledger.js';
import { classifySender } from '../../core/sender.js';
import { DeliveredConcurrentlyError } from '../../services/delivered-concurrently.js';
import { advanceEvent, journalEntryOf } from '../../services/event-journal.js';
import { replyFirstSteps, RESOLVE_AGAIN, type EventDeps } from '../../services/event-steps.js';
import type { Prefetch, WixDataSession } from '../data-store/data-session.js';

/** Wix delivers a webhook once and resends it up to 12 times while it is not answered 200 (Webhook Resend Policy). */
export const WIX_DELIVERIES = 13;

/** The event is journaled but not finished: answering non-200 makes Wix deliver it again, and the journal resumes it. */
export class UnfinishedEventError extends Error {
  override name = 'UnfinishedEventError';
}

/**
 * An Inbox event on Wix hosting, in one request: there is no long-lived worker here, so a request finishes only its
 * own event. One query reads the event's journal entry and everything about its conversation and person; a finished
 * event (a redelivery) stops there. Otherwise its steps run and everything they wrote — the journal entry with how far
 * it got included — goes to Wix Data in one bulk save at the end. The reply claim is the one write made at once (a
 * durable unique insert): it is what makes two deliveries, concurrent or not, answer once. Unfinished work (a failed
 * lookup, a 429) throws, so Wix resends it; the last delivery Wix makes gives up and records the failure for the owner.
 */
export async function handleEventRequest(
  deps: HostedEventDeps, event: InboxEvent, finished: Set<string> = finishedHere,
): Promise<void> {
  const { store } = deps;
  const key = `${event.instanceId}/${event.eventId}`;
  if (finished.has(key)) return;
  const followUpId = `${event.eventId}:${RESOLVE_AGAIN}`;
  await store.prefetch(event.instanceId, prefetchFor(event, followUpId));
  const entry = await store.getEvent(event.instanceId, event.eventId) ?? journalEntryOf(event, deps.clock);
  let unfinished: JournalEntry | undefined;
  try {
    unfinished = await advance(deps, entry, followUpId);
  } catch (error) {
    if (!(error instanceof DeliveredConcurrentlyError)) {
      await store.flush();
      throw error;
    }
    store.discard();
    return;
  }
  await store.flush();
  if (unfinished) {
    throw new UnfinishedEventError(`event ${unfinished.eventId} is not finished yet (${unfinished.lastError ?? 'pending'}); Wix will deliver it again`);
  }
  remember(finished, key);
}

/** The ports of one request, and (on Wix hosting) the Wix calls it has made so far through them. */
export type HostedEventDeps = EventDeps & { store: WixDataSession; wixCalls?: () => number; repliesSent?: () => number };

/**
 * The Wix calls a message's request may make of its own, the runtime's 2 aside (issue 8's budgets: 8 for a message
 * that gets a reply, 5 for one that does not).
 */
const OWN_CALLS = { replied: 6, notReplied: 3 };

/**
 * Whether a lookup, and the bulk save after it, still fit the request's budget. A message that got a reply has spent
 * read, Get Or Create, claim and Send Message (and List Messages when the quiet rule is on: then the lookup waits for
 * the person's next request); one with none, its read (and List Messages when the quiet rule decided it: then it
 * waits too). A merge always looks its person up: that is what it is for (read, Get Conversation, lookup, save).
 */
function roomForLookup(deps: HostedEventDeps, entry: JournalEntry): boolean {
  if (!deps.wixCalls || entry.eventType === 'merge') return true;
  const own = (deps.repliesSent?.() ?? 0) > 0 ? OWN_CALLS.replied : OWN_CALLS.notReplied;
  return deps.wixCalls() + 2 <= own;
}

/**
 * Events this isolate saw finished, so that a redelivery landing here costs no Wix call at all (not even the
 * runtime's token). Only a shortcut: the journal in Wix Data stays the durable dedupe for every other isolate.
 */
const finishedHere = new Set<string>();
const MAX_REMEMBERED = 5000;

function remember(finished: Set<string>, key: string): void {
  if (finished.size >= MAX_REMEMBERED) finished.delete(finished.values().next().value!);
  finished.add(key);
}

/**
 * Runs what is left of the event and of its follow-up lookup (if it made one); the first one left unfinished. A
 * finished event (a redelivery) runs nothing and writes nothing.
 */
async function advance(deps: HostedEventDeps, entry: JournalEntry, followUpId: string): Promise<JournalEntry | undefined> {
  const canLookUp = () => roomForLookup(deps, entry);
  const done = entry.doneAt ? entry : await advanceEvent(deps, entry, { steps: replyFirstSteps(canLookUp), maxAttempts: WIX_DELIVERIES });
  let followUp = await deps.store.getEvent(entry.instanceId, followUpId);
  if (followUp && !followUp.doneAt) followUp = await advanceEvent(deps, followUp, { maxAttempts: WIX_DELIVERIES });
  return [done, followUp].find((e): e is JournalEntry => e !== undefined && !e.doneAt);
}

/** The conversations, ledger keys and journal entries an event's request will read. */
function prefetchFor(event: InboxEvent, followUpId: string): Prefetch {
  const eventIds = [event.eventId, followUpId];
  if (event.kind === 'merge') {
    const conversationIds = [event.targetConversationId, ...event.oldConversationIds];
    return { conversationIds, keys: conversationIds.map(conversationKey), eventIds };
  }
  const verdict = classifySender(event.message, event.identity);
  const ids: ParticipantIds = verdict.kind === 'participant' ? verdict.participant.ids : {};
  return { conversationIds: [event.conversationId], keys: [...participantKeys(ids), conversationKey(event.conversationId)], eventIds };
}
