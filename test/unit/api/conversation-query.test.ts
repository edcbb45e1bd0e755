import { describe, expect, it } from 'vitest';
import { conversationQueryFrom, cursorFor } from '../../../src/api/conversation-query.js';
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

  it('pages by offset or by a cursor it gave out', () => {
    expect(query('offset=50&limit=10')).toMatchObject({ offset: 50, limit: 10 });
    expect(query(`cursor=${cursorFor(75)}`).offset).toBe(75);
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
    [`cursor=${cursorFor(10 ** 12)}`, /^cursor is not one this API gave out/],
    [`cursor=${'A'.repeat(300)}`, /^cursor is not one this API gave out/],
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
