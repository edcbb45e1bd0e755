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

    it('answers a visitor who becomes a contact and then a member the same day once, and records every decision', async () => {
      const { emulator } = stack;
      const site = emulator.createSite({ businessName: 'Casa Azul' });
      const first = emulator.visitorSends(site.instanceId, { text: 'Hi, do you ship to Porto?' });
      await stack.settle();
      const contact = emulator.identifyVisitor(site.instanceId, first.visitorId, { firstName: 'Inês', email: 'ines@example.pt' });
      await stack.settle();
      emulator.contactSends(site.instanceId, { contactId: contact.contactId, text: 'My email is above', channel: 'EMAIL' });
      await stack.settle();
      const member = emulator.registerMember(site.instanceId, contact.contactId, { nickname: 'ines.c' });
      await stack.settle();
      emulator.memberSends(site.instanceId, { memberId: member.memberId, text: 'Just registered!' });
      await stack.settle();

      const sent = emulator.sentByApp(site.instanceId);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.message).toMatchObject({
        direction: 'BUSINESS_TO_PARTICIPANT', visibility: 'BUSINESS_AND_PARTICIPANT',
        badges: [{ text: 'Automated reply', badgeVisibility: 'BUSINESS' }], sender: { appId: emulator.app.appId },
      });
      expect(stack.repliesOn(site.instanceId)[0]).toBe('Thanks for your message! Leave your name and email so Casa Azul can get back to you.');
      const { conversation, decisions } = await stack.timeline(site.instanceId, member.conversationId);
      expect(conversation.autoReply).toMatchObject({ status: 'skipped' });
      expect(decisions.map((d) => [d.outcome, d.reason?.split(':')[0]])).toEqual([['skipped', 'cooldown'], ['skipped', 'cooldown'], ['replied', undefined]]);
      // The old ID still opens the same timeline.
      expect((await stack.timeline(site.instanceId, first.conversationId)).decisions).toHaveLength(3);
    });

    it('validates settings naming the field, saves them, and answers a dry run', async () => {
      const site = stack.emulator.createSite();
      const bad = await stack.api(site.instanceId, 'PUT', '/api/settings', { body: { cooldownHours: -2, texts: { CONTACT: 'Hi {frist}' } } });
      expect(bad.status).toBe(400);
      expect(bad.json.error.code).toBe('INVALID_SETTINGS');
      expect(bad.json.error.details.problems.map((p: { field: string }) => p.field)).toEqual(['cooldownHours', 'texts.CONTACT']);
      expect((await stack.api(site.instanceId, 'GET', '/api/settings')).json.cooldownHours).toBe(24);
      await stack.putSettings(site.instanceId, { keywordRules: [{ keywords: ['price'], text: 'Prices are on our site, {firstName}.' }] });
      expect((await stack.api(site.instanceId, 'GET', '/api/settings')).json.keywordRules).toHaveLength(1);
      const dry = await stack.api(site.instanceId, 'POST', '/api/settings/dry-run', { body: { participant: { type: 'CONTACT', firstName: 'Ada' }, text: 'What price?' } });
      expect(dry.json).toMatchObject({ outcome: 'reply', rule: 'keyword:1', text: 'Prices are on our site, Ada.' });
      const cooled = await stack.api(site.instanceId, 'POST', '/api/settings/dry-run', { body: { participant: { type: 'MEMBER' }, text: 'Hi', lastReplyAt: new Date().toISOString() } });
      expect(cooled.json).toMatchObject({ outcome: 'skip', reason: 'cooldown' });
      expect((await stack.api(site.instanceId, 'POST', '/api/settings/dry-run', { body: { text: 'Hi' } })).status).toBe(400);
      // Another site's settings are its own.
      expect((await stack.api(stack.emulator.createSite().instanceId, 'GET', '/api/settings')).json.keywordRules).toEqual([]);
    });

    it('counts conversations, type changes and auto-replies for the dashboard cards', async () => {
      const { emulator } = stack;
      const site = emulator.createSite();
      const v = emulator.visitorSends(site.instanceId, { text: 'Hi' });
      await stack.settle();
      emulator.identifyVisitor(site.instanceId, v.visitorId, { firstName: 'Lu' });
      emulator.visitorSends(site.instanceId, { text: 'Another visitor' });
      await stack.settle();
      const { json } = await stack.api(site.instanceId, 'GET', '/api/stats');
      expect(json).toMatchObject({ byType: { ANONYMOUS_VISITOR: 1, CONTACT: 1, MEMBER: 0 }, autoReplies: { replied: 2, skipped: 0, failed: 0 } });
      expect((await stack.api(site.instanceId, 'GET', '/api/stats?from=tomorrow')).status).toBe(400);
    });

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
