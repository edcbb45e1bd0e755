import type { DataCollection } from '@wix/astro/builders';

/** Who is writing: visitor → contact → member, with the most current ID and a display name. */
export const collectionIdSuffix = 'participants';

export default {
  idSuffix: collectionIdSuffix,
  displayName: 'Participants',
  displayField: 'participantKey',
  fields: [
    { key: 'instanceId', displayName: 'Instance ID', type: 'TEXT' },
    { key: 'participantKey', displayName: 'Participant key', type: 'TEXT' },
    { key: 'anonymousVisitorId', displayName: 'Visitor ID', type: 'TEXT' },
    { key: 'contactId', displayName: 'Contact ID', type: 'TEXT' },
    { key: 'memberId', displayName: 'Member ID', type: 'TEXT' },
    { key: 'person', displayName: 'Person (JSON)', type: 'TEXT' },
  ],
  dataPermissions: {
    itemRead: 'PRIVILEGED',
    itemInsert: 'PRIVILEGED',
    itemUpdate: 'PRIVILEGED',
    itemRemove: 'PRIVILEGED',
  },
  indexes: [{ fields: [{ path: 'instanceId' }, { path: 'participantKey' }] }],
  initialData: [],
} satisfies DataCollection;
