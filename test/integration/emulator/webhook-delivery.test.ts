import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator/index.js';
import { startQuietEmulator } from './support/emulator-fixture.js';
import { peek, startWebhookReceiver } from './support/webhook-receiver.js';

let emu: Emulator;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let instanceId: string;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  emu = await startQuietEmulator({ webhookUrl: receiver.url, delivery: { retryDelaysMs: [20, 20, 20] } });
  instanceId = emu.createSite().instanceId;
});
afterAll(async () => {
  await emu.close();
  await receiver.close();
});
beforeEach(() => {
  receiver.clear();
  receiver.respondWith(() => ({ status: 200 }));
});
afterEach(() => {
  emu.delivery.set({ duplicate: 1, reorder: false, deadlineMs: 1250 });
});

const texts = () => receiver.received.map((r) => (peek(r.body).body.message as { content: any }).content.basic.items[0].text);
const recordsFor = (eventId: string) => emu.webhooks.deliveries().filter((d) => d.eventId === eventId);

describe('webhook delivery', () => {
  it('delivers each event once by default, in order, and logs it', async () => {
    const first = emu.visitorSends(instanceId, { text: 'one' });
    emu.visitorSends(instanceId, { text: 'two' });
    await emu.webhooks.settled();
    expect(texts()).toEqual(['one', 'two']);
    expect(recordsFor(first.eventId)).toMatchObject([{ outcome: 'delivered', httpStatus: 200, attempt: 1, copy: 1 }]);
  });

  it('duplicates events on demand (same event ID)', async () => {
    emu.delivery.set({ duplicate: 2 });
    const sent = emu.visitorSends(instanceId, { text: 'twice' });
    await emu.webhooks.settled();
    expect(receiver.received.map((r) => peek(r.body).eventId)).toEqual([sent.eventId, sent.eventId]);
  });

  it('reorders events emitted close together on demand', async () => {
    emu.delivery.set({ reorder: true });
    emu.visitorSends(instanceId, { text: 'first' });
    emu.visitorSends(instanceId, { text: 'second' });
    emu.visitorSends(instanceId, { text: 'third' });
    await emu.webhooks.settled();
    expect(texts()).toEqual(['third', 'second', 'first']);
  });

  it('retries after a non-200 answer until the app takes it', async () => {
    receiver.respondWith((n) => ({ status: n <= 2 ? 500 : 200 }));
    const sent = emu.visitorSends(instanceId, { text: 'retry me' });
    await emu.webhooks.settled();
    expect(receiver.received).toHaveLength(3);
    expect(recordsFor(sent.eventId).map((d) => [d.attempt, d.outcome, d.httpStatus])).toEqual([
      [1, 'rejected', 500], [2, 'rejected', 500], [3, 'delivered', 200]]);
    expect(recordsFor(sent.eventId)[0]!.retryInMs).toBe(20);
  });

  it('treats an answer slower than the deadline as a failure and retries', async () => {
    emu.delivery.set({ deadlineMs: 100 });
    receiver.respondWith((n) => ({ status: 200, delayMs: n === 1 ? 300 : 0 }));
    const sent = emu.visitorSends(instanceId, { text: 'slow' });
    await emu.webhooks.settled();
    expect(recordsFor(sent.eventId).map((d) => d.outcome)).toEqual(['timeout', 'delivered']);
  });

  it('gives up after the last retry of the schedule', async () => {
    receiver.respondWith(() => ({ status: 503 }));
    const sent = emu.visitorSends(instanceId, { text: 'never' });
    await emu.webhooks.settled();
    expect(recordsFor(sent.eventId).map((d) => d.outcome)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    expect(recordsFor(sent.eventId).at(-1)!.retryInMs).toBeUndefined();
  });

  it('uses Wix’s resend schedule by default (12 retries, 1 minute first)', async () => {
    const other = await startQuietEmulator();
    expect(other.delivery.get()).toMatchObject({ deadlineMs: 1250, duplicate: 1, reorder: false });
    expect(other.delivery.get().retryDelaysMs).toHaveLength(12);
    expect(other.delivery.get().retryDelaysMs[0]).toBe(60_000);
    await other.close();
  });
});
