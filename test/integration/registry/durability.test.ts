import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './stack.js';

let stack: Stack;
beforeEach(async () => {
  stack = await startStack();
});
afterEach(async () => stack.close());

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('when Contacts is down, and when the server restarts', () => {
  it('records the message at once with what is known, and names the person once a retry succeeds', async () => {
    const site = stack.emulator.createSite();
    const contact = stack.emulator.addContact(site.instanceId, { firstName: 'Kofi', lastName: 'Mensah', email: 'kofi@example.gh' });
    stack.emulator.faults.add({ path: '/contacts/v4/contacts', status: 503, times: 1000 });
    stack.emulator.contactSends(site.instanceId, { contactId: contact.contactId, text: 'Is the shop open on Sunday?' });
    await stack.settleDeliveries();

    const early = await stack.list(site.instanceId);
    expect(early.items).toHaveLength(1);
    expect(early.items[0]).toMatchObject({ participantType: 'CONTACT', contactId: contact.contactId, messageCount: 1 });
    expect(early.items[0]!.displayName).toMatch(/^Contact #/);

    stack.emulator.faults.clear();
    const later = await until(() => stack.list(site.instanceId), (list) => list.items[0]?.displayName === 'Kofi Mensah');
    expect(later.items[0]).toMatchObject({ displayName: 'Kofi Mensah', email: 'kofi@example.gh', messageCount: 1 });
  });

  it('finishes work it had answered for before a restart, and still knows every event it processed', async () => {
    const site = stack.emulator.createSite();
    const contact = stack.emulator.addContact(site.instanceId, { firstName: 'Aiko', email: 'aiko@example.jp' });
    stack.emulator.faults.add({ path: '/contacts/v4/contacts', status: 500, times: 1000 });
    const sent = stack.emulator.contactSends(site.instanceId, { contactId: contact.contactId, text: 'Hello?' });
    await stack.settleDeliveries();
    const pending = await stack.store.getEvent(site.instanceId, sent.eventId);
    expect(pending).toMatchObject({ stage: 'recorded', attempts: 1 });
    expect(pending!.doneAt).toBeUndefined();

    await stack.restart();
    stack.emulator.faults.clear();
    const after = await until(() => stack.list(site.instanceId), (list) => list.items[0]?.displayName === 'Aiko');
    expect(after.items[0]).toMatchObject({ displayName: 'Aiko', messageCount: 1 });

    // A redelivery of the same event after the restart is recognised as a duplicate: nothing is counted twice.
    const event = stack.emulator.webhooks.events().find((e) => e.eventId === sent.eventId)!;
    const response = await fetch(`${stack.serverUrl}/webhooks`, { method: 'POST', body: await stack.emulator.webhooks.sign(event) });
    expect(await response.json()).toEqual({ result: 'duplicate' });
    await stack.settle();
    expect((await stack.list(site.instanceId)).items[0]!.messageCount).toBe(1);
  });
});
