import { detailsFromDisplayName } from '../core/display-name.js';
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
  options: { refresh?: boolean; lookUp?: boolean } = {},
): Promise<ResolvedPerson | undefined> {
  const now = deps.clock.now();
  // After a merge the person has changed by definition: ask the Directory without reading the cache first.
  const cached = options.refresh ? undefined : await deps.store.getPerson(instanceId, ids);
  if (cached && isFresh(cached, ids, now)) return asResolved(cached);
  // No room to ask (a Wix-hosted request that spent its budget on the reply): what is kept stands, stale, till later.
  if (options.lookUp === false) return cached && asResolved(cached);
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

/**
 * A person the Directory has not told of yet, as Wix Inbox shows them (Get Or Create's `participantDisplayData`): kept
 * stale, so the next sighting asks the Directory, while the reply and the panel use that name meanwhile. An anonymous
 * visitor, or a name that says nothing, is not kept.
 */
export async function keepPersonAsShown(store: Store, instanceId: string, ids: ParticipantIds, shownName: string | undefined, now: Date): Promise<PersonRecord | undefined> {
  const participant = participantOf(ids);
  if (!participant || participant.type === 'ANONYMOUS_VISITOR') return undefined;
  const details = detailsFromDisplayName(participant.type, shownName);
  if (Object.keys(details).length === 0) return undefined;
  const person: PersonRecord = { instanceId, ids: participant.ids, details, resolvedAt: now.toISOString(), stale: true };
  await store.putPerson(person);
  return person;
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
