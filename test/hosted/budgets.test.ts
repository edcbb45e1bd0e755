import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONVERSATIONS_MERGED } from '../../emulator/index.js';
import type { HostedRequestRecord } from '../../emulator/hosting/index.js';
import { startHostedStack, type HostedStack } from './hosted-stack.js';

// Issue 8, point 3: Wix sub-requests per request on the built worker, the runtime's own calls included
// (its token, token-info and telemetry posts). Each budget is a test; a request past it names its calls.
const BUDGET = { reply: 8, noReply: 5, merge: 6, duplicate: 2, dashboard: 4, any: 15 };

let stack: HostedStack;
beforeAll(async () => {
  stack = await startHostedStack();
});
afterAll(async () => stack.close());

function describeCalls(records: HostedRequestRecord[]): string {
  return records.map((r) => `${r.kind} → ${r.status}: ${r.subrequests.length} sub-requests\n  ` +
    r.subrequests.map((s) => `${s.method} ${s.path.replace('www.wixapis.com', '')}${s.refused ? ' (refused)' : ''}`).join('\n  '))
    .join('\n');
}

function expectWithin(records: HostedRequestRecord[], budget: number): void {
  expect(records.length, 'no request was recorded').toBeGreaterThan(0);
  const most = Math.max(...records.map((r) => r.subrequests.length));
  expect(most, describeCalls(records)).toBeLessThanOrEqual(budget);
  for (const record of records) expect(record.status, describeCalls([record])).toBe(200);
}

describe('sub-requests per webhook on Wix hosting', () => {
  let site: { instanceId: string };
  let first: { eventId: string; visitorId: string; conversationId: string };
  beforeAll(async () => {
    site = stack.emulator.createSite({ businessName: 'Budget Bakery' });
    first = stack.emulator.visitorSends(site.instanceId, { text: 'Hi, are you open?' });
    await stack.settle();
  });

  it(`a message that gets an auto-reply: ≤ ${BUDGET.reply}`, () => {
    expect(stack.repliesOn(site.instanceId)).toHaveLength(1);
    expectWithin(stack.requestsFor(first.eventId), BUDGET.reply);
  });

  it(`a message with no reply due: ≤ ${BUDGET.noReply}`, async () => {
    const again = stack.emulator.visitorSends(site.instanceId, { visitorId: first.visitorId, text: 'Hello again' });
    await stack.settle();
    expect(stack.repliesOn(site.instanceId)).toHaveLength(1);
    expectWithin(stack.requestsFor(again.eventId), BUDGET.noReply);
  });

  it(`conversations merged: ≤ ${BUDGET.merge}`, async () => {
    stack.emulator.identifyVisitor(site.instanceId, first.visitorId, { firstName: 'Ada', email: 'ada@example.com' });
    await stack.settle();
    const merge = stack.emulator.webhooks.events().find((e) => e.instanceId === site.instanceId && e.eventType === CONVERSATIONS_MERGED)!;
    expectWithin(stack.requestsFor(merge.eventId), BUDGET.merge);
  });

  it(`a duplicate delivery: ≤ ${BUDGET.duplicate} (on the isolate that finished the event: no Wix call but the runtime's trace)`, async () => {
    const event = stack.emulator.webhooks.events().find((e) => e.eventId === first.eventId)!;
    const before = stack.requestsFor(first.eventId).length;
    expect((await stack.deliver(event)).status).toBe(200);
    await stack.hosted.settled();
    const redelivery = stack.requestsFor(first.eventId).slice(before);
    expectWithin(redelivery, BUDGET.duplicate);
    expect(redelivery[0]!.subrequests.filter((s) => s.path.includes('/wix-data/'))).toEqual([]);
    expect((await stack.list(site.instanceId)).items[0]).toMatchObject({ messageCount: 2 });
  });
});

describe('sub-requests for a contact the app has never seen, on Wix hosting', () => {
  it(`their first message gets its reply within ${BUDGET.reply}, named as Inbox shows them; their next names them fully within ${BUDGET.noReply}`, async () => {
    const site = stack.emulator.createSite({ businessName: 'Budget Books' });
    const contact = stack.emulator.addContact(site.instanceId, { firstName: 'Noor', lastName: 'Haddad', email: 'noor@example.com' });
    const first = stack.emulator.contactSends(site.instanceId, { contactId: contact.contactId, text: 'Do you ship abroad?' });
    await stack.settle();
    expect(stack.repliesOn(site.instanceId)).toEqual([expect.stringMatching(/^Hi Noor, /)]);
    expectWithin(stack.requestsFor(first.eventId), BUDGET.reply);
    // The reply spent the request's room (List Messages for the quiet rule): Inbox's name stands in for now.
    expect((await stack.list(site.instanceId)).items[0]).toMatchObject({ displayName: 'Noor Haddad', participantType: 'CONTACT' });
    expect((await stack.list(site.instanceId)).items[0].email).toBeUndefined();

    const next = stack.emulator.contactSends(site.instanceId, { contactId: contact.contactId, text: 'To Jordan, I mean' });
    await stack.settle();
    expect(stack.repliesOn(site.instanceId)).toHaveLength(1);
    expectWithin(stack.requestsFor(next.eventId), BUDGET.noReply);
    expect((await stack.list(site.instanceId)).items[0]).toMatchObject({ displayName: 'Noor Haddad', email: 'noor@example.com', messageCount: 2 });
  });
});

describe('sub-requests when the quiet rule decides, on Wix hosting', () => {
  it(`a message while someone from the business is writing gets no reply, within ${BUDGET.noReply}`, async () => {
    const site = stack.emulator.createSite({ businessName: 'Quiet Quilts' });
    await stack.putSettings(site.instanceId, { cooldownHours: 0 });
    const contact = stack.emulator.addContact(site.instanceId, { firstName: 'Ivo', email: 'ivo@example.com' });
    const { conversationId } = stack.emulator.contactSends(site.instanceId, { contactId: contact.contactId, text: 'Hi' });
    await stack.settle();
    expect(stack.repliesOn(site.instanceId)).toHaveLength(1);
    // Someone from the business answers from the Inbox; the person writes again within the quiet rule's 30 minutes.
    stack.emulator.businessReplies(site.instanceId, conversationId, 'Hello Ivo! How can we help?');
    const next = stack.emulator.contactSends(site.instanceId, { contactId: contact.contactId, text: 'About my order' });
    await stack.settle();
    expect(stack.repliesOn(site.instanceId)).toHaveLength(1);
    expectWithin(stack.requestsFor(next.eventId), BUDGET.noReply);
    const { decisions } = await stack.timeline(site.instanceId, conversationId);
    expect(decisions[0]).toMatchObject({ outcome: 'skipped', reason: expect.stringMatching(/^business-active/) });
  });
});

describe('sub-requests per dashboard route on Wix hosting', () => {
  let site: { instanceId: string };
  let person: { contactId: string; conversationId: string; mergedFrom: string };
  beforeAll(async () => {
    site = stack.emulator.createSite();
    const visit = stack.emulator.visitorSends(site.instanceId, { text: 'Hello' });
    const contact = stack.emulator.identifyVisitor(site.instanceId, visit.visitorId, { firstName: 'Bo' });
    await stack.settle();
    person = { contactId: contact.contactId, conversationId: contact.conversationId, mergedFrom: visit.conversationId };
    // The panel opens: its first call pays the site's token and the caller's token check once per isolate.
    expect((await stack.api(site.instanceId, 'GET', '/api/conversations')).status).toBe(200);
    expect((await stack.api(site.instanceId, 'POST', '/api/settings/dry-run', { body: { participant: { type: 'CONTACT' }, text: 'Hi' } })).status).toBe(200);
    await stack.hosted.settled();
  });

  const routes: [string, string, () => string, unknown?][] = [
    ['GET', '/api/conversations', () => '/api/conversations'],
    // The timeline of a person whose conversations were merged, asked as the panel asks it: with the row's mergedFrom.
    ['GET', '/api/conversations/:id', () => `/api/conversations/${person.conversationId}?merged=${person.mergedFrom}`],
    ['GET', '/api/contact-conversations', () => `/api/contact-conversations?contactId=${person.contactId}`],
    ['GET', '/api/stats', () => '/api/stats'],
    ['GET', '/api/funnel', () => '/api/funnel'],
    ['GET', '/api/settings', () => '/api/settings'],
    ['PUT', '/api/settings', () => '/api/settings', { cooldownHours: 12 }],
    ['POST', '/api/settings/dry-run', () => '/api/settings/dry-run', { participant: { type: 'CONTACT', firstName: 'Bo' }, text: 'Hi' }],
  ];
  it.each(routes.map(([method, route, path, body]) => [method, route, BUDGET.dashboard, path, body] as const))(
    '%s %s of an open panel: ≤ %i', async (method, route, limit, path, body) => {
    const before = stack.hosted.requests().length;
    const answer = await stack.api(site.instanceId, method, path(), body === undefined ? {} : { body });
    await stack.hosted.settled();
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    expectWithin(stack.hosted.requests().slice(before), limit);
  });
});

describe('paging the dashboard list on Wix hosting', () => {
  it(`the next page by cursor (a filter on the sort field, not a skip): ≤ ${BUDGET.dashboard}, with the total`, async () => {
    const site = stack.emulator.createSite();
    for (const text of ['one', 'two', 'three']) stack.emulator.visitorSends(site.instanceId, { text });
    await stack.settle();
    const first = await stack.api(site.instanceId, 'GET', '/api/conversations?limit=2');
    expect(first.json).toMatchObject({ total: 3, nextCursor: expect.any(String) });
    await stack.hosted.settled();
    const before = stack.hosted.requests().length;
    const next = await stack.api(site.instanceId, 'GET', `/api/conversations?limit=2&cursor=${(first.json as { nextCursor: string }).nextCursor}`);
    await stack.hosted.settled();
    type Page = { items: { lastMessagePreview: string }[]; nextCursor?: string };
    const texts = [...(first.json as Page).items, ...(next.json as Page).items].map((item) => item.lastMessagePreview);
    expect(next.json).toMatchObject({ total: 3 });
    expect(texts.sort()).toEqual(['one', 'three', 'two']);
    expect((next.json as Page).nextCursor).toBeUndefined();
    expectWithin(stack.hosted.requests().slice(before), BUDGET.dashboard);
  });
});

describe('every request this file made', () => {
  it(`stayed at or under ${BUDGET.any} sub-requests`, () => {
    // Runs last (vitest keeps file order): every request of the tests above.
    const records = stack.hosted.requests();
    const over = records.filter((r) => r.subrequests.length > BUDGET.any);
    expect(over.map((r) => `${r.kind}: ${r.subrequests.length}`)).toEqual([]);
  });
});
