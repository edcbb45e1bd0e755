import { describe, expect, it } from 'vitest';
import type { ConversationCursor, ConversationPage, ConversationQuery, ConversationSortField } from '../../../src/core/conversation.js';
import { itemOf } from '../../../src/core/conversation-item.js';
import { positionOf } from '../../../src/core/conversation-order.js';
import { CONVERSATION_SORT_FIELDS } from '../../../src/core/conversation.js';
import { conversation, type CurrentStore, ids, SITE_A, SITE_B, sorted } from './fixtures.js';

const day = (d: string) => `2025-${d}T10:00:00.000Z`;

/** Six conversations on site A chosen so every sort has ties, gaps and case differences; one decoy on site B. */
const SITE_A_ROWS = [
  conversation({ conversationId: 'c1', participantType: 'CONTACT', displayName: 'Alice Martin', email: 'alice@example.org', firstMessageAt: day('01-01'), lastMessageAt: day('03-01'), messageCount: 10 }),
  conversation({ conversationId: 'c2', participantType: 'MEMBER', displayName: 'bob stone', email: 'bob@Example.COM', firstMessageAt: day('01-02'), lastMessageAt: day('03-03'), messageCount: 2 }),
  conversation({ conversationId: 'c3', participantType: 'ANONYMOUS_VISITOR', displayName: 'Visitor #1A2B', messageCount: 0 }),
  conversation({ conversationId: 'c4', participantType: 'CONTACT', displayName: 'Carol Alison', email: 'carol@shop.net', firstMessageAt: day('01-04'), messageCount: 2 }),
  conversation({ conversationId: 'c5', participantType: 'MEMBER', displayName: 'Dan', email: 'dan.ALI@mail.org', firstMessageAt: day('01-05'), lastMessageAt: day('03-01'), messageCount: 100 }),
  conversation({ conversationId: 'c6', participantType: 'CONTACT', displayName: 'eve', lastMessageAt: day('03-02'), messageCount: 9 }),
];
const SITE_B_ROW = conversation({ conversationId: 'b1', instanceId: SITE_B, displayName: 'Alice on B', email: 'alice@example.org', lastMessageAt: day('03-09') });

/**
 * Expected orders. Ties break on conversationId in the sort's direction; records without the field come last
 * either way; names compare without case; counts compare as numbers.
 */
const EXPECTED: Record<ConversationSortField, { asc: string[]; desc: string[] }> = {
  lastMessageAt: { asc: ['c1', 'c5', 'c6', 'c2', 'c3', 'c4'], desc: ['c2', 'c6', 'c5', 'c1', 'c4', 'c3'] },
  firstMessageAt: { asc: ['c1', 'c2', 'c4', 'c5', 'c3', 'c6'], desc: ['c5', 'c4', 'c2', 'c1', 'c6', 'c3'] },
  displayName: { asc: ['c1', 'c2', 'c4', 'c5', 'c6', 'c3'], desc: ['c3', 'c6', 'c5', 'c4', 'c2', 'c1'] },
  messageCount: { asc: ['c3', 'c2', 'c4', 'c6', 'c1', 'c5'], desc: ['c5', 'c1', 'c6', 'c4', 'c2', 'c3'] },
};

function query(overrides: Partial<ConversationQuery> = {}): ConversationQuery {
  return { sort: { field: 'lastMessageAt', order: 'desc' }, offset: 0, limit: 50, ...overrides };
}

/** A page as the port promises it (a store may add the same page as list JSON: checked on its own below). */
const plain = ({ items, total, hasMore, totalCapped }: ConversationPage) => ({ items, total, hasMore, ...(totalCapped ? { totalCapped } : {}) });

export function listConversationTests(store: CurrentStore): void {
  describe('listing conversations', () => {
    const seed = async () => {
      // Stored out of order, so an adapter returning insertion order fails.
      for (const row of [SITE_A_ROWS[3], SITE_B_ROW, SITE_A_ROWS[0], SITE_A_ROWS[5], SITE_A_ROWS[2], SITE_A_ROWS[4], SITE_A_ROWS[1]]) {
        await store().putConversation(row);
      }
    };

    it('lists one site\'s conversations with the total, as whole records', async () => {
      await seed();
      const page = await store().listConversations(SITE_A, query());
      expect(page.total).toBe(6);
      expect(sorted(ids(page.items))).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
      expect(page.items.find((r) => r.conversationId === 'c2')).toStrictEqual(SITE_A_ROWS[1]);
      expect(plain(await store().listConversations(SITE_B, query()))).toStrictEqual({ items: [SITE_B_ROW], total: 1, hasMore: false });
    });

    it('gives, when it gives a page as list JSON too, the same items and where the last one stands', async () => {
      await seed();
      for (const field of CONVERSATION_SORT_FIELDS) {
        const page = await store().listConversations(SITE_A, query({ sort: { field, order: 'asc' }, limit: 4 }));
        if (!page.itemsJson) continue;
        expect(page.itemsJson.map((json) => JSON.parse(json) as unknown)).toStrictEqual(page.items.map(itemOf));
        expect(page.last).toStrictEqual(positionOf(page.items.at(-1)!, field));
      }
    });

    it('answers an empty page for a site with no conversations', async () => {
      await seed();
      expect(plain(await store().listConversations('site-without-rows', query()))).toStrictEqual({ items: [], total: 0, hasMore: false });
    });

    for (const field of CONVERSATION_SORT_FIELDS) {
      for (const order of ['asc', 'desc'] as const) {
        it(`sorts by ${field} ${order}`, async () => {
          await seed();
          const page = await store().listConversations(SITE_A, query({ sort: { field, order } }));
          expect(ids(page.items)).toEqual(EXPECTED[field][order]);
        });
      }
    }

    it('filters by participant type, and total counts the filtered set', async () => {
      await seed();
      const members = await store().listConversations(SITE_A, query({ type: 'MEMBER', sort: { field: 'messageCount', order: 'asc' } }));
      expect(ids(members.items)).toEqual(['c2', 'c5']);
      expect(members.total).toBe(2);
      const visitors = await store().listConversations(SITE_A, query({ type: 'ANONYMOUS_VISITOR' }));
      expect(ids(visitors.items)).toEqual(['c3']);
    });

    it('searches display name and email without regard to case', async () => {
      await seed();
      const search = async (text: string) =>
        ids((await store().listConversations(SITE_A, query({ search: text, sort: { field: 'displayName', order: 'asc' } }))).items);
      expect(await search('ali')).toEqual(['c1', 'c4', 'c5']);
      expect(await search('ALI')).toEqual(['c1', 'c4', 'c5']);
      expect(await search('example.')).toEqual(['c1', 'c2']);
      expect(await search('EVE')).toEqual(['c6']);
      expect(await search('#1a2b')).toEqual(['c3']);
      expect(await search('nobody')).toEqual([]);
    });

    it('treats search text literally, not as a pattern', async () => {
      await seed();
      for (const text of ['%', '_', '.*', 'a%e']) {
        expect(ids((await store().listConversations(SITE_A, query({ search: text }))).items)).toEqual([]);
      }
    });

    it('combines search with type, and total counts the combined set beyond the page', async () => {
      await seed();
      const page = await store().listConversations(SITE_A, query({ type: 'CONTACT', search: 'ali', sort: { field: 'displayName', order: 'asc' }, limit: 1 }));
      expect(ids(page.items)).toEqual(['c1']);
      expect(page.total).toBe(2);
      const none = await store().listConversations(SITE_A, query({ type: 'MEMBER', search: 'carol' }));
      expect(plain(none)).toStrictEqual({ items: [], total: 0, hasMore: false });
    });

    it('pages with offset and limit, across the records that lack the sort field', async () => {
      await seed();
      const sort = { field: 'lastMessageAt', order: 'asc' } as const;
      const pages: string[][] = [];
      for (let offset = 0; offset < 6; offset += 4) {
        const page = await store().listConversations(SITE_A, query({ sort, offset, limit: 4 }));
        expect(page.total).toBe(6);
        pages.push(ids(page.items));
      }
      expect(pages).toEqual([['c1', 'c5', 'c6', 'c2'], ['c3', 'c4']]);
      expect(ids((await store().listConversations(SITE_A, query({ sort, offset: 3, limit: 2 }))).items)).toEqual(['c2', 'c3']);
      expect(ids((await store().listConversations(SITE_A, query({ sort, offset: 5, limit: 2 }))).items)).toEqual(['c4']);
      expect(plain(await store().listConversations(SITE_A, query({ sort, offset: 10, limit: 2 })))).toStrictEqual({ items: [], total: 6, hasMore: false });
    });

    it('says whether rows follow a page', async () => {
      await seed();
      expect((await store().listConversations(SITE_A, query({ limit: 5 }))).hasMore).toBe(true);
      expect((await store().listConversations(SITE_A, query({ limit: 6 }))).hasMore).toBe(false);
      expect((await store().listConversations(SITE_A, query({ offset: 4, limit: 2 }))).hasMore).toBe(false);
      expect((await store().listConversations(SITE_A, query({ search: 'ali', limit: 2 }))).hasMore).toBe(true);
    });

    for (const field of CONVERSATION_SORT_FIELDS) {
      for (const order of ['asc', 'desc'] as const) {
        it(`pages by ${field} ${order} with cursors, one row a page: the whole order, across ties and missing values`, async () => {
          await seed();
          const sort = { field, order };
          const seen: string[] = [];
          let after: ConversationCursor | undefined;
          for (let n = 1; n <= 7; n++) {
            const page = await store().listConversations(SITE_A, query({ sort, limit: 1, ...(after ? { after: { ...after, seen: n - 1 } } : {}) }));
            expect(page.total).toBe(6);
            seen.push(...ids(page.items));
            if (!page.hasMore) break;
            after = positionOf(page.items[0]!, field);
          }
          expect(seen).toEqual(EXPECTED[field][order]);
        });
      }
    }

    it('pages after a cursor whose row is gone, and whose row moved, by where the cursor stands', async () => {
      await seed();
      const sort = { field: 'lastMessageAt', order: 'desc' } as const;
      const first = await store().listConversations(SITE_A, query({ sort, limit: 2 }));
      expect(ids(first.items)).toEqual(['c2', 'c6']);
      const after = { ...positionOf(first.items[1]!, 'lastMessageAt'), seen: 2 };
      await store().removeConversation(SITE_A, 'c6');
      await store().putConversation({ ...SITE_A_ROWS[0]!, lastMessageAt: day('03-05') });
      const next = await store().listConversations(SITE_A, query({ sort, after, limit: 10 }));
      expect(ids(next.items)).toEqual(['c5', 'c4', 'c3']);
      expect(next.hasMore).toBe(false);
    });

    it('pages a searched, filtered list with cursors', async () => {
      await seed();
      const sort = { field: 'displayName', order: 'asc' } as const;
      const first = await store().listConversations(SITE_A, query({ search: 'ali', sort, limit: 2 }));
      expect(ids(first.items)).toEqual(['c1', 'c4']);
      expect(first.hasMore).toBe(true);
      const after = { ...positionOf(first.items[1]!, 'displayName'), seen: 2 };
      const second = await store().listConversations(SITE_A, query({ search: 'ali', sort, limit: 2, after }));
      expect(ids(second.items)).toEqual(['c5']);
      expect(second).toMatchObject({ total: 3, hasMore: false });
      const contacts = await store().listConversations(SITE_A, query({ type: 'CONTACT', sort, limit: 1, after: { value: 'bob stone', conversationId: 'c2', seen: 1 } }));
      expect(ids(contacts.items)).toEqual(['c4']);
    });

    it('pages a filtered, searched list', async () => {
      await seed();
      const second = await store().listConversations(SITE_A, query({ search: 'ali', sort: { field: 'messageCount', order: 'desc' }, offset: 1, limit: 1 }));
      expect(ids(second.items)).toEqual(['c1']);
      expect(second.total).toBe(3);
    });
  });
}
