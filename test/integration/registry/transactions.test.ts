import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger, startEmulator, type Emulator } from '../../../emulator/index.js';
import type { JournalEntry, Store, StoreWrites } from '../../../src/core/ports.js';
import { createWebhookReceiver } from '../../../src/server/webhook-receiver.js';
import { advanceEvent, journalEntryOf } from '../../../src/services/event-journal.js';
import { createEventWorker, MAX_BATCH, MAX_QUEUED } from '../../../src/services/event-worker.js';
import type { EventDeps } from '../../../src/services/event-steps.js';
import { openSqliteStore } from '../../../src/store/sqlite-store.js';
import { createWixDirectory } from '../../../src/wix/directory.js';
import { siteClients, siteInbox } from '../../../src/wix/site-clients.js';

/** Each of these is one SQLite transaction (a claim and a person are one transaction each, a batch is one). */
const WRITES = ['addEvent', 'updateEvent', 'putConversation', 'removeConversation', 'setAlias', 'putPerson', 'claimReply',
  'updateReplyClaim', 'putDecision', 'putSettings', 'writeBatch'] as const;

/** Reads a burst should make once a unit of work, not once a message. */
const READS = ['replyClaims', 'getSettings'] as const;

/** The SQLite store, counting its write transactions, what each batch held, and some of its reads. */
function countingStore(store: Store) {
  const counted = { transactions: 0, batches: [] as StoreWrites[], reads: { replyClaims: 0, getSettings: 0 } };
  const proxy = new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value === 'function' && (READS as readonly (string | symbol)[]).includes(name)) {
        return (...args: unknown[]) => (counted.reads[name as (typeof READS)[number]]++, value.apply(target, args));
      }
      if (typeof value !== 'function' || !(WRITES as readonly (string | symbol)[]).includes(name)) return value;
      return (...args: unknown[]) => {
        counted.transactions++;
        if (name === 'writeBatch') counted.batches.push(args[0] as StoreWrites);
        return value.apply(target, args);
      };
    },
  });
  return { store: proxy, counted };
}

describe('SQLite transactions per event (real SDK against the emulator)', () => {
  let emulator: Emulator;
  let deps: EventDeps;
  let counted: ReturnType<typeof countingStore>['counted'];
  let receive: (jwt: string) => Promise<unknown>;
  const journaled: JournalEntry[] = [];

  beforeAll(async () => {
    emulator = await startEmulator({ log: silentLogger });
    const { appId, appSecret, publicKeyPem } = emulator.app;
    const counting = countingStore(openSqliteStore({ file: ':memory:' }));
    counted = counting.counted;
    const clients = siteClients({ appId, appSecret, apiUrl: emulator.url });
    const clock = { now: () => new Date() };
    deps = { store: counting.store, directory: createWixDirectory(clients), inbox: siteInbox(clients, appId), clock };
    const receiver = createWebhookReceiver({
      appId, publicKey: publicKeyPem, clock,
      onEvent: async (event) => {
        const entry = journalEntryOf(event, clock);
        journaled.push(entry);
        return counting.store.addEvent(entry);
      },
    });
    receive = (jwt) => receiver.receive(jwt);
  });
  afterAll(async () => {
    await deps.store.close();
    await emulator.close();
  });

  /** Journals one message (as the webhook does) and processes it; answers the transactions that took, and the event. */
  async function oneMessage(send: () => string): Promise<{ transactions: number; batches: StoreWrites[]; entry: JournalEntry }> {
    const eventId = send();
    await emulator.webhooks.settled();
    const event = emulator.webhooks.events().find((e) => e.eventId === eventId)!;
    counted.transactions = 0;
    counted.batches = [];
    await receive(await emulator.webhooks.sign(event));
    const entry = await advanceEvent(deps, journaled.at(-1)!);
    return { transactions: counted.transactions, batches: counted.batches, entry };
  }

  it('answers a new contact in five transactions, and each later message of theirs in two', async () => {
    const { instanceId } = emulator.createSite();
    emulator.setWebhookUrl(undefined);
    const { contactId } = emulator.addContact(instanceId, { firstName: 'Ana', email: 'ana@example.com' });
    const first = await oneMessage(() => emulator.contactSends(instanceId, { contactId, text: 'hello' }).eventId);
    // The journal insert; before the lookup what is known (the message); before Get Or Create the person; the
    // reply claim; at the end the claim sent, the decision and the event done.
    expect(first.entry.doneAt).toBeDefined();
    expect(first.transactions).toBe(5);
    expect(emulator.sentByApp(instanceId)).toHaveLength(1);
    for (const text of ['second', 'third']) {
      const later = await oneMessage(() => emulator.contactSends(instanceId, { contactId, text }).eventId);
      // The journal insert, then one batch: the message counted, the cooldown skip recorded, the event done.
      expect(later.transactions).toBe(2);
      expect(later.batches[0]!.conversations).toHaveLength(1);
      expect(later.batches[0]!.decisions).toHaveLength(1);
      expect(later.batches[0]!.events.map((e) => e.doneAt !== undefined)).toEqual([true]);
    }
    expect(emulator.sentByApp(instanceId)).toHaveLength(1);
  });

  it('writes each record at most once per transaction', async () => {
    const { instanceId } = emulator.createSite();
    emulator.setWebhookUrl(undefined);
    const { contactId } = emulator.addContact(instanceId, { firstName: 'Bo', email: 'bo@example.com' });
    const { memberId } = emulator.registerMember(instanceId, contactId, { nickname: 'bo' });
    const { batches } = await oneMessage(() => emulator.memberSends(instanceId, { memberId, text: 'hi' }).eventId);
    for (const batch of batches) {
      const keys = batch.conversations.map((c) => c.conversationId);
      expect(new Set(keys).size).toBe(keys.length);
      expect(batch.events.length).toBeLessThanOrEqual(1);
    }
  });

  it('writes a site\'s burst of messages, run back to back by its lane, in one transaction', async () => {
    const { instanceId } = emulator.createSite();
    emulator.setWebhookUrl(undefined);
    const { contactId } = emulator.addContact(instanceId, { firstName: 'Cy', email: 'cy@example.com' });
    await oneMessage(() => emulator.contactSends(instanceId, { contactId, text: 'first' }).eventId);
    const eventIds = ['two', 'three', 'four', 'five'].map((text) => emulator.contactSends(instanceId, { contactId, text }).eventId);
    await emulator.webhooks.settled();
    for (const id of eventIds) await receive(await emulator.webhooks.sign(emulator.webhooks.events().find((e) => e.eventId === id)!));
    counted.transactions = 0;
    counted.batches = [];
    const worker = createEventWorker(deps);
    for (const entry of journaled.slice(-eventIds.length)) worker.offer(entry);
    await worker.idle();
    await worker.stop();
    // One batch: the conversation once, in its final state; four decisions; four events done.
    expect(counted.transactions).toBe(1);
    expect(counted.batches[0]!.conversations.map((c) => c.messageCount)).toEqual([5]);
    expect(counted.batches[0]!.decisions).toHaveLength(4);
    expect(counted.batches[0]!.events.map((e) => [e.eventId, e.doneAt !== undefined])).toEqual(eventIds.map((id) => [id, true]));
    for (const id of eventIds) expect((await deps.store.getEvent(instanceId, id))?.doneAt).toBeDefined();
    expect(emulator.sentByApp(instanceId)).toHaveLength(1);
  });

  it('commits a longer burst from several people in units of MAX_BATCH, each conversation written once in each, and reads each person\'s claims once in each', async () => {
    const { instanceId } = emulator.createSite();
    emulator.setWebhookUrl(undefined);
    const people = ['Di', 'Ed', 'Fa', 'Gu', 'Ha'].map((firstName) => emulator.addContact(instanceId, { firstName, email: `${firstName}@example.com` }).contactId);
    for (const contactId of people) await oneMessage(() => emulator.contactSends(instanceId, { contactId, text: 'first' }).eventId);
    // Round by round, as people write: 30 more messages each, 150 in all (more than a unit, fewer than the worker holds).
    const eventIds: string[] = [];
    for (let round = 0; round < 30; round++) for (const contactId of people) eventIds.push(emulator.contactSends(instanceId, { contactId, text: `m${round}` }).eventId);
    expect(eventIds.length).toBeGreaterThan(MAX_BATCH);
    expect(eventIds.length).toBeLessThan(MAX_QUEUED);
    await emulator.webhooks.settled();
    const byId = new Map(emulator.webhooks.events().map((e) => [e.eventId, e]));
    for (const id of eventIds) await receive(await emulator.webhooks.sign(byId.get(id)!));
    counted.transactions = 0;
    counted.batches = [];
    counted.reads = { replyClaims: 0, getSettings: 0 };
    const worker = createEventWorker(deps);
    for (const entry of journaled.slice(-eventIds.length)) worker.offer(entry);
    await worker.idle();
    await worker.stop();
    const units = Math.ceil(eventIds.length / MAX_BATCH);
    // The claims of each person and the site's settings, read once a unit and kept until its commit.
    expect(counted.reads.replyClaims).toBe(people.length * units);
    expect(counted.reads.getSettings).toBe(units);
    // Units of MAX_BATCH events, then the rest; in each, every conversation once, in its state at that commit.
    expect(counted.transactions).toBe(units);
    expect(counted.batches.map((b) => b.events.length)).toEqual(Array.from({ length: units }, (_, i) => Math.min(MAX_BATCH, eventIds.length - i * MAX_BATCH)));
    for (const batch of counted.batches) expect(batch.conversations).toHaveLength(people.length);
    expect(counted.batches.at(-1)!.conversations.map((c) => c.messageCount)).toEqual(people.map(() => 31));
    for (const id of eventIds) expect((await deps.store.getEvent(instanceId, id))?.doneAt).toBeDefined();
    expect(emulator.sentByApp(instanceId)).toHaveLength(people.length);
  });
});
