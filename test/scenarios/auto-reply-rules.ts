import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostUnderTest, SiteOwnerView } from './site-owner-view.js';

/** Auto-replies by the rules a site owner sets, on one host (run by each host's test file). */
export function describeAutoReplyRules(host: HostUnderTest): void {
  describe(`${host.name}: auto-replies by the rules a site owner sets`, () => {
    let stack: SiteOwnerView;
    beforeAll(async () => {
      stack = await host.start();
    });
    afterAll(async () => stack.close());

    it('greets a contact by first name and a member by nickname, in their current conversation', async () => {
      const { emulator } = stack;
      const site = emulator.createSite({ businessName: 'Bakery' });
      const kofi = emulator.addContact(site.instanceId, { firstName: 'Kofi', lastName: 'Mensah', email: 'kofi@example.gh' });
      const ama = emulator.addContact(site.instanceId, { firstName: 'Ama', email: 'ama@example.gh' });
      const member = emulator.registerMember(site.instanceId, ama.contactId, { nickname: 'ama_bakes' });
      const nameless = emulator.addContact(site.instanceId, { firstName: '', email: 'x@example.gh' });
      emulator.contactSends(site.instanceId, { contactId: kofi.contactId, text: 'Hello' });
      emulator.memberSends(site.instanceId, { memberId: member.memberId, text: 'Hello' });
      emulator.contactSends(site.instanceId, { contactId: nameless.contactId, text: 'Hello' });
      await stack.settle();
      expect(stack.repliesOn(site.instanceId).sort()).toEqual([
        'Hi Kofi, thanks for reaching out to Bakery. We will reply as soon as we can.',
        'Hi ama_bakes, thanks for your message. Bakery will reply as soon as we can.',
        'Hi there, thanks for reaching out to Bakery. We will reply as soon as we can.',
      ].sort());
      const sent = emulator.sentByApp(site.instanceId);
      expect(sent.find((s) => JSON.stringify(s.message.content).includes('ama_bakes'))?.conversationId).toBe(member.conversationId);
      for (const { message } of sent) {
        expect(message).toMatchObject({ direction: 'BUSINESS_TO_PARTICIPANT', visibility: 'BUSINESS_AND_PARTICIPANT',
          badges: [{ text: 'Automated reply', badgeVisibility: 'BUSINESS' }], sender: { appId: emulator.app.appId } });
      }
    });

    it('stays silent when off, on a channel turned off, and while the business is in the conversation', async () => {
      const { emulator } = stack;
      const off = emulator.createSite();
      await stack.putSettings(off.instanceId, { enabled: false });
      const offMessage = emulator.visitorSends(off.instanceId, { text: 'Hi' });
      const email = emulator.createSite();
      await stack.putSettings(email.instanceId, { channels: { EMAIL: false } });
      const ct = emulator.addContact(email.instanceId, { firstName: 'Eve' });
      const emailMessage = emulator.contactSends(email.instanceId, { contactId: ct.contactId, text: 'Hi', channel: 'EMAIL' });
      const busy = emulator.createSite();
      const firstBusy = emulator.visitorSends(busy.instanceId, { text: 'Hi' });
      await stack.settle();
      emulator.businessReplies(busy.instanceId, firstBusy.conversationId, 'Hello, this is Sam from the shop');
      await stack.putSettings(busy.instanceId, { cooldownHours: 0 });
      emulator.visitorSends(busy.instanceId, { visitorId: firstBusy.visitorId, text: 'Great, thanks Sam' });
      await stack.settle();

      expect(stack.repliesOn(off.instanceId)).toEqual([]);
      expect((await stack.timeline(off.instanceId, offMessage.conversationId)).decisions[0]).toMatchObject({ outcome: 'skipped', reason: 'disabled' });
      expect(stack.repliesOn(email.instanceId)).toEqual([]);
      expect((await stack.timeline(email.instanceId, emailMessage.conversationId)).decisions[0]).toMatchObject({ outcome: 'skipped', reason: 'channel-off: EMAIL' });
      expect(stack.repliesOn(busy.instanceId)).toHaveLength(1);
      expect((await stack.timeline(busy.instanceId, firstBusy.conversationId)).decisions[0]!.reason).toMatch(/^business-active/);
    });

    it('answers keywords in order, and only the first message in first-message-only mode', async () => {
      const { emulator } = stack;
      const site = emulator.createSite();
      await stack.putSettings(site.instanceId, {
        cooldownHours: 0, quietWhileBusinessMinutes: 0,
        keywordRules: [{ keywords: ['refund'], text: 'Refunds take 5 days.' }, { keywords: ['refund', 'hours'], text: 'We open at 9.' }],
      });
      const v = emulator.visitorSends(site.instanceId, { text: 'Refund please' });
      await stack.settle();
      emulator.visitorSends(site.instanceId, { visitorId: v.visitorId, text: 'and your hours?' });
      await stack.settle();
      expect(stack.repliesOn(site.instanceId)).toEqual(['Refunds take 5 days.', 'We open at 9.']);

      const once = emulator.createSite();
      await stack.putSettings(once.instanceId, { cooldownHours: 0, firstMessageOnly: true });
      const w = emulator.visitorSends(once.instanceId, { text: 'One' });
      await stack.settle();
      emulator.visitorSends(once.instanceId, { visitorId: w.visitorId, text: 'Two' });
      await stack.settle();
      expect(stack.repliesOn(once.instanceId)).toHaveLength(1);
      expect((await stack.timeline(once.instanceId, w.conversationId)).decisions[0]).toMatchObject({ reason: 'not-first-message' });
    });
  });
}
