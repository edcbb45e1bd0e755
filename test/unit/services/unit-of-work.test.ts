import { describe, expect, it } from 'vitest';
import type { ReplyClaim } from '../../../src/core/auto-reply/ledger.js';
import type { AutoReplySettings } from '../../../src/core/auto-reply/settings.js';
import type { ConversationRecord } from '../../../src/core/conversation.js';
import type { JournalEntry, Store, StoreWrites } from '../../../src/core/ports.js';
import { unitOfWork } from '../../../src/services/unit-of-work.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';

const SITE = 'site-1';
const entry: JournalEntry = { instanceId: SITE, eventId: 'e1', eventType: 'message', payload: '{}', receivedAt: '2026-01-01T00:00:00.000Z', stage: 'received', attempts: 0, nextAttemptAt: '2026-01-01T00:00:00.000Z' };
const record = (conversationId: string, messageCount = 1): ConversationRecord => ({
  instanceId: SITE, conversationId, participantType: 'ANONYMOUS_VISITOR', participant: { anonymousVisitorId: 'v1' }, displayName: 'Visitor #0001',
  messageCount, mergedFrom: [], typeHistory: [], lastMessageAt: '2026-01-01T00:00:00.000Z', firstMessageAt: '2026-01-01T00:00:00.000Z',
} as unknown as ConversationRecord);

/** The memory store with a writeBatch that applies a batch write by write, recording each batch. */
function batchingStore() {
  const base = createMemoryStore();
  const batches: StoreWrites[] = [];
  const store: Store = {
    ...base,
    async writeBatch(writes) {
      batches.push(writes);
      for (const a of writes.aliases) await base.setAlias(a.instanceId, a.oldConversationId, a.targetConversationId);
      for (const r of writes.removedConversations) await base.removeConversation(r.instanceId, r.conversationId);
      for (const c of writes.conversations) await base.putConversation(c);
      for (const p of writes.persons) await base.putPerson(p);
      for (const d of writes.decisions) await base.putDecision(d);
      for (const e of writes.events) await base.updateEvent(e);
    },
  };
  return { store, base, batches };
}

describe('a unit of work', () => {
  it('is not made for a store that cannot write a batch', () => {
    expect(unitOfWork(createMemoryStore())).toBeUndefined();
  });

  it('reads its own writes, writes each record once in its final state, and nothing until it commits', async () => {
    const { store, base, batches } = batchingStore();
    await base.addEvent(entry);
    await base.setAlias(SITE, 'old-1', 'target');
    const unit = unitOfWork(store)!;
    await unit.store.putConversation(record('target', 1));
    await unit.store.putConversation(record('target', 2));
    await unit.store.setAlias(SITE, 'old-2', 'target');
    await unit.store.setAlias(SITE, 'old-1', 'elsewhere');
    await unit.store.putPerson({ instanceId: SITE, ids: { contactId: 'c1' }, details: { firstName: 'Ana' }, resolvedAt: entry.receivedAt, stale: false });
    expect((await unit.store.getConversation(SITE, 'target'))?.messageCount).toBe(2);
    expect(await unit.store.getAlias(SITE, 'old-2')).toBe('target');
    expect(await unit.store.aliasesTo(SITE, 'target')).toEqual(['old-2']);
    expect((await unit.store.getPerson(SITE, { contactId: 'c1' }))?.details.firstName).toBe('Ana');
    expect(await base.getConversation(SITE, 'target')).toBeUndefined();

    unit.progress({ ...entry, stage: 'recorded' });
    await unit.commit();
    await unit.commit(); // nothing new: no second batch
    expect(batches).toHaveLength(1);
    expect(batches[0]!.conversations.map((c) => c.messageCount)).toEqual([2]);
    expect((await base.getEvent(SITE, 'e1'))?.stage).toBe('recorded');
    expect(await base.aliasesTo(SITE, 'target')).toEqual(['old-2']);
  });

  it('commits what it holds before a call leaves the process, and before a read it cannot answer itself', async () => {
    const { store, base, batches } = batchingStore();
    const unit = unitOfWork(store)!;
    await unit.store.putConversation(record('c1'));
    const seen: (ConversationRecord | undefined)[] = [];
    const inbox = unit.committingBefore({ async look() { seen.push(await base.getConversation(SITE, 'c1')); } });
    await inbox.look();
    expect(seen[0]?.conversationId).toBe('c1');
    await unit.store.putConversation(record('c2'));
    const page = await unit.store.listConversations(SITE, { sort: { field: 'lastMessageAt', order: 'desc' }, offset: 0, limit: 10 } as never);
    expect(page.items.map((c) => c.conversationId).sort()).toEqual(['c1', 'c2']);
    expect(batches).toHaveLength(2);
  });

  it('commits several events\' writes and progress together, and answers their progress before the commit', async () => {
    const { store, base, batches } = batchingStore();
    const second: JournalEntry = { ...entry, eventId: 'e2' };
    await base.addEvent(entry);
    await base.addEvent(second);
    const unit = unitOfWork(store)!;
    await unit.store.putConversation(record('c1', 1));
    unit.progress({ ...entry, stage: 'replied', doneAt: '2026-01-01T00:00:01.000Z' });
    await unit.store.putConversation(record('c1', 2));
    unit.progress({ ...second, stage: 'replied', doneAt: '2026-01-01T00:00:02.000Z' });
    expect((await unit.store.getEvent(SITE, 'e2'))?.doneAt).toBe('2026-01-01T00:00:02.000Z');
    expect((await base.getEvent(SITE, 'e2'))?.doneAt).toBeUndefined();
    await unit.commit();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.conversations.map((c) => c.messageCount)).toEqual([2]);
    expect(batches[0]!.events.map((e) => e.eventId)).toEqual(['e1', 'e2']);
    expect((await base.getEvent(SITE, 'e1'))?.doneAt).toBe('2026-01-01T00:00:01.000Z');
  });

  it('keeps the claims and settings it read until its next commit; a claim taken meanwhile still cannot be claimed twice', async () => {
    const { store, base } = batchingStore();
    const unit = unitOfWork(store)!;
    const claim = (eventId: string): ReplyClaim => ({ instanceId: SITE, personKey: 'conversation:c1', keys: ['conversation:c1', 'visitor:v1'], seq: 1,
      claimedAt: '2026-01-01T00:00:00.000Z', eventId, conversationId: 'c1', status: 'claimed' });
    const keys = ['visitor:v1', 'conversation:c1'];
    expect(await unit.store.replyClaims(SITE, keys, 20)).toEqual([]);
    expect(await unit.store.getSettings(SITE)).toBeUndefined();
    // Another delivery claims the person's slot, and the owner saves settings, behind the unit's back.
    expect(await base.claimReply(claim('other'))).toBe('claimed');
    await base.putSettings(SITE, { enabled: false } as AutoReplySettings);
    expect(await unit.store.replyClaims(SITE, keys, 20)).toEqual([]);
    expect(await unit.store.getSettings(SITE)).toBeUndefined();
    // A stale read computes the same slot: the durable insert refuses it, and what the unit reads next is afresh.
    expect(await unit.store.claimReply(claim('mine'))).toBe('taken');
    expect((await unit.store.replyClaims(SITE, keys, 20)).map((c) => c.eventId)).toEqual(['other']);
    expect(await unit.store.getSettings(SITE)).toEqual({ enabled: false });
  });
});
