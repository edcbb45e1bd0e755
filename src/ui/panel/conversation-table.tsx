import type { FC } from 'react';
import { Box, Pagination, Table, Text } from '@wix/design-system';
import type { ConversationItem, ConversationList } from '../api/dashboard-api.js';
import { count } from '../format/plural.js';
import type { WidthClass } from '../layout/use-width.js';
import { conversationColumns, sorter } from './conversation-columns.js';
import { PAGE_SIZE, type ListControls } from './list-controls.js';

interface Props {
  list: ConversationList;
  controls: ListControls;
  width: WidthClass;
  onChange(next: Partial<ListControls>): void;
  onOpen(item: ConversationItem): void;
  selectedId?: string;
}

/** "1–10 of 36 conversations", "1 conversation", "11–12 of 12 conversations", "1–10 of 100+ conversations" (a search stops counting). */
export function pageSummary(page: number, shown: number, total: number, capped = false): string {
  if (total === 0 && shown === 0) return 'No conversations';
  if (page === 1 && shown === total && !capped) return count(total, 'conversation');
  const first = (page - 1) * PAGE_SIZE + 1;
  return `${first}–${first + shown - 1} of ${capped ? `${total.toLocaleString('en')}+ conversations` : count(total, 'conversation')}`;
}

/** The conversations, one row per person, with server-side paging; a row (or its "View" button) opens the timeline. */
export const ConversationTable: FC<Props> = ({ list, controls, width, onChange, onOpen, selectedId }) => {
  // A search's total stops at 100 ("100+"): the pages go on as far as the server says there is a next one.
  const totalPages = Math.max(1, Math.ceil(list.total / PAGE_SIZE), controls.page + (list.nextCursor ? 1 : 0));
  return (
    <Box direction="vertical">
      <Table
        data={list.items}
        columns={conversationColumns(width, sorter(controls, onChange), onOpen)}
        rowVerticalPadding="small"
        onRowClick={(row) => onOpen(row)}
        onSortClick={(column) => (column as { onSort?: () => void }).onSort?.()}
        isRowHighlight={(row) => row.conversationId === selectedId}
        rowDataHook="conversation-row"
        showLastRowDivider
      >
        <Table.Content />
      </Table>
      <Box align="space-between" verticalAlign="middle" padding={width === 'narrow' ? 'SP3' : 'SP3 SP4'} gap="SP2"
        direction={width === 'narrow' ? 'vertical' : 'horizontal'}>
        <Text size="small" secondary dataHook="page-summary">{pageSummary(controls.page, list.items.length, list.total, list.totalCapped)}</Text>
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
