import type { Clock, Directory, PersonRecord, Store } from '../core/ports.js';
import { participantOf, type Participant, type ParticipantIds } from '../core/participant.js';

/** How long a resolved person is trusted before the Directory is asked again. */
export const PERSON_TTL_MS = 6 * 60 * 60 * 1000;

export interface ResolvedPerson {
  participant: Participant;
  person: PersonRecord;
}

/**
 * Who a participant is, from the per-site cache when it is fresh, else from Contacts and Members.
 * An anonymous visitor has nothing to look up. A failed lookup throws, so the caller retries later.
 */
export async function resolvePerson(
  deps: { store: Store; directory: Directory; clock: Clock },
  instanceId: string,
  ids: ParticipantIds,
  options: { refresh?: boolean } = {},
): Promise<ResolvedPerson | undefined> {
  const now = deps.clock.now();
  // After a merge the person has changed by definition: ask the Directory without reading the cache first.
  const cached = options.refresh ? undefined : await deps.store.getPerson(instanceId, ids);
  if (cached && isFresh(cached, ids, now)) return asResolved(cached);
  if (!ids.contactId && !ids.memberId) return undefined;
  const entry = await deps.directory.lookup(instanceId, ids);
  const person: PersonRecord = {
    instanceId,
    ids: { ...cached?.ids, ...ids, ...entry.ids },
    details: entry.details,
    memberStatus: entry.memberStatus,
    resolvedAt: now.toISOString(),
    stale: false,
  };
  await deps.store.putPerson(person);
  return asResolved(person);
}

/** Marks the cached person stale, so the next sighting asks the Directory again. */
export async function markPersonStale(store: Store, instanceId: string, ids: ParticipantIds): Promise<void> {
  const cached = await store.getPerson(instanceId, ids);
  if (cached && !cached.stale) await store.putPerson({ ...cached, stale: true });
}

function isFresh(person: PersonRecord, ids: ParticipantIds, now: Date): boolean {
  if (person.stale) return false;
  if (now.getTime() - Date.parse(person.resolvedAt) > PERSON_TTL_MS) return false;
  // A newer ID than the cache knows (a contact now writing as a member) means the person changed.
  return (!ids.memberId || person.ids.memberId === ids.memberId) && (!ids.contactId || person.ids.contactId === ids.contactId);
}

function asResolved(person: PersonRecord): ResolvedPerson | undefined {
  const participant = participantOf(person.ids);
  return participant ? { participant, person } : undefined;
}
