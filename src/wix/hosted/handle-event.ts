import type { InboxEvent } from '../../core/inbox-event.js';
import { advanceEvent, journalEvent } from '../../services/event-journal.js';
import { hostedDeps } from './hosted-deps.js';

/** How many earlier events still due (a failed lookup, a retry) each new event also works off. */
const DUE_PER_EVENT = 5;

/**
 * An Inbox event on Wix hosting: journaled once (a redelivery is a duplicate), processed right away, and any
 * earlier events of this site that are due for a retry are worked off too — there is no long-lived worker here.
 */
export async function handleHostedEvent(event: InboxEvent): Promise<void> {
  const deps = hostedDeps();
  if ((await journalEvent(deps.store, deps.clock, event)) === 'added') {
    const entry = await deps.store.getEvent(event.instanceId, event.eventId);
    if (entry) await advanceEvent(deps, entry);
  }
  const due = await deps.store.dueEvents(deps.clock.now().toISOString(), DUE_PER_EVENT);
  for (const entry of due.filter((e) => e.instanceId === event.instanceId)) await advanceEvent(deps, entry);
}
