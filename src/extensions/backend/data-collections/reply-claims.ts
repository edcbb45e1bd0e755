import type { DataCollection } from '@wix/astro/builders';

/** One claim per auto-reply slot: the item `_id` makes sure a reply is sent at most once. */
export const collectionIdSuffix = 'reply-claims';

export default {
  idSuffix: collectionIdSuffix,
  displayName: 'Reply claims',
  displayField: 'claimKey',
  fields: [
    { key: 'instanceId', displayName: 'Instance ID', type: 'TEXT' },
    { key: 'claimKey', displayName: 'Person key', type: 'TEXT' },
    { key: 'seq', displayName: 'Sequence', type: 'NUMBER' },
    { key: 'conversationId', displayName: 'Conversation ID', type: 'TEXT' },
    { key: 'status', displayName: 'Status', type: 'TEXT' },
    { key: 'claimedAt', displayName: 'Claimed', type: 'DATETIME' },
    { key: 'claim', displayName: 'Claim (JSON)', type: 'TEXT' },
  ],
  dataPermissions: {
    itemRead: 'PRIVILEGED',
    itemInsert: 'PRIVILEGED',
    itemUpdate: 'PRIVILEGED',
    itemRemove: 'PRIVILEGED',
  },
  indexes: [{ fields: [{ path: 'instanceId' }, { path: 'claimKey' }, { path: 'claimedAt', order: 'DESC' }] }],
  initialData: [],
} satisfies DataCollection;
