import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../emulator/index.js';
import { playLifecycle } from '../integration/fixtures/play-lifecycle.js';
import type { HostUnderTest, SiteOwnerView } from './site-owner-view.js';

/** A visitor → contact → member life, as the site owner sees it, on one host (run by each host's test file). */
export function describeLifecycle(host: HostUnderTest): void {
  describe(`${host.name}: a visitor becomes a contact, then a member`, () => {
    let stack: SiteOwnerView;
    beforeAll(async () => {
      stack = await host.start();
    });
    afterAll(async () => stack.close());

    it('shows one conversation whose type, IDs, name and history follow the person, answered once', async () => {
      const site = stack.emulator.createSite({ businessName: 'Casa Azul' });
      const person = playLifecycle(stack.emulator, site.instanceId);
      await stack.settle();

      const list = await stack.list(site.instanceId);
      expect(list.total).toBe(1);
      const [row] = list.items;
      expect(row).toMatchObject({
        conversationId: person.member.conversationId,
        participantType: 'MEMBER',
        anonymousVisitorId: person.visitorId,
        contactId: person.contact.contactId,
        memberId: person.member.memberId,
        displayName: 'ines.c',
        email: 'ines@example.pt',
        messageCount: 4,
        lastMessagePreview: 'Just registered!',
      });
      expect(new Set(row!.mergedFrom)).toEqual(new Set([person.visitorConversation, person.contact.conversationId]));
      expect(row!.typeHistory.map((change) => [change.type, change.conversationId])).toEqual([
        ['ANONYMOUS_VISITOR', person.visitorConversation],
        ['CONTACT', person.contact.conversationId],
        ['MEMBER', person.member.conversationId],
      ]);
      expect(row!.firstMessageAt! <= row!.lastMessageAt!).toBe(true);
      // One auto-reply for the person, whatever their ID became; every message has its decision.
      expect(stack.repliesOn(site.instanceId)).toEqual(['Thanks for your message! Leave your name and email so Casa Azul can get back to you.']);
      const { decisions } = await stack.timeline(site.instanceId, person.visitorConversation);
      expect(decisions.map((d) => d.outcome).sort()).toEqual(['replied', 'skipped', 'skipped', 'skipped']);

      // The contact-page plugin finds the same conversation by the CRM contact, now that they are a member.
      const byContact = await stack.api(site.instanceId, 'GET', `/api/contact-conversations?contactId=${person.contact.contactId}`);
      expect(byContact.status).toBe(200);
      expect(byContact.json.items.map((i: { conversationId: string }) => i.conversationId)).toEqual([person.member.conversationId]);
    });

    it('gives the same record when Wix delivers every event twice and in reverse order', async () => {
      stack.emulator.delivery.set({ duplicate: 2, reorder: true, batchWindowMs: 50 });
      try {
        const site = stack.emulator.createSite({ businessName: 'Out of order' });
        const person = playLifecycle(stack.emulator, site.instanceId);
        await stack.settle();
        const list = await stack.list(site.instanceId);
        expect(list.total).toBe(1);
        expect(list.items[0]).toMatchObject({
          conversationId: person.member.conversationId,
          participantType: 'MEMBER',
          memberId: person.member.memberId,
          displayName: 'ines.c',
          messageCount: 4,
        });
        expect(list.items[0]!.typeHistory.map((change) => change.type)).toEqual(['ANONYMOUS_VISITOR', 'CONTACT', 'MEMBER']);
        expect(stack.emulator.sentByApp(site.instanceId)).toHaveLength(1);
        const deliveries = stack.emulator.webhooks.deliveries().filter((d) => d.instanceId === site.instanceId);
        expect(deliveries.length).toBeGreaterThanOrEqual(12);
      } finally {
        stack.emulator.delivery.set({ duplicate: 1, reorder: false });
      }
    });

    it('lands a message that arrives after its conversation was merged on the target', async () => {
      const site = stack.emulator.createSite();
      const first = stack.emulator.visitorSends(site.instanceId, { text: 'First' });
      await stack.settle();
      const contact = stack.emulator.identifyVisitor(site.instanceId, first.visitorId, { firstName: 'Ola', email: 'ola@example.no' });
      await stack.settle();
      // A late redelivery of an old event for the old conversation, as a fresh event ID.
      stack.emulator.visitorSends(site.instanceId, { visitorId: first.visitorId, text: 'Late from the old tab' });
      await stack.settle();
      const list = await stack.list(site.instanceId);
      expect(list.items.map((item) => item.conversationId)).toContain(contact.conversationId);
      expect(list.items.find((item) => item.conversationId === first.conversationId)).toBeUndefined();
    });

    it('never shows one site the conversations of another', async () => {
      const a = stack.emulator.createSite({ businessName: 'A' });
      const b = stack.emulator.createSite({ businessName: 'B' });
      stack.emulator.visitorSends(a.instanceId, { text: 'to A' });
      stack.emulator.visitorSends(a.instanceId, { text: 'to A again, new visitor' });
      stack.emulator.visitorSends(b.instanceId, { text: 'to B' });
      await stack.settle();
      const listA = await stack.list(a.instanceId);
      const listB = await stack.list(b.instanceId);
      expect(listA.total).toBe(2);
      expect(listB.total).toBe(1);
      expect(listB.items[0]!.lastMessagePreview).toBe('to B');
      const idsA = new Set(listA.items.map((item) => item.conversationId));
      expect(listB.items.some((item) => idsA.has(item.conversationId))).toBe(false);
    });
  });

  describe(`${host.name}: the same life with minutes between its steps, delivered twice and in reverse order`, () => {
    it('keeps every step of the history at the time it happened', async () => {
      const start = Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60_000; // whole minutes, recent: webhooks stay unexpired
      const clock = createManualClock(start);
      const minute = (n: number) => new Date(start + n * 60_000).toISOString();
      const stack = await host.start({ emulatorClock: clock });
      try {
        stack.emulator.delivery.set({ duplicate: 2, reorder: true, batchWindowMs: 50 });
        const site = stack.emulator.createSite();
        const person = playLifecycle(stack.emulator, site.instanceId, (minutes) => clock.advance(minutes * 60_000));
        await stack.settle();
        const [row] = (await stack.list(site.instanceId)).items;
        expect(row!.typeHistory).toEqual([
          { type: 'ANONYMOUS_VISITOR', at: minute(0), conversationId: person.visitorConversation },
          { type: 'CONTACT', at: minute(2), conversationId: person.contact.conversationId },
          { type: 'MEMBER', at: minute(4), conversationId: person.member.conversationId },
        ]);
        expect(row).toMatchObject({ participantType: 'MEMBER', displayName: 'ines.c', messageCount: 4, firstMessageAt: minute(0), lastMessageAt: minute(5) });
      } finally {
        await stack.close();
      }
    });
  });
}
