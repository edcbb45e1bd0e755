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
    { key: 'processedAt', displayName: 'Processed', type: 'DATETIME' },
  ],
  dataPermissions: {
    itemRead: 'PRIVILEGED',
    itemInsert: 'PRIVILEGED',
    itemUpdate: 'PRIVILEGED',
    itemRemove: 'PRIVILEGED',
  },
  indexes: [],
  initialData: [],
} satisfies DataCollection;
