import { Box, Text, TextButton } from '@wix/design-system';
import type { ConversationItem } from '../api/dashboard-api.js';
import { channelLabel } from '../format/channels.js';
import { dateTime, timeAgo } from '../format/time.js';
import type { WidthClass } from '../layout/use-width.js';
import { AutoReplyStatus } from './auto-reply-status.js';
import type { ListControls } from './list-controls.js';
import { ParticipantBadge } from './participant-badge.js';
import { PersonCell, personName } from './person-cell.js';

type Sorter = (field: 'displayName' | 'lastMessageAt' | 'messageCount', firstOrder: 'asc' | 'desc') => {
  sortable: true; sortDescending?: boolean; onSort(): void;
};

/** A sortable column's props, by the list's current sort. */
export function sorter(controls: ListControls, onChange: (next: Partial<ListControls>) => void): Sorter {
  const descending = (field: string) => (controls.sort.startsWith(`${field}:`) ? controls.sort.endsWith(':desc') : undefined);
  return (field, firstOrder) => ({
    sortable: true,
    sortDescending: descending(field),
    onSort: () => onChange({ sort: `${field}:${descending(field) === undefined ? firstOrder : descending(field) ? 'asc' : 'desc'}` as ListControls['sort'], page: 1 }),
  });
}

const lastMessage = (row: ConversationItem) => (
  <Box direction="vertical" minWidth={0}>
    <Text size="small" ellipsis maxLines={1} dataHook="last-message">{row.lastMessagePreview ?? '—'}</Text>
    <Text size="tiny" secondary><span title={dateTime(row.lastMessageAt)}>{timeAgo(row.lastMessageAt)}</span></Text>
  </Box>
);

const viewButton = (onOpen: (row: ConversationItem) => void) => (row: ConversationItem) => (
  <TextButton size="small" ariaLabel={`Open the timeline of ${personName(row).name}`} dataHook="open-timeline"
    onClick={(event) => { event.stopPropagation(); onOpen(row); }}>View</TextButton>
);

/**
 * The table's columns for the width it has: everything on a wide screen (1180 px and up); without channel and
 * message count on a medium one; on a phone, one column that stacks the person, their last message and the auto-reply, and "View".
 */
export function conversationColumns(width: WidthClass, sort: Sorter, onOpen: (row: ConversationItem) => void) {
  const view = { title: '', width: '64px', align: 'end' as const, render: viewButton(onOpen) };
  if (width === 'narrow') {
    return [
      { title: 'Person', ...sort('displayName', 'asc'), render: (row: ConversationItem) => (
        <Box direction="vertical" gap="SP1" minWidth={0}>
          <Box gap="SP2" verticalAlign="middle" minWidth={0}>
            <Box minWidth={0} style={{ flexGrow: 1 }}><PersonCell item={row} /></Box>
            <ParticipantBadge type={row.participantType} />
          </Box>
          {lastMessage(row)}
          <AutoReplyStatus autoReply={row.autoReply} inline />
        </Box>
      ) },
      view,
    ];
  }
  const columns = [
    { title: 'Type', width: '96px', render: (row: ConversationItem) => <ParticipantBadge type={row.participantType} /> },
    { title: 'Person', width: width === 'wide' ? '24%' : '30%', ...sort('displayName', 'asc'), render: (row: ConversationItem) => <PersonCell item={row} /> },
    { title: 'Channel', width: '96px', render: (row: ConversationItem) => <Text size="small">{channelLabel(row.channel)}</Text> },
    { title: 'Last message', ...sort('lastMessageAt', 'desc'), render: lastMessage },
    { title: 'Messages', width: '100px', align: 'center' as const, ...sort('messageCount', 'desc'), render: (row: ConversationItem) => <Text size="small">{row.messageCount}</Text> },
    { title: 'Auto-reply', width: '150px', render: (row: ConversationItem) => <AutoReplyStatus autoReply={row.autoReply} /> },
    view,
  ];
  return width === 'wide' ? columns : columns.filter((column) => column.title !== 'Channel' && column.title !== 'Messages');
}
