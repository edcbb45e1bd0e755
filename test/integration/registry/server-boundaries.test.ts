import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInstanceToken } from '../../../src/api/instance-token.js';
import { startStack, type Stack } from './stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack.close());

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${stack.serverUrl}/webhooks`, { method: 'POST', body, headers: { 'content-type': 'text/plain', ...headers } });

/**
 * A webhook as Wix would send it for a visitor's message on a fresh site, signed by the emulator but not
 * delivered: the message really happened on a scratch site, and the copy is re-addressed to `site`.
 */
async function signedMessageWebhook(options: { expiresInSeconds?: number; eventType?: string } = {}) {
  const scratch = stack.emulator.createSite();
  const sent = stack.emulator.visitorSends(scratch.instanceId, { text: 'hello' });
  await stack.settle();
  const site = stack.emulator.createSite();
  const event = stack.emulator.webhooks.events().find((e) => e.eventId === sent.eventId)!;
  const readdressed = { ...event, instanceId: site.instanceId, ...(options.eventType ? { eventType: options.eventType } : {}) };
  return { site, sent, jwt: await stack.emulator.webhooks.sign(readdressed, options) };
}

describe('POST /webhooks', () => {
  it('answers 200 and records a verified event once, however often it is delivered', async () => {
    const { site, jwt } = await signedMessageWebhook();
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(jwt)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const results = await Promise.all(answers.map(async (a) => ((await a.json()) as { result: string }).result));
    expect(results.filter((r) => r === 'processed')).toHaveLength(1);
    expect(results.filter((r) => r === 'duplicate')).toHaveLength(4);
    await stack.settle();
    const list = await stack.list(site.instanceId);
    expect(list.items.map((item) => item.messageCount)).toEqual([1]);
  });

  it('refuses a tampered token with 401 and stores nothing', async () => {
    const { site, jwt } = await signedMessageWebhook();
    const [header, payload, signature] = jwt.split('.');
    const tamperedPayload = Buffer.from(Buffer.from(payload!, 'base64url').toString('utf8').replace('hello', 'HELLO')).toString('base64url');
    const response = await post(`${header}.${tamperedPayload}.${signature}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'BAD_SIGNATURE' } });
    await stack.settle();
    expect((await stack.list(site.instanceId)).total).toBe(0);
  });

  it('refuses an expired token with 401', async () => {
    const { site, jwt } = await signedMessageWebhook({ expiresInSeconds: -60 });
    const response = await post(jwt);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'TOKEN_EXPIRED' } });
    expect((await stack.list(site.instanceId)).total).toBe(0);
  });

  it('refuses a token signed with another key with 401', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwt = await new SignJWT({ data: JSON.stringify({ data: '{}', instanceId: 'x', eventType: 'y' }) })
      .setProtectedHeader({ alg: 'RS256' }).setIssuedAt().setExpirationTime('1h').sign(privateKey);
    const response = await post(jwt);
    expect(response.status).toBe(401);
  });

  it('answers 400 to a body that is not a JWT', async () => {
    const response = await post('not a token');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'MALFORMED_TOKEN' } });
  });

  it('answers 413 to a body over 1 MB', async () => {
    const response = await post('a'.repeat(1024 * 1024 + 1));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('answers 200 to a verified event type the app does not handle', async () => {
    const { site, jwt } = await signedMessageWebhook({ eventType: 'wix.contacts.v4.contact_created' });
    const response = await post(jwt);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: 'ignored' });
    expect((await stack.list(site.instanceId)).total).toBe(0);
  });
});

describe('GET /api/conversations', () => {
  it('answers 401 without an instance token, or with one signed by another secret', async () => {
    expect((await stack.get('/api/conversations')).status).toBe(401);
    const forged = signInstanceToken({ instanceId: stack.emulator.createSite().instanceId }, 'not-the-app-secret');
    const response = await stack.get(`/api/conversations?instance=${forged}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHORIZED', message: expect.stringContaining('WIX_APP_SECRET') } });
  });

  it('filters by type, searches by name or email, sorts and pages with a cursor', async () => {
    const site = stack.emulator.createSite();
    const people = ['Ana Sousa', 'Bruno Lima', 'Carla Dias', 'Duarte Reis'];
    for (const [index, name] of people.entries()) {
      const visit = stack.emulator.visitorSends(site.instanceId, { text: `hello from ${name}` });
      const [firstName, lastName] = name.split(' ');
      const contact = stack.emulator.identifyVisitor(site.instanceId, visit.visitorId, { firstName: firstName!, lastName, email: `${firstName!.toLowerCase()}@example.pt` });
      if (index % 2 === 0) stack.emulator.contactSends(site.instanceId, { contactId: contact.contactId, text: 'details left' });
    }
    stack.emulator.visitorSends(site.instanceId, { text: 'just browsing' });
    await stack.settle();

    expect((await stack.list(site.instanceId, { type: 'ANONYMOUS_VISITOR' })).items.map((i) => i.lastMessagePreview)).toEqual(['just browsing']);
    expect((await stack.list(site.instanceId, { type: 'CONTACT' })).total).toBe(4);
    expect((await stack.list(site.instanceId, { search: 'CARLA' })).items.map((i) => i.displayName)).toEqual(['Carla Dias']);
    expect((await stack.list(site.instanceId, { search: 'bruno@example' })).items.map((i) => i.displayName)).toEqual(['Bruno Lima']);
    const byName = await stack.list(site.instanceId, { type: 'CONTACT', sort: 'displayName:asc', limit: '3' });
    expect(byName.items.map((i) => i.displayName)).toEqual(['Ana Sousa', 'Bruno Lima', 'Carla Dias']);
    const next = await stack.list(site.instanceId, { type: 'CONTACT', sort: 'displayName:asc', limit: '3', cursor: byName.nextCursor! });
    expect(next.items.map((i) => i.displayName)).toEqual(['Duarte Reis']);
    expect(next.nextCursor).toBeUndefined();
  });

  it('refuses bad list parameters with a message naming the parameter', async () => {
    const site = stack.emulator.createSite();
    const response = await stack.get('/api/conversations?type=ROBOT', { authorization: stack.tokenFor(site.instanceId) });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'BAD_REQUEST', message: expect.stringMatching(/^type must be one of/) } });
  });

  it('answers GET /healthz', async () => {
    expect(await (await stack.get('/healthz')).json()).toEqual({ status: 'ok' });
  });
});
