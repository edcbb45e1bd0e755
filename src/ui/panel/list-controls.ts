import type { ListParams, ParticipantType } from '../api/dashboard-api.js';

export const PAGE_SIZE = 10;

export type TypeFilter = ParticipantType | 'ALL';

export const SORT_OPTIONS: { id: ListParams['sort']; value: string }[] = [
  { id: 'lastMessageAt:desc', value: 'Latest message first' },
  { id: 'lastMessageAt:asc', value: 'Oldest message first' },
  { id: 'firstMessageAt:desc', value: 'Newest conversation first' },
  { id: 'displayName:asc', value: 'Name A–Z' },
  { id: 'displayName:desc', value: 'Name Z–A' },
  { id: 'messageCount:desc', value: 'Most messages first' },
];

/** What the owner has chosen above the table. */
export interface ListControls {
  type: TypeFilter;
  search: string;
  sort: ListParams['sort'];
  page: number;
}

export const INITIAL_CONTROLS: ListControls = { type: 'ALL', search: '', sort: 'lastMessageAt:desc', page: 1 };

export function listParamsOf(controls: ListControls): ListParams {
  return {
    ...(controls.type === 'ALL' ? {} : { type: controls.type }),
    ...(controls.search.trim() ? { search: controls.search.trim() } : {}),
    sort: controls.sort,
    limit: PAGE_SIZE,
    offset: (controls.page - 1) * PAGE_SIZE,
  };
}
