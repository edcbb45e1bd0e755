import { describe, expect, it } from 'vitest';
import { conversationQueryFrom } from '../../../src/api/conversation-query.js';
import { cursorAfter, offsetCursor } from '../../../src/api/list-cursor.js';
import { ApiError } from '../../../src/api/errors.js';

const query = (search: string) => conversationQueryFrom(new URLSearchParams(search));

describe('the dashboard list parameters', () => {
  it('defaults to the newest conversations first, 25 a page', () => {
    expect(query('')).toEqual({ type: undefined, search: undefined, sort: { field: 'lastMessageAt', order: 'desc' }, offset: 0, limit: 25 });
  });

  it.each([
    ['sort=displayName', { field: 'displayName', order: 'desc' }],
    ['sort=displayName:asc', { field: 'displayName', order: 'asc' }],
    ['sort=-messageCount', { field: 'messageCount', order: 'desc' }],
    ['sort=firstMessageAt&order=ASC', { field: 'firstMessageAt', order: 'asc' }],
    ['sort=firstMessageAt:desc&order=asc', { field: 'firstMessageAt', order: 'desc' }],
  ])('reads %s', (params, sort) => {
    expect(query(params).sort).toEqual(sort);
  });

  it.each([
    ['type=MEMBER', 'MEMBER'],
    ['participantType=CONTACT', 'CONTACT'],
  ])('filters by type with %s', (params, type) => {
    expect(query(params).type).toBe(type);
  });

  it.each([['search=%20Ana%20', 'Ana'], ['q=ana@example.pt', 'ana@example.pt'], ['search=%20', undefined]])('searches with %s', (params, search) => {
    expect(query(params).search).toBe(search);
  });

  it('takes the instance token as a parameter, and gives nothing of it back', () => {
    expect(query('instance=sig.payload&limit=5')).toMatchObject({ limit: 5 });
  });

  it('pages by a cursor it gave out, by an offset, or by an offset cursor an earlier version gave out', () => {
    const byName = { field: 'displayName', order: 'asc' } as const;
    const cursor = cursorAfter(byName, { value: 'ana sousa', conversationId: 'c-7', seen: 20 });
    expect(query(`sort=displayName:asc&cursor=${cursor}`)).toMatchObject({ after: { value: 'ana sousa', conversationId: 'c-7', seen: 20 }, offset: 0 });
    const lacking = cursorAfter({ field: 'lastMessageAt', order: 'desc' }, { value: null, conversationId: 'c-1' });
    expect(query(`cursor=${lacking}`).after).toEqual({ value: null, conversationId: 'c-1' });
    expect(query('offset=50&limit=10')).toMatchObject({ offset: 50, limit: 10 });
    expect(query(`cursor=${offsetCursor(75)}`).offset).toBe(75);
  });

  it.each([
    ['type=ROBOT', /^type must be one of ANONYMOUS_VISITOR, CONTACT, MEMBER; got "ROBOT"/],
    ['sort=email', /^sort must be one of lastMessageAt, firstMessageAt, displayName, messageCount/],
    ['sort=displayName:up', /^sort order must be asc or desc; got "up"/],
    ['limit=0', /^limit must be between 1 and 100; got 0/],
    ['limit=101', /^limit must be between 1 and 100/],
    ['limit=ten', /^limit must be a whole number; got "ten"/],
    ['offset=-1', /^offset must be 0 or more/],
    ['cursor=not-ours', /^cursor is not one this API gave out/],
    ['offset=100001', /^offset must be at most 100000/],
    ['offset=99999999999999999999', /^offset must be at most 100000/],
    ['offset=1e3', /^offset must be a whole number/],
    [`cursor=${offsetCursor(10 ** 12)}`, /^cursor is not one this API gave out/],
    [`cursor=${cursorAfter({ field: 'lastMessageAt', order: 'desc' }, { value: 't', conversationId: 'c' })}&sort=displayName`, /^cursor is for a list sorted by lastMessageAt:desc, not displayName:desc; start again/],
    [`sort=messageCount:asc&cursor=${cursorAfter({ field: 'messageCount', order: 'asc' }, { value: 'ten', conversationId: 'c' })}`, /^cursor is not one/],
    [`sort=displayName:asc&cursor=${cursorAfter({ field: 'displayName', order: 'asc' }, { value: null, conversationId: 'c' })}`, /^cursor is not one/],
    [`cursor=${cursorAfter({ field: 'lastMessageAt', order: 'desc' }, { value: 't', conversationId: '' })}`, /^cursor is not one/],
    [`cursor=${Buffer.from('[1,2]').toString('base64url')}`, /^cursor is not one/],
    [`cursor=${Buffer.from(JSON.stringify({ s: 'lastMessageAt:desc', v: 't', c: 'c', n: -1 })).toString('base64url')}`, /^cursor is not one/],
    [`cursor=${'A'.repeat(300)}`, /^cursor is not one this API gave out/],
    [`cursor=${'A'.repeat(3000)}`, /^cursor is not one this API gave out/],
    ['limit=5&limit=6', /^limit is given more than once/],
    ['colour=red', /^Unknown parameter "colour": this route takes type, participantType, search, q, sort, order, limit, offset, cursor/],
    ['__proto__=x', /^Unknown parameter "__proto__"/],
    [`search=${'a'.repeat(201)}`, /^search must be at most 200 characters/],
  ])('refuses %s with a message naming the parameter', (params, message) => {
    const error = (() => {
      try {
        query(params);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, message: expect.stringMatching(message) });
  });
});
