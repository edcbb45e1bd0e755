import type { DataCollection } from '@wix/astro/builders';

/** What the auto-reply core decided for each incoming message, and why: the owner's audit trail. */
export const collectionIdSuffix = 'decisions';

export default {
  idSuffix: collectionIdSuffix,
  displayName: 'Decisions',
  displayField: 'outcome',
  fields: [
    { key: 'instanceId', displayName: 'Instance ID', type: 'TEXT' },
    { key: 'eventId', displayName: 'Event ID', type: 'TEXT' },
    { key: 'conversationId', displayName: 'Conversation ID', type: 'TEXT' },
    { key: 'outcome', displayName: 'Outcome', type: 'TEXT' },
    { key: 'reason', displayName: 'Reason', type: 'TEXT' },
    { key: 'replyText', displayName: 'Reply text', type: 'TEXT' },
    { key: 'decidedAt', displayName: 'Decided', type: 'DATETIME' },
    { key: 'decision', displayName: 'Decision (JSON)', type: 'TEXT' },
  ],
  dataPermissions: {
    itemRead: 'PRIVILEGED',
    itemInsert: 'PRIVILEGED',
    itemUpdate: 'PRIVILEGED',
    itemRemove: 'PRIVILEGED',
  },
  indexes: [
    { fields: [{ path: 'instanceId' }, { path: 'conversationId' }, { path: 'decidedAt', order: 'DESC' }] },
    { fields: [{ path: 'instanceId' }, { path: 'outcome' }, { path: 'decidedAt' }] },
  ],
  initialData: [],
} satisfies DataCollection;
