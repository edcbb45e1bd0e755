import type { InboxEvent } from '../core/inbox-event.js';
import type { Inbox, JournalEntry } from '../core/ports.js';
import { autoReply } from './auto-reply.js';
import { recordDecision, recordGivenUp } from './auto-reply-outcome.js';
import { recordIncoming, recordMerge, resolveConversation, type RegistryDeps } from './conversation-registry.js';

/** What the steps work with. */
export type EventDeps = RegistryDeps & {
  inbox: Inbox;
  /**
   * Called between an event's steps (the worker: lets the event loop run). The store's calls do not wait for I/O,
   * so without it an event whose steps need no Wix call ran in one go, and a webhook arriving meanwhile waited.
   */
  pause?: () => Promise<void>;
};

/** One durable step of processing an event; a step that finished is never run again for that event. */
export interface EventStep {
  name: string;
  run(deps: EventDeps, event: InboxEvent, entry: JournalEntry): Promise<'continue' | 'stop'>;
}

/** Journal entries of this type only resolve a conversation's person again; they answer no one. */
export const RESOLVE_AGAIN = 'resolve-again';

/** Failed lookups the reply waits for (about 3 s with the journal's backoff) before it goes out with what is known. */
const LOOKUPS_BEFORE_REPLYING = 2;

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

/**
 * Who the person is. When Contacts or Members keep failing, the reply does not wait for them: after a couple of
 * quick tries it goes out with what is known, and a separate journal entry keeps retrying the lookup.
 */
const resolve: EventStep = {
  name: 'resolved',
  async run(deps, event, entry) {
    try {
      await resolveConversation(deps, event);
    } catch (error) {
      if (entry.eventType === RESOLVE_AGAIN || entry.attempts + 1 < LOOKUPS_BEFORE_REPLYING) throw error;
      await resolveAgainLater(deps, event, entry, error);
    }
    return 'continue';
  },
};

/**
 * Who the person is, after the reply (Wix hosting): the Directory is asked only while `canLookUp` says the request has
 * room; otherwise what is known stands (Inbox's name, kept stale) and the person's next request asks. A failed lookup
 * fails the request, so Wix's resend asks again — the reply is not sent twice: its step is done.
 */
function resolveAfterReply(canLookUp: () => boolean): EventStep {
  return {
    name: 'resolved',
    async run(deps, event) {
      await resolveConversation(deps, event, { lookUp: canLookUp() });
      return 'continue';
    },
  };
}

async function resolveAgainLater(deps: EventDeps, event: InboxEvent, entry: JournalEntry, error: unknown): Promise<void> {
  const now = deps.clock.now().toISOString();
  await deps.store.addEvent({
    ...entry,
    eventId: `${entry.eventId}:${RESOLVE_AGAIN}`,
    eventType: RESOLVE_AGAIN,
    stage: 'received',
    attempts: 1,
    lastError: error instanceof Error ? error.message : String(error),
    receivedAt: now,
    nextAttemptAt: new Date(deps.clock.now().getTime() + 2000).toISOString(),
    doneAt: undefined,
  });
}

const reply: EventStep = {
  name: 'replied',
  async run(deps, event) {
    if (event.kind === 'message') await autoReply(deps, event);
    return 'continue';
  },
};

/** The steps every event goes through, in order. */
export const EVENT_STEPS: readonly EventStep[] = [record, resolve, reply];

/**
 * The steps on Wix hosting, where a request has 8 sub-requests for a reply: the reply first (it needs no lookup:
 * Get Or Create tells the name Inbox shows), then the lookup if the request still has room for it.
 */
export function replyFirstSteps(canLookUp: () => boolean): readonly EventStep[] {
  return [record, reply, resolveAfterReply(canLookUp)];
}

/** The steps of a journal entry: an Inbox event's, or only the lookup for a resolve-again entry. */
export function stepsOf(entry: JournalEntry): readonly EventStep[] {
  return entry.eventType === RESOLVE_AGAIN ? [resolve] : EVENT_STEPS;
}

/** The journal gave up on an event: a participant's message gets a `failed` decision the owner can see. */
export async function giveUp(deps: EventDeps, event: InboxEvent, entry: JournalEntry, error: string): Promise<void> {
  // A message whose reply step finished was answered (or rightly not): only a lookup after it was given up on.
  if (entry.stage === reply.name) return;
  if (entry.eventType === 'message' && event.kind === 'message') await recordGivenUp(deps, event, error);
}
