import type { InboxEvent } from '../core/inbox-event.js';
import { recordIncoming, recordMerge, resolveConversation, type RegistryDeps } from './conversation-registry.js';

/** One durable step of processing an event; a step that finished is never run again for that event. */
export interface EventStep {
  name: string;
  run(deps: RegistryDeps, event: InboxEvent): Promise<'continue' | 'stop'>;
}

const record: EventStep = {
  name: 'recorded',
  async run(deps, event) {
    if (event.kind === 'message') return (await recordIncoming(deps, event)) ? 'continue' : 'stop';
    return (await recordMerge(deps, event)) ? 'continue' : 'stop';
  },
};

const resolve: EventStep = {
  name: 'resolved',
  async run(deps, event) {
    await resolveConversation(deps, event);
    return 'continue';
  },
};

/** The steps every event goes through, in order. */
export const EVENT_STEPS: readonly EventStep[] = [record, resolve];
