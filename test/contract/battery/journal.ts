import { describe, expect, it } from 'vitest';
import { type CurrentStore, journalEntry, SITE_A, SITE_B } from './fixtures.js';

const keyOf = (e: { instanceId: string; eventId: string }) => `${e.instanceId}/${e.eventId}`;

export function journalTests(store: CurrentStore): void {
  describe('event journal', () => {
    it('adds an event once; the same event ID again on the same site is a duplicate that changes nothing', async () => {
      const first = journalEntry({ eventId: 'evt-1', payload: '{"n":1}' });
      expect(await store().addEvent(first)).toBe('added');
      expect(await store().addEvent({ ...first, payload: '{"n":2}', stage: 'other' })).toBe('duplicate');
      expect(await store().getEvent(SITE_A, 'evt-1')).toStrictEqual(first);
    });

    it('does not count the same event ID on another site as a duplicate', async () => {
      const onA = journalEntry({ eventId: 'evt-1', payload: '{"site":"a"}' });
      const onB = journalEntry({ eventId: 'evt-1', instanceId: SITE_B, payload: '{"site":"b"}' });
      expect(await store().addEvent(onA)).toBe('added');
      expect(await store().addEvent(onB)).toBe('added');
      expect(await store().getEvent(SITE_A, 'evt-1')).toStrictEqual(onA);
      expect(await store().getEvent(SITE_B, 'evt-1')).toStrictEqual(onB);
    });

    it('keeps every field, optional ones included, and leaves absent ones absent', async () => {
      const bare = journalEntry({ eventId: 'evt-bare' });
      const full = journalEntry({ eventId: 'evt-full', attempts: 3, lastError: 'HTTP 429 — rate limited', doneAt: '2025-03-01T10:05:00.000Z' });
      await store().addEvent(bare);
      await store().addEvent(full);
      const readBare = await store().getEvent(SITE_A, 'evt-bare');
      expect(readBare).toStrictEqual(bare);
      expect(readBare).not.toHaveProperty('lastError');
      expect(readBare).not.toHaveProperty('doneAt');
      expect(await store().getEvent(SITE_A, 'evt-full')).toStrictEqual(full);
    });

    it('answers undefined for an unknown event and for another site\'s event', async () => {
      await store().addEvent(journalEntry({ eventId: 'evt-1' }));
      expect(await store().getEvent(SITE_A, 'nope')).toBeUndefined();
      expect(await store().getEvent(SITE_B, 'evt-1')).toBeUndefined();
    });

    it('updates an event in place, and can clear an optional field', async () => {
      await store().addEvent(journalEntry({ eventId: 'evt-1' }));
      const failed = journalEntry({ eventId: 'evt-1', stage: 'resolved', attempts: 1, lastError: 'timeout', nextAttemptAt: '2025-03-01T10:01:00.000Z' });
      await store().updateEvent(failed);
      expect(await store().getEvent(SITE_A, 'evt-1')).toStrictEqual(failed);
      const { lastError: _cleared, ...rest } = failed;
      const done = { ...rest, stage: 'replied', attempts: 2, doneAt: '2025-03-01T10:02:00.000Z' };
      await store().updateEvent(done);
      const read = await store().getEvent(SITE_A, 'evt-1');
      expect(read).toStrictEqual(done);
      expect(read).not.toHaveProperty('lastError');
    });

    it('updates only the event of the given site', async () => {
      const onB = journalEntry({ eventId: 'evt-1', instanceId: SITE_B });
      await store().addEvent(journalEntry({ eventId: 'evt-1' }));
      await store().addEvent(onB);
      await store().updateEvent(journalEntry({ eventId: 'evt-1', stage: 'replied', doneAt: '2025-03-01T11:00:00.000Z' }));
      expect(await store().getEvent(SITE_B, 'evt-1')).toStrictEqual(onB);
      expect((await store().getEvent(SITE_A, 'evt-1'))?.stage).toBe('replied');
    });

    describe('due events', () => {
      const now = '2025-03-01T12:00:00.000Z';

      it('lists only events not done whose next attempt is due (at or before now)', async () => {
        await store().addEvent(journalEntry({ eventId: 'due-past', nextAttemptAt: '2025-03-01T11:00:00.000Z' }));
        await store().addEvent(journalEntry({ eventId: 'due-exactly-now', nextAttemptAt: now }));
        await store().addEvent(journalEntry({ eventId: 'later', nextAttemptAt: '2025-03-01T12:00:00.001Z' }));
        await store().addEvent(journalEntry({ eventId: 'done', nextAttemptAt: '2025-03-01T11:00:00.000Z', doneAt: '2025-03-01T11:00:01.000Z' }));
        const due = await store().dueEvents(now, 10);
        expect(due.map((e) => e.eventId).sort()).toEqual(['due-exactly-now', 'due-past']);
      });

      it('gives the oldest received first, across sites, with the whole entry', async () => {
        const third = journalEntry({ eventId: 'c', receivedAt: '2025-03-01T09:00:00.000Z', nextAttemptAt: '2025-03-01T09:00:00.000Z' });
        const first = journalEntry({ eventId: 'a', instanceId: SITE_B, receivedAt: '2025-03-01T07:00:00.000Z', nextAttemptAt: '2025-03-01T11:30:00.000Z', attempts: 2, lastError: 'HTTP 503' });
        const second = journalEntry({ eventId: 'b', receivedAt: '2025-03-01T08:00:00.000Z', nextAttemptAt: '2025-03-01T08:00:00.000Z' });
        for (const e of [third, first, second]) await store().addEvent(e);
        expect(await store().dueEvents(now, 10)).toStrictEqual([first, second, third]);
      });

      it('returns at most `limit` events', async () => {
        for (let i = 0; i < 5; i++) {
          await store().addEvent(journalEntry({ eventId: `e${i}`, receivedAt: `2025-03-01T0${i}:00:00.000Z`, nextAttemptAt: `2025-03-01T0${i}:00:00.000Z` }));
        }
        expect((await store().dueEvents(now, 2)).map((e) => e.eventId)).toEqual(['e0', 'e1']);
        expect(await store().dueEvents(now, 10)).toHaveLength(5);
      });

      it('follows updates: a postponed event is not due, a finished one never again', async () => {
        await store().addEvent(journalEntry({ eventId: 'retry' }));
        await store().addEvent(journalEntry({ eventId: 'finish' }));
        await store().addEvent(journalEntry({ eventId: 'retry', instanceId: SITE_B }));
        await store().updateEvent(journalEntry({ eventId: 'retry', attempts: 1, nextAttemptAt: '2025-03-01T13:00:00.000Z' }));
        await store().updateEvent(journalEntry({ eventId: 'finish', doneAt: '2025-03-01T10:00:05.000Z' }));
        expect((await store().dueEvents(now, 10)).map(keyOf)).toEqual([`${SITE_B}/retry`]);
        expect((await store().dueEvents('2025-03-01T13:00:00.000Z', 10)).map(keyOf).sort()).toEqual(
          [`${SITE_A}/retry`, `${SITE_B}/retry`].sort(),
        );
      });

      it('answers an empty list when nothing is due', async () => {
        expect(await store().dueEvents(now, 10)).toEqual([]);
      });
    });
  });
}
