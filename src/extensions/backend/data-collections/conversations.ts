import type { DataCollection } from '@wix/astro/builders';

/** Every Inbox conversation the app has seen, with who is writing in it (the Inbox SDK cannot list them). */
export const collectionIdSuffix = 'conversations';

export default {
  idSuffix: collectionIdSuffix,
  displayName: 'Conversations',
  displayField: 'conversationId',
  fields: [
    { key: 'instanceId', displayName: 'Instance ID', type: 'TEXT' },
    { key: 'conversationId', displayName: 'Conversation ID', type: 'TEXT' },
    { key: 'participantKey', displayName: 'Participant', type: 'TEXT' },
    { key: 'participantType', displayName: 'Participant type', type: 'TEXT' },
    { key: 'displayName', displayName: 'Display name', type: 'TEXT' },
    { key: 'mergedInto', displayName: 'Merged into', type: 'TEXT' },
    { key: 'firstSeenAt', displayName: 'First seen', type: 'DATETIME' },
    { key: 'lastMessageAt', displayName: 'Last message', type: 'DATETIME' },
  ],
  dataPermissions: {
    itemRead: 'PRIVILEGED',
    itemInsert: 'PRIVILEGED',
    itemUpdate: 'PRIVILEGED',
    itemRemove: 'PRIVILEGED',
  },
  indexes: [{ fields: [{ path: 'instanceId' }, { path: 'lastMessageAt', order: 'DESC' }] }],
  initialData: [],
} satisfies DataCollection;
