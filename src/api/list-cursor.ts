import type { ConversationCursor, ConversationQuery, ConversationSortField } from '../core/conversation.js';
import { BadRequestError } from './errors.js';

/** The longest cursor this API gives out: a display name of any length the list can hold fits, base64url-encoded. */
export const MAX_CURSOR_LENGTH = 2048;
const NOT_OURS = 'cursor is not one this API gave out; start again without it';

/** What a list request's `cursor` stands for: the position after which the next page starts, or an old offset. */
export type ListPosition = { after: ConversationCursor } | { offset: number };

/**
 * The cursor after a page's last row: the list's sort, and that row's sort value and conversation ID, base64url
 * JSON. It names a place in the order, not a count, so the next page is the same rows however many arrived since.
 */
export function cursorAfter(sort: ConversationQuery['sort'], position: ConversationCursor): string {
  const { value: v, conversationId: c, seen: n } = position;
  return Buffer.from(JSON.stringify({ s: `${sort.field}:${sort.order}`, v, c, ...(n === undefined ? {} : { n }) })).toString('base64url');
}

/** A cursor as an earlier version gave out (an offset); still honoured. */
export function offsetCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

/** Reads a cursor this API gave out for a list in this sort; anything else is a 400 that says to start again. */
export function positionFromCursor(cursor: string, sort: ConversationQuery['sort'], maxOffset: number): ListPosition {
  const given = decode(cursor);
  if ('o' in given) {
    const { o } = given;
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0 && o <= maxOffset) return { offset: o };
    throw new BadRequestError(NOT_OURS);
  }
  const { s, v, c, n } = given;
  if (typeof s !== 'string' || typeof c !== 'string' || c === '' || c.length > 200 || !valueFits(s, v)) throw new BadRequestError(NOT_OURS);
  if (n !== undefined && !(typeof n === 'number' && Number.isSafeInteger(n) && n > 0)) throw new BadRequestError(NOT_OURS);
  if (s !== `${sort.field}:${sort.order}`) {
    throw new BadRequestError(`cursor is for a list sorted by ${s.slice(0, 40)}, not ${sort.field}:${sort.order}; start again without it`);
  }
  return { after: { value: v as ConversationCursor['value'], conversationId: c, ...(n === undefined ? {} : { seen: n as number }) } };
}

function decode(cursor: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw new BadRequestError(NOT_OURS);
}

/** The value's kind must be the sort field's: a time (or null, for rows lacking it), a name, a count. */
function valueFits(sort: string, value: unknown): boolean {
  const field = sort.split(':')[0] as ConversationSortField;
  switch (field) {
    case 'lastMessageAt':
    case 'firstMessageAt':
      return value === null || (typeof value === 'string' && value.length <= 40);
    case 'displayName':
      return typeof value === 'string';
    case 'messageCount':
      return typeof value === 'number' && Number.isSafeInteger(value);
    default:
      return false;
  }
}
