import { invalidArgument, WixError } from '../http/wix-error.js';
import type { SiteState } from '../state/site-state.js';
import type { Message } from '../state/types.js';
import { findConversation } from './conversations.js';
import { threadOf } from './messages.js';

const DEFAULT_LIMIT = 30;
const MAX_LIMIT = 100;

interface ListRequest {
  conversationId?: unknown;
  visibility?: unknown;
  paging?: { limit?: unknown; cursor?: unknown };
  sorting?: { fieldName?: unknown; order?: unknown };
}

interface Cursor {
  offset: number;
}

/** List Messages: 30 a page by default, `sequence` descending unless the caller sorts otherwise. */
export function listMessages(state: SiteState, request: ListRequest) {
  const record = findConversation(state, request.conversationId);
  const visibility = request.visibility;
  if (visibility !== 'BUSINESS' && visibility !== 'BUSINESS_AND_PARTICIPANT') {
    throw invalidArgument('visibility', 'is required: BUSINESS or BUSINESS_AND_PARTICIPANT');
  }
  const limit = pageLimit(request.paging?.limit);
  const offset = request.paging?.cursor ? decodeCursor(request.paging.cursor).offset : 0;
  const ascending = request.sorting?.order === 'ASC';
  const field = request.sorting?.fieldName === 'createdDate' ? 'createdDate' : 'sequence';

  const all = threadOf(state, record.conversation.id)
    .map((stored) => stored.message)
    .filter((message) => visibility === 'BUSINESS' || message.visibility === 'BUSINESS_AND_PARTICIPANT')
    .sort((a, b) => compare(a, b, field) * (ascending ? 1 : -1));
  const page = all.slice(offset, offset + limit);
  const cursors: { next?: string; prev?: string } = {};
  if (offset + limit < all.length) cursors.next = encodeCursor({ offset: offset + limit });
  if (offset > 0) cursors.prev = encodeCursor({ offset: Math.max(0, offset - limit) });
  return { messages: page, pagingMetadata: { count: page.length, cursors } };
}

function compare(a: Message, b: Message, field: 'sequence' | 'createdDate'): number {
  if (field === 'createdDate' && a.createdDate !== b.createdDate) return a.createdDate < b.createdDate ? -1 : 1;
  return Number(a.sequence) - Number(b.sequence);
}

function pageLimit(raw: unknown): number {
  if (raw === undefined || raw === null) return DEFAULT_LIMIT;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw invalidArgument('paging.limit', `must be an integer from 1 to ${MAX_LIMIT}`);
  }
  return limit;
}

const encodeCursor = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decodeCursor(raw: unknown): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(String(raw), 'base64url').toString('utf8')) as Cursor;
    if (Number.isInteger(cursor.offset)) return cursor;
  } catch {
    /* fall through */
  }
  throw new WixError(400, 'INVALID_CURSOR', `paging.cursor "${String(raw)}" was not issued by List Messages`);
}
