import { generateKeyPairSync } from 'node:crypto';
import { conversations, messages } from '@wix/inbox';
import { SignJWT, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator/index.js';
import { createWebhookClient } from '../../../src/wix/client.js';
import { rejectionOf, startQuietEmulator } from './support/emulator-fixture.js';
import { startWebhookReceiver } from './support/webhook-receiver.js';

let emu: Emulator;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let instanceId: string;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  emu = await startQuietEmulator({ webhookUrl: receiver.url });
  instanceId = emu.createSite().instanceId;
});
afterAll(async () => {
  await emu.close();
  await receiver.close();
});

function webhookClient(publicKey = emu.app.publicKeyPem) {
  const client = createWebhookClient({ appId: emu.app.appId, publicKey, modules: { messages, conversations } });
  const seen: unknown[] = [];
  client.messages.onMessageSentToBusiness((event) => void seen.push(event));
  client.conversations.onConversationConversationsMerged((event) => void seen.push(event));
  return { client, seen };
}

describe('webhooks as Wix sends them', () => {
  it('POSTs an RS256 JWT as text/plain that the real client.webhooks.process accepts', async () => {
    const sent = emu.visitorSends(instanceId, { text: 'Do you deliver?' });
    await emu.webhooks.settled();
    const [delivery] = receiver.received;
    expect(delivery?.contentType).toBe('text/plain');
    const claims = decodeJwt(delivery!.body);
    expect(typeof claims.data).toBe('string');
    expect(claims.iat).toBeTypeOf('number');
    expect(claims.exp).toBeGreaterThan(claims.iat!);

    const { client, seen } = webhookClient();
    const processed = await client.webhooks.process(delivery!.body);
    expect(processed.eventType).toBe('wix.crm.inbox.v2.message_message_sent_to_business');
    expect(processed.instanceId).toBe(instanceId);
    expect(processed.identity).toEqual({ identityType: 'ANONYMOUS_VISITOR', anonymousVisitorId: sent.visitorId });
    const [event] = seen as { data: { conversationId: string; message: Record<string, any> };
      metadata: Record<string, any> }[];
    expect(event!.metadata._id).toBe(sent.eventId);
    expect(event!.metadata.entityFqdn).toBe('wix.crm.inbox.v2.message');
    expect(event!.metadata.eventTime).toBeInstanceOf(Date);
    expect(event!.metadata.accountInfo.siteId).toBeTruthy();
    expect(event!.data.conversationId).toBe(sent.conversationId);
    expect(event!.data.message).toMatchObject({
      _id: sent.message.id,
      direction: 'PARTICIPANT_TO_BUSINESS',
      sourceChannel: 'CHAT',
      sender: { anonymousVisitorId: sent.visitorId },
      content: { basic: { items: [{ text: 'Do you deliver?' }] } },
    });
    expect(event!.data.message._createdDate).toBeInstanceOf(Date);
  });

  it('rejects a tampered JWT', async () => {
    const jwt = await emu.webhooks.sign(emu.webhooks.events()[0]!);
    const [header, payload, signature] = jwt.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    claims.data = claims.data.replace(instanceId, '00000000-0000-0000-0000-000000000000');
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    const error = await rejectionOf(webhookClient().client.webhooks.process(forged));
    expect(error.message).toMatch(/signature/i);
  });

  it('rejects an expired JWT', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await emu.webhooks.sign(emu.webhooks.events()[0]!, { issuedAt: now - 7200, expiresInSeconds: 60 });
    const error = await rejectionOf(webhookClient().client.webhooks.process(expired));
    expect(error.message).toMatch(/exp/i);
  });

  it('accepts a genuine JWT without exp or iat, as the SDK does, and still refuses an iat in the future', async () => {
    const { data } = decodeJwt(await emu.webhooks.sign(emu.webhooks.events()[0]!));
    const signed = (jwt: SignJWT) => jwt.setProtectedHeader({ alg: 'RS256' }).sign(emu.app.privateKey);
    for (const jwt of [await signed(new SignJWT({ data })), await signed(new SignJWT({ data }).setExpirationTime('1h'))]) {
      const { client, seen } = webhookClient();
      expect((await client.webhooks.process(jwt)).instanceId).toBe(instanceId);
      expect(seen).toHaveLength(1);
    }
    const ahead = await signed(new SignJWT({ data }).setIssuedAt(Math.floor(Date.now() / 1000) + 3600));
    expect((await rejectionOf(webhookClient().client.webhooks.process(ahead))).message).toMatch(/iat.*future/);
  });

  it('rejects a JWT signed with another key, and a client holding another public key', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const genuine = await emu.webhooks.sign(emu.webhooks.events()[0]!);
    const stolenClaims = decodeJwt(genuine);
    const wronglySigned = await new SignJWT(stolenClaims).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    expect((await rejectionOf(webhookClient().client.webhooks.process(wronglySigned))).message).toMatch(/signature/i);
    const otherKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const error = await rejectionOf(webhookClient(otherKeyPem).client.webhooks.process(genuine));
    expect(error.message).toContain('WIX_PUBLIC_KEY');
  });
});
