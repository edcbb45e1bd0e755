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

/** The list request for the chosen page: by the cursor the page before it gave, when known; else by offset. */
export function listParamsOf(controls: ListControls, cursor?: string): ListParams {
  return {
    ...(controls.type === 'ALL' ? {} : { type: controls.type }),
    ...(controls.search.trim() ? { search: controls.search.trim() } : {}),
    sort: controls.sort,
    limit: PAGE_SIZE,
    offset: (controls.page - 1) * PAGE_SIZE,
    ...(cursor ? { cursor } : {}),
  };
}

/**
 * The cursors the server gave for the pages of one list (its type, search and sort): page n + 1 is asked for
 * after page n's last row, so a page stays the same rows while new conversations arrive above it, and a deep
 * page costs what the first does. A page reached by jumping (no cursor known yet) is asked for by offset.
 */
export function pageCursors() {
  let list = '';
  const cursors = new Map<number, string>();
  const of = (controls: ListControls) => {
    const key = `${controls.type}\u0000${controls.search.trim()}\u0000${controls.sort}`;
    if (key !== list) {
      list = key;
      cursors.clear();
    }
    return cursors;
  };
  return {
    cursorFor: (controls: ListControls) => of(controls).get(controls.page),
    /** Page `page` of this list answered: remember where the next one starts. */
    answered(controls: ListControls, page: number, nextCursor: string | undefined) {
      if (nextCursor) of(controls).set(page + 1, nextCursor);
    },
  };
}
