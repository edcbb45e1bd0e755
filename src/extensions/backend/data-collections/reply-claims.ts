import type { DataCollection } from '@wix/astro/builders';

/** One claim per auto-reply slot: the item `_id` makes sure a reply is sent at most once. */
export const collectionIdSuffix = 'reply-claims';

export default {
  idSuffix: collectionIdSuffix,
  displayName: 'Reply claims',
  displayField: 'claimKey',
  fields: [
    { key: 'instanceId', displayName: 'Instance ID', type: 'TEXT' },
    { key: 'claimKey', displayName: 'Claim key', type: 'TEXT' },
    { key: 'conversationId', displayName: 'Conversation ID', type: 'TEXT' },
    { key: 'claimedAt', displayName: 'Claimed', type: 'DATETIME' },
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
