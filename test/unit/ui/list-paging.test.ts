import { describe, expect, it } from 'vitest';
import { INITIAL_CONTROLS, listParamsOf, pageCursors, PAGE_SIZE } from '../../../src/ui/panel/list-controls.js';

describe('the panel pages by the cursors the server gives', () => {
  it('asks page n + 1 after page n\'s cursor, page 1 and a jump by offset, and forgets the cursors when the list changes', () => {
    const cursors = pageCursors();
    const page = (n: number, extra = {}) => ({ ...INITIAL_CONTROLS, ...extra, page: n });
    expect(listParamsOf(page(1), cursors.cursorFor(page(1)))).toEqual({ sort: 'lastMessageAt:desc', limit: PAGE_SIZE, offset: 0 });
    cursors.answered(page(1), 1, 'after-page-1');
    expect(listParamsOf(page(2), cursors.cursorFor(page(2)))).toMatchObject({ cursor: 'after-page-1' });
    cursors.answered(page(2), 2, undefined);
    expect(listParamsOf(page(5), cursors.cursorFor(page(5)))).toEqual({ sort: 'lastMessageAt:desc', limit: PAGE_SIZE, offset: 4 * PAGE_SIZE });
    // Another sort (or type, or search) is another list: its page 2 is asked for by offset until its page 1 answers.
    expect(cursors.cursorFor(page(2, { sort: 'displayName:asc' }))).toBeUndefined();
    expect(cursors.cursorFor(page(2))).toBeUndefined();
  });
});
