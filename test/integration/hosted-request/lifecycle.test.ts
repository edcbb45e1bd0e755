import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRequestStack } from './request-stack.js';

let stack: Awaited<ReturnType<typeof startRequestStack>>;
beforeAll(async () => {
  stack = await startRequestStack();
});
afterAll(() => stack.close());

const dataCalls = (calls: string[]) => calls.filter((c) => !c.endsWith('/oauth2/token'));

describe('the hosted request logic, one request per event, with a Store session', () => {
  it('follows a visitor → contact → member lifecycle and answers the person once', async () => {
    const { emulator } = stack;
    const { instanceId } = emulator.createSite({ businessName: 'Bakery' });
    const log: { kind: string; calls: string[] }[] = [];
    const deliverAll = async (kind: string) => {
      for (const event of stack.newEvents()) {
        const { calls, error } = await stack.deliver(event);
        expect(error).toBeUndefined();
        log.push({ kind: `${kind} (${event.eventType.split('.').pop()})`, calls: dataCalls(calls) });
      }
    };

    const { visitorId } = emulator.visitorSends(instanceId, { text: 'Hi, do you bake rye?' });
    await deliverAll('visitor writes');
    const { contactId } = emulator.identifyVisitor(instanceId, visitorId, { firstName: 'Ann', email: 'ann@example.com' });
    await deliverAll('visitor leaves details');
    emulator.contactSends(instanceId, { contactId, text: 'Here is my email' });
    await deliverAll('contact writes');
    const { memberId } = emulator.registerMember(instanceId, contactId, { nickname: 'annbakes' });
    await deliverAll('contact registers');
    emulator.memberSends(instanceId, { memberId, text: 'Now I am a member' });
    await deliverAll('member writes');

    const store = stack.storeOf(instanceId);
    const page = await store.listConversations(instanceId, { sort: { field: 'lastMessageAt', order: 'desc' }, offset: 0, limit: 10 });
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ participantType: 'MEMBER', messageCount: 3, displayName: 'annbakes' });
    expect(page.items[0]!.mergedFrom).toHaveLength(2);
    expect(emulator.sentByApp(instanceId)).toHaveLength(1);

    for (const entry of log) console.info(`${entry.kind}: ${entry.calls.length} calls — ${entry.calls.join(', ')}`);
  });
});
