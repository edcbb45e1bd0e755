import type { InboxEvent } from '../../core/inbox-event.js';
import { handleEventRequest } from './event-request.js';
import { hostedEventDeps } from './hosted-deps.js';

/** An Inbox event on Wix hosting: one request, with the ambient elevated SDK modules (see event-request.ts). */
export function handleHostedEvent(event: InboxEvent): Promise<void> {
  return handleEventRequest(hostedEventDeps(), event);
}
