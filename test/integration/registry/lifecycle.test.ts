import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../emulator/index.js';
import { startStack, type Stack } from './stack.js';
import { playLifecycle } from '../fixtures/play-lifecycle.js';

describe('a visitor becomes a contact, then a member', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => stack.close());

  it('shows one conversation whose type, IDs, name and history follow the person', async () => {
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
    expect(new Set(row.mergedFrom)).toEqual(new Set([person.visitorConversation, person.contact.conversationId]));
    expect(row.typeHistory.map((change) => [change.type, change.conversationId])).toEqual([
      ['ANONYMOUS_VISITOR', person.visitorConversation],
      ['CONTACT', person.contact.conversationId],
      ['MEMBER', person.member.conversationId],
    ]);
    expect(row.firstMessageAt! <= row.lastMessageAt!).toBe(true);

    // The contact-page plugin finds the same conversation by the CRM contact, now that they are a member.
    const byContact = await stack.get(`/api/contact-conversations?contactId=${person.contact.contactId}`, { authorization: stack.tokenFor(site.instanceId) });
    expect(((await byContact.json()) as { items: { conversationId: string }[] }).items.map((i) => i.conversationId)).toEqual([person.member.conversationId]);
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
      expect(list.items[0].typeHistory.map((change) => change.type)).toEqual(['ANONYMOUS_VISITOR', 'CONTACT', 'MEMBER']);
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
});

describe('the same life with minutes between its steps, delivered twice and in reverse order', () => {
  it('keeps every step of the history at the time it happened', async () => {
    const start = Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60_000; // whole minutes, recent: webhooks stay unexpired
    const clock = createManualClock(start);
    const minute = (n: number) => new Date(start + n * 60_000).toISOString();
    const stack = await startStack({ emulatorClock: clock });
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
