import type { JournalEntry } from '../../core/ports.js';
import { itemId } from './item-id.js';
import { dateField, type ItemFields } from './data-items.js';

export const journalItemId = (instanceId: string, eventId: string) => itemId('event', instanceId, eventId);

/** A journal entry as an item: the whole entry as JSON, plus what the due-events query filters and sorts on. */
export async function journalItem(entry: JournalEntry): Promise<ItemFields> {
  return {
    _id: await journalItemId(entry.instanceId, entry.eventId),
    instanceId: entry.instanceId,
    eventId: entry.eventId,
    eventType: entry.eventType,
    receivedAt: dateField(entry.receivedAt),
    nextAttemptAt: dateField(entry.nextAttemptAt),
    done: Boolean(entry.doneAt),
    entry: JSON.stringify(entry),
  };
}
