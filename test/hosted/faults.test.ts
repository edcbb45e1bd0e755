import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHostedStack, type HostedStack } from './hosted-stack.js';

let stack: HostedStack;
beforeAll(async () => {
  stack = await startHostedStack();
});
afterAll(async () => stack.close());
beforeEach(() => stack.emulator.faults.clear());

describe('on Wix hosting, when Wix answers 429 and 5xx', () => {
  it('records a message while Contacts fails, and names the person once a resend finds Contacts back', async () => {
    const { emulator } = stack;
    const site = emulator.createSite({ businessName: 'Casa Azul' });
    const contact = emulator.addContact(site.instanceId, { firstName: 'Kwame', email: 'kwame@example.gh' });
    // The first message's reply spends the request's room: it goes out with the name Inbox shows, and no lookup.
    const sent = emulator.contactSends(site.instanceId, { contactId: contact.contactId, text: 'Are you open today?' });
    await stack.settle();
    expect(stack.repliesOn(site.instanceId)).toEqual([expect.stringMatching(/^Hi Kwame, /)]);
    // The next message asks Contacts, which fails twice: Wix's resends finish the lookup.
    emulator.faults.add({ path: '/contacts/v4/contacts', status: 503, times: 2 });
    const next = emulator.contactSends(site.instanceId, { contactId: contact.contactId, text: 'Or tomorrow?' });
    await stack.settle();
    expect(stack.requestsFor(next.eventId).map((r) => r.status)).toEqual([500, 500, 200]);
    const { conversation } = await stack.timeline(site.instanceId, sent.conversationId);
    expect(conversation).toMatchObject({ displayName: 'Kwame', email: 'kwame@example.gh', messageCount: 2 });
    expect(stack.repliesOn(site.instanceId)).toHaveLength(1);
  });

  it('keeps within Wix\'s 200 calls a minute per site: a burst of messages is answered once each, none lost', async () => {
    const { emulator } = stack;
    const site = emulator.createSite();
    const people = Array.from({ length: 12 }, (_, i) => emulator.visitorSends(site.instanceId, { text: `Burst ${i}` }));
    await stack.settle();
    expect(new Set(emulator.sentByApp(site.instanceId).map((s) => s.conversationId))).toEqual(new Set(people.map((p) => p.conversationId)));
    expect(emulator.sentByApp(site.instanceId)).toHaveLength(12);
    expect((await stack.list(site.instanceId)).total).toBe(12);
  });
});
