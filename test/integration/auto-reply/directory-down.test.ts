import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../registry/stack.js';
import { repliesOn, timeline } from './helpers.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack.close());

describe('when Contacts keeps failing', () => {
  it('still answers within seconds with what is known (the name Inbox shows), and names the person fully once Contacts is back', async () => {
    const site = stack.emulator.createSite({ businessName: 'Casa Azul' });
    const contact = stack.emulator.addContact(site.instanceId, { firstName: 'Kwame', email: 'kwame@example.gh' });
    stack.emulator.faults.add({ path: '/contacts/v4/contacts', status: 503, times: 10_000 });
    const sent = stack.emulator.contactSends(site.instanceId, { contactId: contact.contactId, text: 'Are you open today?' });

    const started = Date.now();
    while (repliesOn(stack, site.instanceId).length === 0 && Date.now() - started < 8000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(repliesOn(stack, site.instanceId)).toEqual(['Hi Kwame, thanks for reaching out to Casa Azul. We will reply as soon as we can.']);
    expect(Date.now() - started).toBeLessThan(6000);
    const before = await timeline(stack, site.instanceId, sent.conversationId);
    expect(before.conversation.displayName).toMatch(/^Contact #/);

    stack.emulator.faults.clear();
    await stack.settle(15_000);
    const after = await timeline(stack, site.instanceId, sent.conversationId);
    expect(after.conversation).toMatchObject({ displayName: 'Kwame', email: 'kwame@example.gh', messageCount: 1 });
    expect(repliesOn(stack, site.instanceId)).toHaveLength(1);
  });
});
