import type { InboxEvent } from '../../core/inbox-event.js';
import type { ParticipantIds } from '../../core/participant.js';
import { classifySender } from '../../core/sender.js';
import { advanceEvent, journalEvent } from '../../services/event-journal.js';
import { RESOLVE_AGAIN } from '../../services/event-steps.js';
import type { Prefetch } from '../data-store/data-session.js';
import type { EventDeps } from '../../services/event-steps.js';
import type { WixDataSession } from '../data-store/data-session.js';

/** Wix delivers a webhook once and resends it up to 12 times while it is not answered 200 (Webhook Resend Policy). */
export const WIX_DELIVERIES = 13;

/** The event is journaled but not finished: answering non-200 makes Wix deliver it again, and the journal resumes it. */
export class UnfinishedEventError extends Error {
  override name = 'UnfinishedEventError';
}

/**
 * An Inbox event on Wix hosting, in one request: there is no long-lived worker here, so a request finishes only its
 * own event. One query reads the event's journal entry and everything about its conversation and person; a finished
 * event (a redelivery) stops there. Otherwise it is journaled (a durable unique insert) and its steps run; what was
 * written goes to Wix Data in one bulk save. Unfinished work (a failed lookup, a 429) throws, so Wix resends it;
 * the last delivery Wix makes gives up and records the failure for the owner to see.
 */
export async function handleEventRequest(deps: EventDeps & { store: WixDataSession }, event: InboxEvent): Promise<void> {
  const { store } = deps;
  const followUpId = `${event.eventId}:${RESOLVE_AGAIN}`;
  await store.prefetch(event.instanceId, prefetchFor(event, followUpId));
  let entry = await store.getEvent(event.instanceId, event.eventId);
  if (!entry) {
    if ((await journalEvent(store, deps.clock, event)) === 'duplicate') return;
    entry = await store.getEvent(event.instanceId, event.eventId);
  }
  const followUp = () => store.getEvent(event.instanceId, followUpId);
  try {
    if (entry && !entry.doneAt) entry = await advanceEvent(deps, entry, undefined, WIX_DELIVERIES);
    let pending = await followUp();
    if (pending && !pending.doneAt) pending = await advanceEvent(deps, pending, undefined, WIX_DELIVERIES);
    const unfinished = [entry, pending].find((e) => e && !e.doneAt);
    if (unfinished) throw new UnfinishedEventError(`event ${unfinished.eventId} is not finished yet (${unfinished.lastError ?? 'pending'}); Wix will deliver it again`);
  } finally {
    await store.flush();
  }
}

/** The conversations, people and journal entries an event's request will read. */
function prefetchFor(event: InboxEvent, followUpId: string): Prefetch {
  const eventIds = [event.eventId, followUpId];
  if (event.kind === 'merge') {
    return { conversationIds: [event.targetConversationId, ...event.oldConversationIds], participants: [], eventIds };
  }
  const verdict = classifySender(event.message, event.identity);
  const participants: ParticipantIds[] = verdict.kind === 'participant' ? [verdict.participant.ids] : [];
  return { conversationIds: [event.conversationId], participants, eventIds };
}
