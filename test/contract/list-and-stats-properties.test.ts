import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../src/core/auto-reply/ledger.js';
import { SEARCH_TOTAL_CAP, type ConversationCursor, type ConversationQuery, type ConversationRecord, type TypeChange } from '../../src/core/conversation.js';
import { compareConversations, positionOf } from '../../src/core/conversation-order.js';
import { statsOf } from '../../src/core/conversation-stats.js';
import { PARTICIPANT_TYPES, type ParticipantType } from '../../src/core/participant.js';
import type { Store } from '../../src/core/ports.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { conversation, ids, SITE_A, SITE_B } from './battery/fixtures.js';

// Properties of the list's keyset paging and of the cards, for the stores fast enough to run them many times:
// SQLite against the memory store (the reference, core/conversation-order.ts and core/conversation-stats.ts).

const STORES: [string, () => Store][] = [['memory', createMemoryStore], ['SQLite', () => openSqliteStore({ file: ':memory:' })]];
const at = (hour: number) => new Date(Date.UTC(2025, 2, 1, hour)).toISOString();
/** Hours past 23 fall on the next day: the cards' part-days and whole days both get exercised. */
/** A few hours, so that sort values tie; undefined for a conversation with no message yet. */
const time = fc.option(fc.integer({ min: 0, max: 5 }).map(at), { nil: undefined });
const NAMES = ['Ana', 'ana', 'Bo', 'bo b', 'Zoë', 'Visitor #1A2B'];

const record = fc.record({
  id: fc.integer({ min: 0, max: 999 }),
  type: fc.constantFrom(...PARTICIPANT_TYPES),
  name: fc.constantFrom(...NAMES),
  email: fc.option(fc.constantFrom('ana@example.org', 'bo@shop.net', 'zoe@ali.pt'), { nil: undefined }),
  last: time,
  count: fc.integer({ min: 0, max: 3 }),
}).map(({ id, type, name, email, last, count }) => conversation({
  conversationId: `c-${String(id).padStart(3, '0')}`,
  participantType: type,
  displayName: name,
  ...(email ? { email } : {}),
  ...(last ? { lastMessageAt: last, firstMessageAt: at(0) } : {}),
  messageCount: count,
}));
const sort = fc.record({
  field: fc.constantFrom('lastMessageAt', 'firstMessageAt', 'displayName', 'messageCount' as const),
  order: fc.constantFrom('asc', 'desc' as const),
});
const filter = fc.record({
  type: fc.option(fc.constantFrom(...PARTICIPANT_TYPES), { nil: undefined }),
  search: fc.option(fc.constantFrom('ana', 'BO', 'ali', '#1a'), { nil: undefined }),
});

async function pageThrough(store: Store, query: Omit<ConversationQuery, 'offset'>, between: (page: number) => Promise<void>) {
  const seen: ConversationRecord[] = [];
  let after: ConversationCursor | undefined;
  for (let page = 0; page < 200; page++) {
    const answer = await store.listConversations(SITE_A, { ...query, offset: 0, ...(after ? { after: { ...after, seen: seen.length } } : {}) });
    seen.push(...answer.items);
    if (!answer.hasMore) return seen;
    after = positionOf(answer.items.at(-1)!, query.sort.field);
    await between(page);
  }
  throw new Error('paging did not end');
}

describe('keyset paging', () => {
  it('is stable while rows arrive and move: no row that stayed put repeats or is skipped, the order holds, and SQLite pages as the reference does', async () => {
    await fc.assert(fc.asyncProperty(
      fc.uniqueArray(record, { selector: (r) => r.conversationId, maxLength: 25 }),
      fc.array(record, { maxLength: 8 }),
      sort, filter, fc.integer({ min: 1, max: 4 }),
      async (rows, arrivals, order, { type, search }, limit) => {
        const stores = STORES.map(([, open]) => open());
        try {
          const pages: string[][] = [];
          for (const store of stores) {
            for (const row of rows) await store.putConversation(row);
            await store.putConversation({ ...rows[0] ?? conversation({ conversationId: 'b-1' }), instanceId: SITE_B });
            const arrived = new Set<string>();
            const seen = await pageThrough(store, { sort: order, limit, ...(type ? { type } : {}), ...(search ? { search } : {}) }, async (page) => {
              // Between pages: a row arrives (new, or an existing one moves to its new values).
              const next = arrivals[page];
              if (next) {
                arrived.add(next.conversationId);
                await store.putConversation(next);
              }
            });
            const seenIds = ids(seen);
            // A row that moved forward past the cursor between pages is met again at its new place (keyset paging
            // keeps no memory of what it served, nor does the reference); a row that stayed put is met once.
            const repeated = seenIds.filter((id, i) => seenIds.indexOf(id) !== i);
            expect(repeated.filter((id) => !arrived.has(id)), `a row that stayed put repeated: ${seenIds.join(' ')}`).toEqual([]);
            const stayed = rows.filter((r) => !arrived.has(r.conversationId) && matches(r, type, search));
            expect(seenIds).toEqual(expect.arrayContaining(ids(stayed)));
            expect([...seen].sort(compareConversations(order))).toEqual(seen);
            pages.push(seenIds);
          }
          expect(pages[1]).toEqual(pages[0]);
        } finally {
          for (const store of stores) await store.close();
        }
      },
    ), { numRuns: 60 });
  });
});

function matches(r: ConversationRecord, type: ParticipantType | undefined, search: string | undefined): boolean {
  if (type && r.participantType !== type) return false;
  return !search || [r.displayName, r.email].some((t) => t?.toLowerCase().includes(search.toLowerCase()));
}

describe.each(STORES)('a search past %s\'s count cap', (_name, open) => {
  it(`totals ${SEARCH_TOTAL_CAP} and says it stopped counting, yet pages to the last match by cursor and by offset`, async () => {
    const store = open();
    const matching = SEARCH_TOTAL_CAP + 37;
    for (let i = 0; i < matching + 20; i++) {
      await store.putConversation(conversation({
        conversationId: `c-${String(i).padStart(4, '0')}`, displayName: i < matching ? `Ana ${i}` : `Bo ${i}`, lastMessageAt: at(i % 7), firstMessageAt: at(0),
      }));
    }
    const sort = { field: 'lastMessageAt', order: 'desc' } as const;
    const first = await store.listConversations(SITE_A, { search: 'ana', sort, offset: 0, limit: 30 });
    expect(first).toMatchObject({ total: SEARCH_TOTAL_CAP, totalCapped: true, hasMore: true });
    const all = await pageThrough(store, { search: 'ana', sort, limit: 30 }, async () => {});
    expect(all).toHaveLength(matching);
    const byOffset = await store.listConversations(SITE_A, { search: 'ana', sort, offset: 120, limit: 30 });
    expect(ids(byOffset.items)).toEqual(ids(all.slice(120)));
    expect(byOffset.hasMore).toBe(false);
    const few = await store.listConversations(SITE_A, { search: 'bo ', sort, offset: 0, limit: 5 });
    expect(few).toMatchObject({ total: 20, hasMore: true });
    expect(few.totalCapped).toBeUndefined();
    await store.close();
  });
});

describe('the cards', () => {
  /** A conversation as the registry keeps one: first ≤ last (both or neither), a type history that only steps up. */
  const kept = fc.record({
    id: fc.integer({ min: 0, max: 30 }),
    start: fc.constantFrom(...PARTICIPANT_TYPES),
    steps: fc.array(fc.constantFrom(0, 5, 10, 23, 24, 30, 47), { minLength: 3, maxLength: 3 }).map((hours) => [...hours].sort((a, b) => a - b)),
    rises: fc.integer({ min: 0, max: 2 }),
    messages: fc.boolean(),
  }).map(({ id, start, steps, rises, messages }) => {
    const order = PARTICIPANT_TYPES.indexOf(start);
    const types = PARTICIPANT_TYPES.slice(order, order + 1 + rises);
    const typeHistory: TypeChange[] = types.map((type, i) => ({ type, at: at(steps[i]!), conversationId: `c-${id}` }));
    return conversation({
      conversationId: `c-${id}`,
      participantType: types.at(-1)!,
      typeHistory,
      ...(messages ? { firstMessageAt: at(steps[0]!), lastMessageAt: at(steps[2]! + 1) } : {}),
    });
  });
  const decision = fc.record({ id: fc.integer({ min: 0, max: 30 }), outcome: fc.constantFrom('replied', 'skipped', 'failed' as const), hour: fc.integer({ min: 0, max: 50 }) })
    .map(({ id, outcome, hour }): DecisionRecord => ({ instanceId: SITE_A, eventId: `e-${id}`, conversationId: `c-${id}`, outcome, decidedAt: at(hour) }));
  /** Periods on the hour and off it, within a day and across days. */
  const instant = fc.tuple(fc.integer({ min: 0, max: 50 }), fc.constantFrom(0, 30)).map(([hour, minutes]) => new Date(Date.parse(at(hour)) + minutes * 60_000).toISOString());
  const period = fc.tuple(instant, instant, fc.boolean()).filter(([a, b]) => a < b).map(([from, to, wide]) => ({
    from: wide ? new Date(Date.parse(from) - 2 * 86_400_000).toISOString() : from, to,
  }));

  it.each(STORES)('in %s equal the core\'s statsOf for any records, decisions and period', async (_name, open) => {
    await fc.assert(fc.asyncProperty(
      fc.array(kept, { maxLength: 20 }),
      fc.array(decision, { maxLength: 20 }),
      fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 3 }),
      period,
      async (writes, decided, removed, p) => {
        const store = open();
        try {
          // Rows are written more than once (a conversation moves on, a decision is replaced), and some removed.
          for (const r of writes) await store.putConversation(r);
          for (const d of decided) await store.putDecision(d);
          for (const id of removed) await store.removeConversation(SITE_A, `c-${id}`);
          await store.putConversation({ ...conversation({ conversationId: 'other' }), instanceId: SITE_B, firstMessageAt: at(1), lastMessageAt: at(2) });
          const records = [...new Map(writes.map((r) => [r.conversationId, r])).values()].filter((r) => !removed.some((id) => r.conversationId === `c-${id}`));
          const decisions = [...new Map(decided.map((d) => [d.eventId, d])).values()];
          expect(await store.conversationStats(SITE_A, p)).toStrictEqual(statsOf(records, decisions, p));
        } finally {
          await store.close();
        }
      },
    ), { numRuns: 80 });
  });
});
