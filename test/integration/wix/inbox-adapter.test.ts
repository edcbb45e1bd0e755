import { randomUUID } from 'node:crypto';
import { conversations, messages } from '@wix/inbox';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { silentLogger, startEmulator, type Emulator } from '../../../emulator/index.js';
import { createWixClient } from '../../../src/wix/client.js';
import { createWixInbox, type InboxModules } from '../../../src/wix/inbox.js';

/** The Inbox adapter's quiet-rule question, through the real SDK against the emulator. */
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ log: silentLogger, rateLimitPerMinute: false });
});
afterAll(async () => emulator?.close());

function inboxOf(instanceId: string) {
  const client = createWixClient({
    appId: emulator.app.appId, appSecret: emulator.app.appSecret, instanceId, apiUrl: emulator.url, modules: { conversations, messages },
  });
  return createWixInbox(() => client as unknown as InboxModules, { appId: emulator.app.appId, retry: { attempts: 1 } });
}

it('tells when someone from the business last wrote, and that no one did in a conversation Wix does not have', async () => {
  const site = emulator.createSite();
  const inbox = inboxOf(site.instanceId);
  const { conversationId } = emulator.visitorSends(site.instanceId, { text: 'Hello?' });
  expect(await inbox.lastBusinessMessageAt(site.instanceId, conversationId)).toBeUndefined();
  const reply = emulator.businessReplies(site.instanceId, conversationId, 'Hi! How can we help?');
  const at = await inbox.lastBusinessMessageAt(site.instanceId, conversationId);
  expect(at?.toISOString()).toBe(new Date(reply.createdDate).toISOString());
  // Merged away or deleted: a 404 from List Messages is "no one is writing there", not a failure to retry.
  expect(await inbox.lastBusinessMessageAt(site.instanceId, randomUUID())).toBeUndefined();
});
