import type { DataCollection } from '@wix/astro/builders';

/** The site owner's auto-reply settings: one item per site. */
export const collectionIdSuffix = 'settings';

export default {
  idSuffix: collectionIdSuffix,
  displayName: 'Settings',
  displayField: 'instanceId',
  fields: [
    { key: 'instanceId', displayName: 'Instance ID', type: 'TEXT' },
    { key: 'autoReplyEnabled', displayName: 'Auto-reply on', type: 'BOOLEAN' },
    { key: 'autoReplyText', displayName: 'Auto-reply text', type: 'TEXT' },
    { key: 'timezone', displayName: 'Time zone', type: 'TEXT' },
    { key: 'rules', displayName: 'Rules', type: 'OBJECT', objectOptions: { fields: [] } },
    { key: 'updatedAt', displayName: 'Updated', type: 'DATETIME' },
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
