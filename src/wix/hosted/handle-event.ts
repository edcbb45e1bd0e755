import { MalformedEventError, type InboxEvent } from '../../core/inbox-event.js';
import { handleEventRequest } from './event-request.js';
import { hostedEventDeps } from './hosted-deps.js';
import { keepJournalPruned, WEBHOOK_CALLS_WITH_ROOM } from './journal-upkeep.js';

/**
 * An Inbox event on Wix hosting: one request, with the ambient elevated SDK modules (see event-request.ts), and the
 * journal's upkeep when the request has room for it (see journal-upkeep.ts). An event the app cannot read is
 * answered (and logged) rather than failed: resending it would never make it readable.
 */
export async function handleHostedEvent(read: () => InboxEvent): Promise<void> {
  let event: InboxEvent;
  try {
    event = read();
  } catch (error) {
    if (!(error instanceof MalformedEventError)) throw error;
    console.warn(JSON.stringify({ msg: 'inbox-identity: malformed event ignored', reason: error.message }));
    return;
  }
  const deps = hostedEventDeps();
  await handleEventRequest(deps, event);
  if (deps.wixCalls() === WEBHOOK_CALLS_WITH_ROOM) await keepJournalPruned(deps.store, event.instanceId, deps.clock.now());
}
