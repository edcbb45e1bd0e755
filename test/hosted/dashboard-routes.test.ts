import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostedStack, type HostedStack } from './hosted-stack.js';

let stack: HostedStack;
let instanceId: string;
let person: { visitorConversation: string; contactId: string; conversationId: string };
beforeAll(async () => {
  stack = await startHostedStack();
  const site = stack.emulator.createSite({ businessName: 'Casa Azul' });
  instanceId = site.instanceId;
  const first = stack.emulator.visitorSends(instanceId, { text: 'Hi, do you ship to Porto?' });
  await stack.settle();
  const contact = stack.emulator.identifyVisitor(instanceId, first.visitorId, { firstName: 'Inês', email: 'ines@example.pt' });
  stack.emulator.visitorSends(instanceId, { text: 'Just browsing' });
  await stack.settle();
  person = { visitorConversation: first.conversationId, contactId: contact.contactId, conversationId: contact.conversationId };
});
afterAll(async () => stack.close());

describe('the dashboard\'s backend API on Wix hosting, called with a dashboard user\'s token', () => {
  it('answers HEAD as GET, and a method or path it does not have with a JSON 404', async () => {
    const head = await stack.api(instanceId, 'HEAD', '/api/stats');
    expect(head.status).toBe(200);
    for (const [method, path] of [['DELETE', '/api/settings'], ['POST', '/api/stats'], ['GET', '/api/nothing-here'], ['GET', '/api/conversations/a/b']]) {
      const answer = await stack.api(instanceId, method!, path!);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.json.error, `${method} ${path}`).toMatchObject({ code: 'NOT_FOUND', message: `No route for ${method} ${path}` });
    }
  });

  it('GET /api/conversations lists the caller\'s site, filtered and sorted', async () => {
    const all = await stack.list(instanceId);
    expect(all.total).toBe(2);
    const contacts = await stack.list(instanceId, { type: 'CONTACT' });
    expect(contacts.items).toEqual([expect.objectContaining({ conversationId: person.conversationId, displayName: 'Inês', email: 'ines@example.pt' })]);
    const bad = await stack.api(instanceId, 'GET', '/api/conversations?type=ROBOT');
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^type must be one of/) });
  });

  it('GET /api/conversations/:id gives the timeline, and an old ID follows its merge', async () => {
    const { conversation, decisions } = await stack.timeline(instanceId, person.visitorConversation);
    expect(conversation).toMatchObject({ conversationId: person.conversationId, participantType: 'CONTACT', mergedFrom: [person.visitorConversation] });
    expect(decisions.map((d) => d.outcome)).toEqual(['replied']);
    // Asked as the panel asks (with the row's mergedFrom), the same timeline comes from one Wix Data query.
    const before = stack.hosted.requests().length;
    const hinted = await stack.api(instanceId, 'GET', `/api/conversations/${person.conversationId}?merged=${person.visitorConversation}`);
    await stack.hosted.settled();
    expect(hinted.json).toEqual({ conversation, decisions });
    const [request] = stack.hosted.requests().slice(before);
    expect(request!.subrequests.filter((s) => s.path.includes('/wix-data/'))).toHaveLength(1);
    const badHint = await stack.api(instanceId, 'GET', `/api/conversations/${person.conversationId}?merged=a/b`);
    expect([badHint.status, badHint.json.error.code]).toEqual([400, 'BAD_REQUEST']);
    const missing = await stack.api(instanceId, 'GET', '/api/conversations/00000000-0000-0000-0000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBeTruthy();
  });

  it('GET /api/contact-conversations?contactId= serves the contact-page plugin', async () => {
    const { status, json } = await stack.api(instanceId, 'GET', `/api/contact-conversations?contactId=${person.contactId}`);
    expect(status).toBe(200);
    expect(json.items.map((i: { conversationId: string }) => i.conversationId)).toEqual([person.conversationId]);
    expect((await stack.api(instanceId, 'GET', '/api/contact-conversations')).status).toBe(400);
  });

  it('GET /api/stats counts types, type changes and auto-replies', async () => {
    const { status, json } = await stack.api(instanceId, 'GET', '/api/stats');
    expect(status).toBe(200);
    expect(json).toMatchObject({ byType: { ANONYMOUS_VISITOR: 1, CONTACT: 1, MEMBER: 0 }, becameContact: 1, autoReplies: { replied: 2, failed: 0 } });
    expect((await stack.api(instanceId, 'GET', '/api/stats?from=tomorrow')).status).toBe(400);

    // Where Wix offers no aggregation (404), the same cards come from counts, within the 15 any request may make.
    stack.emulator.faults.add({ path: '/wix-data/v2/items/aggregate', status: 404 });
    const before = stack.hosted.requests().length;
    const period = `from=${encodeURIComponent(json.from)}&to=${encodeURIComponent(json.to)}`;
    const counted = await stack.api(instanceId, 'GET', `/api/stats?${period}`);
    await stack.hosted.settled();
    expect(counted.json).toEqual(json);
    const [request] = stack.hosted.requests().slice(before);
    expect(request!.subrequests.filter((s) => s.path.endsWith('/items/count'))).toHaveLength(8);
    expect(request!.subrequests.length).toBeLessThanOrEqual(15);
  });

  it('GET and PUT /api/settings save the rules for this site only, and refuse bad input naming each field', async () => {
    const before = await stack.api(instanceId, 'GET', '/api/settings');
    expect(before.status).toBe(200);
    expect(before.json).toMatchObject({ enabled: true, cooldownHours: 24 });
    const bad = await stack.api(instanceId, 'PUT', '/api/settings', { body: { cooldownHours: -2, texts: { CONTACT: 'Hi {frist}' } } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.problems.map((p: { field: string }) => p.field)).toEqual(['cooldownHours', 'texts.CONTACT']);
    await stack.putSettings(instanceId, { keywordRules: [{ keywords: ['price'], text: 'Prices are on our site, {firstName}.' }] });
    expect((await stack.api(instanceId, 'GET', '/api/settings')).json.keywordRules).toHaveLength(1);
    const other = stack.emulator.createSite();
    expect((await stack.api(other.instanceId, 'GET', '/api/settings')).json.keywordRules).toEqual([]);
    // A body sent in chunks (640 kB) declares no length: it is refused once it has passed the limit, as self-hosted.
    const chunk = new TextEncoder().encode(`"${'x'.repeat(64 * 1024)}"`);
    const chunked = await fetch(`${stack.hosted.url}/api/settings`, { method: 'PUT', duplex: 'half',
      body: new ReadableStream({ start(controller) { for (let i = 0; i < 10; i++) controller.enqueue(chunk); controller.close(); } }),
      headers: { authorization: stack.userToken(instanceId), 'content-type': 'application/json' } } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await chunked.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    const notJson = await fetch(`${stack.hosted.url}/api/settings`, { method: 'PUT', body: '{oops', headers: { authorization: stack.userToken(instanceId), 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
  });

  it('POST /api/settings/dry-run answers what the app would send, for a draft, saving nothing', async () => {
    const sample = { participant: { type: 'CONTACT', firstName: 'Ada' }, text: 'What price?' };
    const saved = await stack.api(instanceId, 'POST', '/api/settings/dry-run', { body: sample });
    expect(saved.json).toMatchObject({ outcome: 'reply', rule: 'keyword:1', text: 'Prices are on our site, Ada.' });
    const draft = await stack.api(instanceId, 'POST', '/api/settings/dry-run', { body: { ...sample, settings: { keywordRules: [] } } });
    expect(draft.json).toMatchObject({ outcome: 'reply', rule: 'default:CONTACT' });
    expect((await stack.api(instanceId, 'GET', '/api/settings')).json.keywordRules).toHaveLength(1);
    expect((await stack.api(instanceId, 'POST', '/api/settings/dry-run', { body: { text: 'Hi' } })).status).toBe(400);
  });
});

describe('callers that are not the site\'s dashboard', () => {
  it.each([
    ['a site visitor\'s token', () => stack.emulator.issueToken(instanceId, { subjectType: 'VISITOR' })],
    ['a site member\'s token', () => stack.emulator.issueToken(instanceId, { subjectType: 'MEMBER' })],
    ['no token at all', () => null],
  ])('are refused with 401 and the one error shape: %s', async (_, token) => {
    for (const path of ['/api/conversations', '/api/stats', '/api/settings', `/api/conversations/${person.conversationId}`]) {
      const { status, json } = await stack.api(instanceId, 'GET', path, { token: token() });
      expect(status, path).toBe(401);
      expect(json.error).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining('dashboard') });
    }
    const put = await stack.api(instanceId, 'PUT', '/api/settings', { token: token(), body: { enabled: false } });
    expect(put.status).toBe(401);
    expect((await stack.api(instanceId, 'GET', '/api/settings')).json.enabled).toBe(true);
  });

  it('sees only its own site with another site\'s dashboard token', async () => {
    const other = stack.emulator.createSite();
    const list = await stack.api(instanceId, 'GET', '/api/conversations', { token: stack.userToken(other.instanceId) });
    expect(list.status).toBe(200);
    expect(list.json.total).toBe(0);
  });
});
