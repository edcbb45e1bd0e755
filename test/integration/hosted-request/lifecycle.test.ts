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

    // Wix calls of the app itself; on hosting the runtime adds its token call and a trace post (see README).
    const count = (kind: string) => log.find((entry) => entry.kind.startsWith(kind))!.calls.length;
    expect(count('visitor writes')).toBeLessThanOrEqual(6);
    expect(count('visitor leaves details')).toBeLessThanOrEqual(4);
    expect(count('contact writes')).toBeLessThanOrEqual(3);
    expect(count('contact registers')).toBeLessThanOrEqual(4);
    expect(count('member writes')).toBeLessThanOrEqual(3);

    // Wix delivers every event again: on the isolate that finished it a redelivery costs no call; on another, one
    // read. Either way it changes nothing.
    const life = emulator.webhooks.events().filter((e) => e.instanceId === instanceId);
    for (const event of life) expect((await stack.deliver(event)).calls).toEqual([]);
    stack.newIsolate();
    for (const event of life) {
      const { calls, error } = await stack.deliver(event);
      expect(error).toBeUndefined();
      expect(dataCalls(calls)).toEqual(['GET /wix-data/v2/items/query']);
    }
    expect(emulator.sentByApp(instanceId)).toHaveLength(1);
    const again = await store.listConversations(instanceId, { sort: { field: 'lastMessageAt', order: 'desc' }, offset: 0, limit: 10 });
    expect(again.items).toEqual(page.items);

    // The two conversations merged away are retired: each conversation item, and only the type changes it made.
    const items = Object.values(emulator.state().sites.find((s) => s.site.instanceId === instanceId)!.collections).flat() as Record<string, any>[];
    const retired = items.filter((item) => item.kind === 'merged');
    // 2 conversations and the contact's conversation's CONTACT change; nothing for types they never became.
    expect(retired).toHaveLength(3);
    const live = items.filter((item) => item.kind === 'type-change').map((item) => [item.conversationId, item.participantType]);
    expect(live).toEqual([[page.items[0]!.conversationId, 'CONTACT'], [page.items[0]!.conversationId, 'MEMBER']]);
  });
});
