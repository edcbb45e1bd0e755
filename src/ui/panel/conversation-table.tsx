import type { FC } from 'react';
import { Box, Pagination, Table, Text, TextButton } from '@wix/design-system';
import type { ConversationItem, ConversationList } from '../api/dashboard-api.js';
import { dateTime, timeAgo } from '../format/time.js';
import { AutoReplyStatus } from './auto-reply-status.js';
import { PAGE_SIZE, type ListControls } from './list-controls.js';
import { ParticipantBadge } from './participant-badge.js';
import { PersonCell } from './person-cell.js';

interface Props {
  list: ConversationList;
  controls: ListControls;
  onChange(next: Partial<ListControls>): void;
  onOpen(item: ConversationItem): void;
  selectedId?: string;
}

const CHANNEL: Record<string, string> = { CHAT: 'Site chat', EMAIL: 'Email', SMS: 'SMS', WHATSAPP: 'WhatsApp', FACEBOOK: 'Facebook', INSTAGRAM: 'Instagram' };
export const channelLabel = (channel?: string) => (channel ? CHANNEL[channel] ?? channel.charAt(0) + channel.slice(1).toLowerCase() : '—');

/** The conversations, one row per person, with server-side paging; a row (or its "View" button) opens the timeline. */
export const ConversationTable: FC<Props> = ({ list, controls, onChange, onOpen, selectedId }) => {
  const sortedBy = (field: string) => (controls.sort.startsWith(`${field}:`) ? controls.sort.endsWith(':desc') : undefined);
  const sortOn = (field: string, firstOrder: 'asc' | 'desc') => () =>
    onChange({ sort: `${field}:${sortedBy(field) === undefined ? firstOrder : sortedBy(field) ? 'asc' : 'desc'}` as ListControls['sort'], page: 1 });
  const columns = [
    { title: 'Type', width: '110px', render: (row: ConversationItem) => <ParticipantBadge type={row.participantType} /> },
    { title: 'Person', width: '24%', sortable: true, sortDescending: sortedBy('displayName'), onSort: sortOn('displayName', 'asc'),
      render: (row: ConversationItem) => <PersonCell item={row} /> },
    { title: 'Channel', width: '100px', render: (row: ConversationItem) => <Text size="small">{channelLabel(row.channel)}</Text> },
    { title: 'Last message', sortable: true, sortDescending: sortedBy('lastMessageAt'), onSort: sortOn('lastMessageAt', 'desc'),
      render: (row: ConversationItem) => (
        <Box direction="vertical" minWidth={0}>
          <Text size="small" ellipsis maxLines={1} dataHook="last-message">{row.lastMessagePreview ?? '—'}</Text>
          <Text size="tiny" secondary><span title={dateTime(row.lastMessageAt)}>{timeAgo(row.lastMessageAt)}</span></Text>
        </Box>
      ) },
    { title: 'Messages', width: '100px', align: 'center' as const, sortable: true, sortDescending: sortedBy('messageCount'),
      onSort: sortOn('messageCount', 'desc'), render: (row: ConversationItem) => <Text size="small">{row.messageCount}</Text> },
    { title: 'Auto-reply', width: '130px', render: (row: ConversationItem) => <AutoReplyStatus autoReply={row.autoReply} /> },
    { title: '', width: '70px', align: 'end' as const,
      render: (row: ConversationItem) => (
        <TextButton size="small" ariaLabel={`Open timeline for ${row.displayName || 'anonymous visitor'}`} dataHook="open-timeline"
          onClick={(event) => { event.stopPropagation(); onOpen(row); }}>View</TextButton>
      ) },
  ];
  const totalPages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  const first = list.total === 0 ? 0 : (controls.page - 1) * PAGE_SIZE + 1;
  const last = (controls.page - 1) * PAGE_SIZE + list.items.length;
  return (
    <Box direction="vertical">
      <Table
        data={list.items}
        columns={columns}
        rowVerticalPadding="small"
        onRowClick={(row) => onOpen(row)}
        onSortClick={(column) => (column as { onSort?: () => void }).onSort?.()}
        isRowHighlight={(row) => row.conversationId === selectedId}
        rowDataHook="conversation-row"
        showLastRowDivider
      >
        <Table.Content />
      </Table>
      <Box align="space-between" verticalAlign="middle" padding="SP3 SP4">
        <Text size="small" secondary dataHook="page-summary">{`${first}–${last} of ${list.total} conversations`}</Text>
        {totalPages > 1 ? (
          <Pagination
            dataHook="pagination"
            currentPage={controls.page}
            totalPages={totalPages}
            previousLabel="Previous page"
            nextLabel="Next page"
            onChange={({ page, event }) => { event.preventDefault(); onChange({ page }); }}
          />
        ) : null}
      </Box>
    </Box>
  );
};
