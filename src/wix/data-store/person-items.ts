import type { items } from '@wix/data';
import { participantKeys, type ParticipantIds } from '../../core/participant.js';
import type { PersonRecord } from '../../core/ports.js';
import { type DataItems, definedFields, findAll, parseField } from './data-items.js';
import { itemId } from './item-id.js';

/**
 * Persons, stored once per ID they are known by (`member:…`, `contact:…`, `visitor:…`), each item holding the
 * whole person, so one `hasSome` query finds them by any ID.
 */
export function personItems(data: DataItems, collection: string) {
  const under = (instanceId: string, keys: string[]) =>
    keys.length === 0 ? Promise.resolve([]) : findAll(byKeys(data.query(collection), instanceId, keys));

  return {
    /** The person under the most current of these IDs: member, then contact, then visitor. */
    async get(instanceId: string, ids: ParticipantIds): Promise<PersonRecord | undefined> {
      const keys = participantKeys(ids);
      const found = await under(instanceId, keys);
      const first = keys.map((key) => found.find((item) => item.participantKey === key)).find(Boolean);
      return parseField<PersonRecord>(first, 'person');
    },
    /** Writes the person under each of their IDs, and under every ID of the copies it replaces. */
    async put(person: PersonRecord): Promise<void> {
      const newKeys = participantKeys(person.ids);
      const replaced = (await under(person.instanceId, newKeys)).map((item) => parseField<PersonRecord>(item, 'person')?.ids ?? {});
      const keys = new Set([newKeys, ...replaced.map(participantKeys)].flat());
      const json = JSON.stringify(person);
      await Promise.all([...keys].map(async (participantKey) => data.save(collection, {
        _id: await itemId('participant', person.instanceId, participantKey),
        instanceId: person.instanceId,
        participantKey,
        ...definedFields({ ...person.ids }),
        person: json,
      })));
    },
  };
}

const byKeys = (query: items.WixDataQuery, instanceId: string, keys: string[]) =>
  query.eq('instanceId', instanceId).hasSome('participantKey', keys);
