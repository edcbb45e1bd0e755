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
    { key: 'settings', displayName: 'Settings (JSON)', type: 'TEXT' },
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
