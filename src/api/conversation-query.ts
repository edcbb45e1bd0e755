import { CONVERSATION_SORT_FIELDS, type ConversationQuery, type ConversationSortField } from '../core/conversation.js';
import { PARTICIPANT_TYPES, type ParticipantType } from '../core/participant.js';
import { BadRequestError } from './errors.js';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/**
 * The dashboard's list parameters → a ConversationQuery. Bad values are refused with a message that names
 * the parameter; nothing is guessed. `type` (or `participantType`); `search` (or `q`); `sort` is `field`,
 * `field:asc|desc` or `-field` (an `order` parameter may give the direction); paging by `offset` or a `cursor`.
 */
export function conversationQueryFrom(params: URLSearchParams): ConversationQuery {
  const type = params.get('type') || params.get('participantType') || undefined;
  if (type && !PARTICIPANT_TYPES.includes(type as ParticipantType)) {
    throw new BadRequestError(`type must be one of ${PARTICIPANT_TYPES.join(', ')}; got "${type}"`);
  }
  const { field, order } = sortFrom(params);
  if (!CONVERSATION_SORT_FIELDS.includes(field as ConversationSortField)) {
    throw new BadRequestError(`sort must be one of ${CONVERSATION_SORT_FIELDS.join(', ')} (optionally :asc or :desc); got "${field}"`);
  }
  if (order !== 'asc' && order !== 'desc') throw new BadRequestError(`sort order must be asc or desc; got "${order}"`);
  const limit = integer(params, 'limit', DEFAULT_PAGE_SIZE);
  if (limit < 1 || limit > MAX_PAGE_SIZE) throw new BadRequestError(`limit must be between 1 and ${MAX_PAGE_SIZE}; got ${limit}`);
  const cursor = params.get('cursor');
  const offset = cursor ? offsetFromCursor(cursor) : integer(params, 'offset', 0);
  if (offset < 0) throw new BadRequestError(`offset must be 0 or more; got ${offset}`);
  const search = (params.get('search') ?? params.get('q'))?.trim() || undefined;
  return { type: type as ParticipantType | undefined, search, sort: { field: field as ConversationSortField, order }, offset, limit };
}

function sortFrom(params: URLSearchParams): { field: string; order: string } {
  const sort = params.get('sort') || 'lastMessageAt';
  const [named, direction] = sort.startsWith('-') ? [sort.slice(1), 'desc'] : sort.split(':');
  return { field: named!, order: (direction || params.get('order') || 'desc').toLowerCase() };
}

export function cursorFor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function offsetFromCursor(cursor: string): number {
  try {
    const { o } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0) return o;
  } catch {
    // fall through to the error below
  }
  throw new BadRequestError('cursor is not one this API gave out; start again without it');
}

function integer(params: URLSearchParams, name: string, fallback: number): number {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw new BadRequestError(`${name} must be a whole number; got "${raw}"`);
  return Number(raw);
}
