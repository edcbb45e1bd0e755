import { useEffect, useState, type FC } from 'react';
import { Box, Dropdown, Input, SegmentedToggle, TableToolbar } from '@wix/design-system';
import { Search } from '@wix/wix-ui-icons-common';
import type { WidthClass } from '../layout/use-width.js';
import { SORT_OPTIONS, type ListControls, type TypeFilter } from './list-controls.js';

interface Props {
  controls: ListControls;
  width: WidthClass;
  onChange(next: Partial<ListControls>): void;
}

const TYPES: { value: TypeFilter; label: string }[] = [
  { value: 'ALL', label: 'All' },
  { value: 'ANONYMOUS_VISITOR', label: 'Visitors' },
  { value: 'CONTACT', label: 'Contacts' },
  { value: 'MEMBER', label: 'Members' },
];

/**
 * Above the table: filter by participant type, search by name or email (debounced), and sort. On one row when
 * wide; three dropdown-sized controls on a medium screen; stacked, each the full width, on a phone.
 */
export const ConversationToolbar: FC<Props> = ({ controls, width, onChange }) => {
  const [search, setSearch] = useState(controls.search);
  useEffect(() => { setSearch(controls.search); }, [controls.search]);
  useEffect(() => {
    if (search === controls.search) return undefined;
    const timer = setTimeout(() => onChange({ search, page: 1 }), 300);
    return () => clearTimeout(timer);
  }, [search]); // eslint-disable-line react-hooks/exhaustive-deps

  const typeFilter = (
    <SegmentedToggle size="small" fullWidth ariaLabel="Participant type" dataHook="type-filter" selected={controls.type}
      onClick={(_event, value) => onChange({ type: value as TypeFilter, page: 1 })}>
      {TYPES.map(({ value, label }) => <SegmentedToggle.Button key={value} value={value}>{label}</SegmentedToggle.Button>)}
    </SegmentedToggle>
  );
  const sort = (
    <Dropdown size="small" border="round" ariaLabel="Sort conversations" dataHook="sort" options={SORT_OPTIONS} selectedId={controls.sort}
      onSelect={(option) => onChange({ sort: option.id as ListControls['sort'], page: 1 })} popoverProps={{ appendTo: 'window' }} />
  );
  const searchBox = (
    <Input size="small" border="round" ariaLabel="Search by name or email" placeholder="Name or email" dataHook="search"
      prefix={<Input.IconAffix><Search /></Input.IconAffix>} value={search} clearButton
      onClear={() => setSearch('')} onChange={(event) => setSearch(event.target.value)} onEnterPressed={() => onChange({ search, page: 1 })} />
  );

  if (width !== 'wide') {
    // Four segments do not fit a phone: the same choice as a dropdown.
    const typeDropdown = (
      <Dropdown size="small" border="round" ariaLabel="Participant type" dataHook="type-filter-dropdown" selectedId={controls.type}
        options={TYPES.map(({ value, label }) => ({ id: value, value: value === 'ALL' ? 'Everyone' : label }))}
        onSelect={(option) => onChange({ type: option.id as TypeFilter, page: 1 })} popoverProps={{ appendTo: 'window' }} />
    );
    const narrow = width === 'narrow';
    return (
      <Box direction={narrow ? 'vertical' : 'horizontal'} gap="SP2" padding="SP3" dataHook="conversation-toolbar">
        {[typeDropdown, searchBox, sort].map((control, index) => (
          <Box key={index} width={narrow ? '100%' : '33%'} direction="vertical">{control}</Box>
        ))}
      </Box>
    );
  }
  return (
    <TableToolbar dataHook="conversation-toolbar">
      <TableToolbar.ItemGroup position="start">
        <TableToolbar.Item><Box width="min(500px, 46vw)">{typeFilter}</Box></TableToolbar.Item>
      </TableToolbar.ItemGroup>
      <TableToolbar.ItemGroup position="end">
        <TableToolbar.Item><Box width="min(200px, 18vw)">{sort}</Box></TableToolbar.Item>
        <TableToolbar.Item><Box width="min(220px, 20vw)">{searchBox}</Box></TableToolbar.Item>
      </TableToolbar.ItemGroup>
    </TableToolbar>
  );
};
