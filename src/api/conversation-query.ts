import * as z from 'zod/mini';
import { CONVERSATION_SORT_FIELDS, type ConversationQuery, type ConversationSortField } from '../core/conversation.js';
import { once } from '../core/once.js';
import { PARTICIPANT_TYPES, type ParticipantType } from '../core/participant.js';
import { BadRequestError } from './errors.js';
import { MAX_CURSOR_LENGTH, positionFromCursor } from './list-cursor.js';
import { clip, optionalText, queryParams, wholeNumber } from './query-params.js';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
/** The deepest page a list can be asked for (offset or cursor); past it, narrow the list with a filter or search. */
export const MAX_OFFSET = 100_000;
export const MAX_SEARCH_LENGTH = 200;

const participantType = (name: string) => z.optional(z.string()).check(z.refine((value) => !value || PARTICIPANT_TYPES.includes(value as ParticipantType), {
  error: (issue) => `${name} must be one of ${PARTICIPANT_TYPES.join(', ')}; got "${clip(String(issue.input))}"`,
}));

/** Built on the first list request, not at start. */
const listParams = once(() => ({
  type: participantType('type'),
  participantType: participantType('participantType'),
  search: optionalText('search', MAX_SEARCH_LENGTH),
  q: optionalText('q', MAX_SEARCH_LENGTH),
  sort: z.optional(z.string().check(z.maxLength(40, { error: 'sort must be one of the sort fields (optionally :asc or :desc)' }))),
  order: z.optional(z.string().check(z.maxLength(10, { error: 'order must be asc or desc' }))),
  limit: wholeNumber('limit', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, (value) => `limit must be between 1 and ${MAX_PAGE_SIZE}; got ${value}`),
  offset: wholeNumber('offset', 0, 0, MAX_OFFSET, (value) => value < 0
    ? `offset must be 0 or more; got ${value}`
    : `offset must be at most ${MAX_OFFSET}; got ${value} (narrow the list with type or search instead)`),
  cursor: z.optional(z.string().check(z.maxLength(MAX_CURSOR_LENGTH, { error: 'cursor is not one this API gave out; start again without it' }))),
}));

/**
 * The dashboard's list parameters → a ConversationQuery. Bad values are refused with a message that names
 * the parameter; nothing is guessed. `type` (or `participantType`); `search` (or `q`); `sort` is `field`,
 * `field:asc|desc` or `-field` (an `order` parameter may give the direction); paging by a `cursor` (from the last
 * page's `nextCursor`: the way to page) or an `offset` (old clients).
 */
export function conversationQueryFrom(params: URLSearchParams): ConversationQuery {
  const given = queryParams(listParams(), params);
  const type = (given.type || given.participantType || undefined) as ParticipantType | undefined;
  const { field, order } = sortFrom(given.sort, given.order);
  if (!CONVERSATION_SORT_FIELDS.includes(field as ConversationSortField)) {
    throw new BadRequestError(`sort must be one of ${CONVERSATION_SORT_FIELDS.join(', ')} (optionally :asc or :desc); got "${clip(field)}"`);
  }
  if (order !== 'asc' && order !== 'desc') throw new BadRequestError(`sort order must be asc or desc; got "${clip(order)}"`);
  const sort = { field: field as ConversationSortField, order: order as 'asc' | 'desc' };
  const position = given.cursor ? positionFromCursor(given.cursor, sort, MAX_OFFSET) : { offset: given.offset };
  const paging = 'after' in position ? { after: position.after, offset: 0 } : position;
  return { type, search: given.search ?? given.q, sort, ...paging, limit: given.limit };
}

function sortFrom(sort = '', order = ''): { field: string; order: string } {
  const value = sort || 'lastMessageAt';
  const [named, direction] = value.startsWith('-') ? [value.slice(1), 'desc'] : value.split(':');
  return { field: named!, order: (direction || order || 'desc').toLowerCase() };
}
