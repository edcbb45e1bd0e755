import type { DataCollection } from '@wix/astro/builders';

/** Webhook event IDs already handled: the item `_id` is the claim, so a duplicate delivery fails to insert. */
export const collectionIdSuffix = 'processed-events';

export default {
  idSuffix: collectionIdSuffix,
  displayName: 'Processed events',
  displayField: 'eventId',
  fields: [
    { key: 'instanceId', displayName: 'Instance ID', type: 'TEXT' },
    { key: 'eventId', displayName: 'Event ID', type: 'TEXT' },
    { key: 'eventType', displayName: 'Event type', type: 'TEXT' },
    { key: 'receivedAt', displayName: 'Received', type: 'DATETIME' },
    { key: 'nextAttemptAt', displayName: 'Next attempt', type: 'DATETIME' },
    { key: 'done', displayName: 'Done', type: 'BOOLEAN' },
    { key: 'entry', displayName: 'Entry (JSON)', type: 'TEXT' },
  ],
  dataPermissions: {
    itemRead: 'PRIVILEGED',
    itemInsert: 'PRIVILEGED',
    itemUpdate: 'PRIVILEGED',
    itemRemove: 'PRIVILEGED',
  },
  indexes: [{ fields: [{ path: 'done' }, { path: 'nextAttemptAt' }] }],
  initialData: [],
} satisfies DataCollection;
