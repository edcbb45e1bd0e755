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
    { key: 'participantType', displayName: 'Participant type', type: 'TEXT' },
    { key: 'displayName', displayName: 'Display name', type: 'TEXT' },
    { key: 'displayNameKey', displayName: 'Display name (sort key)', type: 'TEXT' },
    { key: 'email', displayName: 'Email', type: 'TEXT' },
    { key: 'firstMessageAt', displayName: 'First message', type: 'DATETIME' },
    { key: 'lastMessageAt', displayName: 'Last message', type: 'DATETIME' },
    { key: 'messageCount', displayName: 'Messages', type: 'NUMBER' },
    { key: 'anonymousVisitorId', displayName: 'Visitor ID', type: 'TEXT' },
    { key: 'contactId', displayName: 'Contact ID', type: 'TEXT' },
    { key: 'memberId', displayName: 'Member ID', type: 'TEXT' },
    { key: 'becameContactAt', displayName: 'Became a contact', type: 'DATETIME' },
    { key: 'becameMemberAt', displayName: 'Became a member', type: 'DATETIME' },
    { key: 'record', displayName: 'Record (JSON)', type: 'TEXT' },
  ],
  dataPermissions: {
    itemRead: 'PRIVILEGED',
    itemInsert: 'PRIVILEGED',
    itemUpdate: 'PRIVILEGED',
    itemRemove: 'PRIVILEGED',
  },
  indexes: [
    { fields: [{ path: 'instanceId' }, { path: 'lastMessageAt', order: 'DESC' }] },
    { fields: [{ path: 'instanceId' }, { path: 'contactId' }] },
    { fields: [{ path: 'instanceId' }, { path: 'participantType' }, { path: 'lastMessageAt' }] },
  ],
  initialData: [],
} satisfies DataCollection;
