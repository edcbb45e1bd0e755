import type { DataCollection } from '@wix/astro/builders';
import { SITE_ITEMS_SUFFIX } from '../../../wix/data-store/collection';

const text = (key: string, displayName: string) => ({ key, displayName, type: 'TEXT' as const });
const time = (key: string, displayName: string) => ({ key, displayName, type: 'DATETIME' as const });

/**
 * Everything the app keeps for a site, one item per thing, told apart by `kind` (see src/wix/data-store/site-items.ts):
 * journal events, conversations (with every conversation ID merged into them), aliases, cached persons, reply
 * claims, decisions and the auto-reply settings. One collection, so that a webhook reads a person's items in one
 * query and writes what changed in one bulk save (Wix hosting allows 20 sub-requests per request).
 */
export default {
  idSuffix: SITE_ITEMS_SUFFIX,
  displayName: 'Inbox identity',
  displayField: 'kind',
  fields: [
    text('instanceId', 'Instance ID'),
    text('kind', 'Kind'),
    text('value', 'Value (JSON)'),
    // events
    text('eventId', 'Event ID'),
    text('eventType', 'Event type'),
    time('receivedAt', 'Received'),
    time('nextAttemptAt', 'Next attempt'),
    { key: 'done', displayName: 'Done', type: 'BOOLEAN' },
    // conversations, aliases, persons and claims are found by these two arrays
    { key: 'conversationIds', displayName: 'Conversation IDs', type: 'ARRAY_STRING' },
    { key: 'participantKeys', displayName: 'Participant keys', type: 'ARRAY_STRING' },
    text('conversationId', 'Conversation ID'),
    text('participantType', 'Participant type'),
    text('displayName', 'Display name'),
    text('displayNameKey', 'Display name (sort key)'),
    text('email', 'Email'),
    time('firstMessageAt', 'First message'),
    time('lastMessageAt', 'Last message'),
    { key: 'messageCount', displayName: 'Messages', type: 'NUMBER' },
    time('becameContactAt', 'Became a contact'),
    time('becameMemberAt', 'Became a member'),
    // the conversion funnel
    text('startedAs', 'First wrote as'),
    text('channel', 'Channel'),
    text('aliasId', 'Merged conversation ID'),
    text('targetId', 'Merged into'),
    { key: 'seq', displayName: 'Reply slot', type: 'NUMBER' },
    text('status', 'Reply status'),
    time('claimedAt', 'Claimed'),
    text('decisionConversationId', 'Decided in conversation'),
    text('outcome', 'Outcome'),
    time('decidedAt', 'Decided'),
    { key: 'autoReplyEnabled', displayName: 'Auto-reply on', type: 'BOOLEAN' },
  ],
  dataPermissions: {
    itemRead: 'PRIVILEGED',
    itemInsert: 'PRIVILEGED',
    itemUpdate: 'PRIVILEGED',
    itemRemove: 'PRIVILEGED',
  },
  // Wix Data allows 3 regular indexes of up to 3 fields: the dashboard's newest-first list, and the two arrays a
  // webhook finds a person's items by.
  indexes: [
    { fields: [{ path: 'instanceId' }, { path: 'kind' }, { path: 'lastMessageAt', order: 'DESC' }] },
    { fields: [{ path: 'instanceId' }, { path: 'conversationIds' }] },
    { fields: [{ path: 'instanceId' }, { path: 'participantKeys' }] },
  ],
  initialData: [],
} satisfies DataCollection;
