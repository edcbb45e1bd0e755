import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../registry/stack.js';
import { putSettings, repliesOn, timeline } from './helpers.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ retry: { attempts: 4, baseDelayMs: 20 } });
});
afterAll(async () => stack.close());

describe('exactly one reply under at-least-once delivery', () => {
  it('answers once when Wix delivers one event 50 times at once', async () => {
    const site = stack.emulator.createSite();
    stack.emulator.delivery.set({ duplicate: 50 });
    try {
      stack.emulator.visitorSends(site.instanceId, { text: 'Hello?' });
      await stack.settle();
    } finally {
      stack.emulator.delivery.set({ duplicate: 1 });
    }
    expect(stack.emulator.webhooks.deliveries().filter((d) => d.instanceId === site.instanceId)).toHaveLength(50);
    expect(repliesOn(stack, site.instanceId)).toHaveLength(1);
  });

  it('answers once when one person sends 50 different messages at once', async () => {
    const site = stack.emulator.createSite();
    const first = stack.emulator.visitorSends(site.instanceId, { text: 'Message 0' });
    for (let i = 1; i < 50; i++) stack.emulator.visitorSends(site.instanceId, { visitorId: first.visitorId, text: `Message ${i}` });
    await stack.settle();
    expect(repliesOn(stack, site.instanceId)).toHaveLength(1);
    const { decisions } = await timeline(stack, site.instanceId, first.conversationId);
    expect(decisions).toHaveLength(50);
    expect(decisions.filter((d) => d.outcome === 'replied')).toHaveLength(1);
  });

  it('loses no reply and duplicates none when Wix answers 429 (with Retry-After) and 5xx', async () => {
    const { emulator } = stack;
    const site = emulator.createSite();
    emulator.faults.add({ method: 'POST', path: '/inbox/v2/messages', status: 429, retryAfterSeconds: 1, times: 2 });
    emulator.faults.add({ method: 'POST', path: '/inbox/v2/conversations', status: 503, times: 3 });
    emulator.faults.add({ method: 'GET', path: '/inbox/v2/messages', status: 500, times: 2 });
    emulator.faults.add({ method: 'POST', path: '/inbox/v2/messages', status: 502, times: 1 });
    const people = Array.from({ length: 5 }, (_, i) => emulator.visitorSends(site.instanceId, { text: `Hi from ${i}` }));
    await stack.settle(); // a 5xx on Send Message is retried by the journal, which looks for the message first
    const sent = emulator.sentByApp(site.instanceId);
    expect(sent).toHaveLength(5);
    expect(new Set(sent.map((s) => s.conversationId))).toEqual(new Set(people.map((p) => p.conversationId)));
    expect(emulator.faults.list()).toEqual([]);
  });
});

describe('a reply that finally fails', () => {
  it('is recorded as failed with its reason, shown on the conversation, and does not hold the cooldown', async () => {
    let now = Date.parse('2025-03-03T12:00:00.000Z');
    const failing = await startStack({ clock: { now: () => new Date(now) }, retry: { attempts: 1 } });
    try {
      const { emulator } = failing;
      const site = emulator.createSite();
      emulator.faults.add({ method: 'POST', path: '/inbox/v2/messages', status: 503, times: 1000 });
      const v = emulator.visitorSends(site.instanceId, { text: 'Hello' });
      await failing.settleDeliveries();
      for (let i = 0; i < 12; i++) {
        now += 3_600_000;
        failing.app.worker.kick();
        await failing.app.worker.idle();
      }
      expect(repliesOn(failing, site.instanceId)).toEqual([]);
      const { conversation, decisions } = await timeline(failing, site.instanceId, v.conversationId);
      expect(decisions).toHaveLength(1);
      expect(decisions[0]).toMatchObject({ outcome: 'failed', reason: expect.stringMatching(/Send Message failed \(HTTP 503\)/) });
      expect(conversation.autoReply).toMatchObject({ status: 'failed' });

      emulator.faults.clear();
      emulator.visitorSends(site.instanceId, { visitorId: v.visitorId, text: 'Anyone?' });
      await failing.settleDeliveries();
      expect(repliesOn(failing, site.instanceId)).toHaveLength(1);
    } finally {
      await failing.close();
    }
  });
});

describe('business hours across a time-zone boundary', () => {
  it('is open on Tuesday morning in Sydney while it is still Monday night in UTC', async () => {
    const now = Date.parse('2025-03-03T22:30:00.000Z'); // Mon 22:30 UTC = Tue 09:30 AEDT
    const clocked = await startStack({ clock: { now: () => new Date(now) } });
    try {
      const { emulator } = clocked;
      const hours = (timeZone: string) => ({ businessHours: { enabled: true, timeZone, awayText: 'We are closed, {name|friend}.' } });
      const sydney = emulator.createSite({ businessName: 'Harbour Café' });
      const utc = emulator.createSite({ businessName: 'Harbour Café' });
      await putSettings(clocked, sydney.instanceId, hours('Australia/Sydney'));
      await putSettings(clocked, utc.instanceId, hours('UTC'));
      emulator.visitorSends(sydney.instanceId, { text: 'Open?' });
      emulator.visitorSends(utc.instanceId, { text: 'Open?' });
      await clocked.settle();
      expect(repliesOn(clocked, sydney.instanceId)).toEqual(['Thanks for your message! Leave your name and email so Harbour Café can get back to you.']);
      expect(repliesOn(clocked, utc.instanceId)).toEqual(['We are closed, friend.']);
    } finally {
      await clocked.close();
    }
  });
});
