import { contacts } from '@wix/crm';
import { items } from '@wix/data';
import { conversations, messages } from '@wix/inbox';
import { members } from '@wix/members';
import { silentLogger, startEmulator, type Emulator, type EmittedEvent } from '../../../emulator/index.js';
import type { InboxEvent } from '../../../src/core/inbox-event.js';
import { createWebhookReceiver } from '../../../src/server/webhook-receiver.js';
import { createWixClient } from '../../../src/wix/client.js';
import { createWixDataStore } from '../../../src/wix/data-store.js';
import { openDataSession } from '../../../src/wix/data-store/data-session.js';
import { createWixDirectory, type DirectoryModules } from '../../../src/wix/directory.js';
import { handleEventRequest } from '../../../src/wix/hosted/event-request.js';
import { createWixInbox, type InboxModules } from '../../../src/wix/inbox.js';
import wixConfig from '../../../wix.config.json' with { type: 'json' };

/** One request's Wix calls: method and path of each. */
export interface RequestCalls {
  event: EmittedEvent;
  calls: string[];
  error?: unknown;
}

/**
 * The hosted request logic (src/wix/hosted/event-request.ts) with the real SDK modules bound to a client of the
 * emulator instead of the ambient elevated ones: every event is verified from its signed JWT, handled in a fresh
 * Store session as Wix hosting runs it, and its Wix calls are counted.
 */
export async function startRequestStack() {
  const emulator: Emulator = await startEmulator({ log: silentLogger, rateLimitPerMinute: false });
  let calls: string[] = [];
  const counting: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    calls.push(`${init?.method ?? (input instanceof Request ? input.method : 'GET')} ${url.pathname}`);
    return fetch(input, init);
  };
  const clients = new Map<string, ReturnType<typeof clientFor>>();
  const clientFor = (instanceId: string) => createWixClient({
    appId: emulator.app.appId, appSecret: emulator.app.appSecret, instanceId, apiUrl: emulator.url, fetch: counting,
    modules: { items, contacts, members, conversations, messages },
  });
  const client = (instanceId: string) => {
    if (!clients.has(instanceId)) clients.set(instanceId, clientFor(instanceId));
    return clients.get(instanceId)!;
  };
  const depsFor = (instanceId: string) => ({
    store: openDataSession({ items: client(instanceId).items as never, collectionPrefix: wixConfig.namespace }),
    directory: createWixDirectory(() => client(instanceId) as unknown as DirectoryModules),
    inbox: createWixInbox(() => client(instanceId) as unknown as InboxModules, { appId: emulator.app.appId, retry: { attempts: 1 } }),
    clock: { now: () => new Date() },
    // The app's own calls of the request so far (the token is the runtime's on hosting, not counted there either).
    wixCalls: () => calls.filter((call) => !call.includes('/oauth2/')).length,
    repliesSent: () => calls.filter((call) => call === 'POST /inbox/v2/messages').length,
  });
  const receiver = createWebhookReceiver({
    appId: emulator.app.appId, publicKey: emulator.app.publicKeyPem, clock: { now: () => new Date() },
    onEvent: async (event: InboxEvent) => {
      await handleEventRequest(depsFor(event.instanceId), event, isolate);
      return 'added';
    },
  });
  let delivered = 0;
  /** The events the current isolate saw finished; `newIsolate()` plays a request landing on another one. */
  let isolate = new Set<string>();

  return {
    emulator,
    /** The plain store of a site, to read what the requests wrote. */
    storeOf: (instanceId: string) => createWixDataStore({ items: client(instanceId).items as never, collectionPrefix: wixConfig.namespace }),
    /** Events emitted since the last call, in emission order. */
    newEvents(): EmittedEvent[] {
      const all = emulator.webhooks.events();
      const fresh = all.slice(delivered);
      delivered = all.length;
      return fresh;
    },
    /** Delivers one event as one hosted request; resolves with the Wix calls it made (and its error, if any). */
    async deliver(event: EmittedEvent): Promise<RequestCalls> {
      calls = [];
      try {
        await receiver.receive(await emulator.webhooks.sign(event));
        return { event, calls };
      } catch (error) {
        return { event, calls, error };
      }
    },
    newIsolate() {
      isolate = new Set();
    },
    close: () => emulator.close(),
  };
}
