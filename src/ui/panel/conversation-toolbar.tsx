import { useEffect, useState, type FC } from 'react';
import { Box, Dropdown, Input, SegmentedToggle, TableToolbar } from '@wix/design-system';
import { Search } from '@wix/wix-ui-icons-common';
import { SORT_OPTIONS, type ListControls, type TypeFilter } from './list-controls.js';

interface Props {
  controls: ListControls;
  onChange(next: Partial<ListControls>): void;
}

const TYPES: { value: TypeFilter; label: string }[] = [
  { value: 'ALL', label: 'All' },
  { value: 'ANONYMOUS_VISITOR', label: 'Visitors' },
  { value: 'CONTACT', label: 'Contacts' },
  { value: 'MEMBER', label: 'Members' },
];

/** Above the table: filter by participant type, search by name or email (debounced), and sort. */
export const ConversationToolbar: FC<Props> = ({ controls, onChange }) => {
  const [search, setSearch] = useState(controls.search);
  useEffect(() => {
    if (search === controls.search) return undefined;
    const timer = setTimeout(() => onChange({ search, page: 1 }), 300);
    return () => clearTimeout(timer);
  }, [search]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <TableToolbar>
      <TableToolbar.ItemGroup position="start">
        <TableToolbar.Item>
          <Box minWidth="480px" width="480px">
          <SegmentedToggle
            size="small"
            fullWidth
            ariaLabel="Participant type"
            dataHook="type-filter"
            selected={controls.type}
            onClick={(_event, value) => onChange({ type: value as TypeFilter, page: 1 })}
          >
            {TYPES.map(({ value, label }) => (
              <SegmentedToggle.Button key={value} value={value}>{label}</SegmentedToggle.Button>
            ))}
          </SegmentedToggle>
          </Box>
        </TableToolbar.Item>
      </TableToolbar.ItemGroup>
      <TableToolbar.ItemGroup position="end">
        <TableToolbar.Item>
          <Box width="220px">
            <Dropdown
              size="small"
              border="round"
              ariaLabel="Sort conversations"
              dataHook="sort"
              options={SORT_OPTIONS}
              selectedId={controls.sort}
              onSelect={(option) => onChange({ sort: option.id as ListControls['sort'], page: 1 })}
              popoverProps={{ appendTo: 'window' }}
            />
          </Box>
        </TableToolbar.Item>
        <TableToolbar.Item>
          <Box width="280px">
            <Input
              size="small"
              border="round"
              type="search"
              ariaLabel="Search by name or email"
              placeholder="Name or email"
              dataHook="search"
              prefix={<Input.IconAffix><Search /></Input.IconAffix>}
              value={search}
              clearButton
              onClear={() => setSearch('')}
              onChange={(event) => setSearch(event.target.value)}
              onEnterPressed={() => onChange({ search, page: 1 })}
            />
          </Box>
        </TableToolbar.Item>
      </TableToolbar.ItemGroup>
    </TableToolbar>
  );
};
