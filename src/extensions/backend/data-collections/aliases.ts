import type { DataCollection } from '@wix/astro/builders';

/** Old IDs (merged conversations, superseded visitor/contact IDs) pointing at the current one. */
export const collectionIdSuffix = 'aliases';

export default {
  idSuffix: collectionIdSuffix,
  displayName: 'Aliases',
  displayField: 'aliasId',
  fields: [
    { key: 'instanceId', displayName: 'Instance ID', type: 'TEXT' },
    { key: 'kind', displayName: 'Kind', type: 'TEXT' },
    { key: 'aliasId', displayName: 'Alias ID', type: 'TEXT' },
    { key: 'targetId', displayName: 'Target ID', type: 'TEXT' },
  ],
  dataPermissions: {
    itemRead: 'PRIVILEGED',
    itemInsert: 'PRIVILEGED',
    itemUpdate: 'PRIVILEGED',
    itemRemove: 'PRIVILEGED',
  },
  indexes: [{ fields: [{ path: 'instanceId' }, { path: 'targetId' }] }],
  initialData: [],
} satisfies DataCollection;
