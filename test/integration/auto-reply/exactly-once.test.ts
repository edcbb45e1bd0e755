import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../registry/stack.js';
import { describeExactlyOnce } from '../../scenarios/exactly-once.js';
import { putSettings, repliesOn, selfHosted, timeline } from './helpers.js';

const RETRY = { attempts: 4, baseDelayMs: 20 };
describeExactlyOnce(selfHosted({ retry: RETRY }), { copies: 50, messagesAtOnce: 50 });

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ retry: RETRY });
});
afterAll(async () => stack.close());

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
