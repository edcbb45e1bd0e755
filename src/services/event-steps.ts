import type { InboxEvent } from '../core/inbox-event.js';
import type { Inbox } from '../core/ports.js';
import { autoReply } from './auto-reply.js';
import { recordDecision, recordGivenUp } from './auto-reply-outcome.js';
import { recordIncoming, recordMerge, resolveConversation, type RegistryDeps } from './conversation-registry.js';

/** What the steps work with; without an Inbox (tests of the registry alone) no auto-reply is attempted. */
export type EventDeps = RegistryDeps & { inbox?: Inbox };

/** One durable step of processing an event; a step that finished is never run again for that event. */
export interface EventStep {
  name: string;
  run(deps: EventDeps, event: InboxEvent): Promise<'continue' | 'stop'>;
}

const record: EventStep = {
  name: 'recorded',
  async run(deps, event) {
    if (event.kind === 'merge') return (await recordMerge(deps, event)) ? 'continue' : 'stop';
    const recorded = await recordIncoming(deps, event);
    if (!('notParticipant' in recorded)) return 'continue';
    // Not a participant writing to the business (the business itself, an app — this one included): never answered.
    await recordDecision(deps, event, { outcome: 'skipped', reason: `not-a-participant: ${recorded.notParticipant}` });
    return 'stop';
  },
};

const resolve: EventStep = {
  name: 'resolved',
  async run(deps, event) {
    await resolveConversation(deps, event);
    return 'continue';
  },
};

const reply: EventStep = {
  name: 'replied',
  async run(deps, event) {
    if (event.kind === 'message' && deps.inbox) await autoReply({ ...deps, inbox: deps.inbox }, event);
    return 'continue';
  },
};

/** The steps every event goes through, in order. */
export const EVENT_STEPS: readonly EventStep[] = [record, resolve, reply];

/** The journal gave up on an event: a participant's message gets a `failed` decision the owner can see. */
export async function giveUp(deps: EventDeps, event: InboxEvent, error: string): Promise<void> {
  if (event.kind === 'message' && deps.inbox) await recordGivenUp(deps, event, error);
}
