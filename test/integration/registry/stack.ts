import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger, startEmulator, type Clock as EmulatorClock, type Emulator } from '../../../emulator/index.js';
import { signInstanceToken } from '../../../src/api/instance-token.js';
import type { ConversationList } from '../../../src/api/list-conversations.js';
import type { Clock, Store } from '../../../src/core/ports.js';
import { createServerApp, type ServerApp } from '../../../src/server/app.js';
import { openSqliteStore } from '../../../src/store/sqlite-store.js';
import { createWixDirectory } from '../../../src/wix/directory.js';
import type { RetryOptions } from '../../../src/wix/retry.js';
import { siteClients, siteInbox } from '../../../src/wix/site-clients.js';

/** The whole chain a site owner relies on: the emulated Wix ↔ the self-hosted server ↔ its SQLite store. */
export interface Stack {
  emulator: Emulator;
  app: ServerApp;
  store: Store;
  serverUrl: string;
  dataDir: string;
  /** Waits until every webhook was delivered and every journaled event processed. */
  settle(): Promise<void>;
  list(instanceId: string, params?: Record<string, string>): Promise<ConversationList>;
  get(pathAndQuery: string, headers?: Record<string, string>): Promise<Response>;
  tokenFor(instanceId: string): string;
  /** Closes the server and store (the emulator and data folder stay), then opens them again. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface StackOptions {
  fastRetries?: boolean;
  /** The server's clock (the emulator keeps its own unless `emulatorClock` is given). */
  clock?: Clock;
  emulatorClock?: EmulatorClock;
  /** Retries of calls to Wix inside one attempt (defaults: 3 tries, 250 ms base). */
  retry?: RetryOptions;
  /** The fetch the app's Wix clients use (tests count calls with it). */
  fetch?: typeof fetch;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const emulator = await startEmulator({
    log: silentLogger,
    delivery: options.fastRetries === false ? {} : { retryDelaysMs: [20, 40, 80] },
    ...(options.emulatorClock ? { clock: options.emulatorClock } : {}),
  });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'inbox-identity-'));
  const { appId, appSecret, publicKeyPem } = emulator.app;
  let store!: Store;
  let app!: ServerApp;
  let serverUrl = '';

  const open = async () => {
    store = openSqliteStore({ file: path.join(dataDir, 'inbox-identity.sqlite') });
    const clients = siteClients({ appId, appSecret, apiUrl: emulator.url, ...(options.fetch ? { fetch: options.fetch } : {}) });
    const directory = createWixDirectory(clients);
    const inbox = siteInbox(clients, appId, options.retry);
    app = createServerApp({ appId, appSecret, publicKey: publicKeyPem, store, directory, inbox, log: () => {}, pollMs: 50, ...(options.clock ? { clock: options.clock } : {}) });
    serverUrl = await app.listen(0);
    emulator.setWebhookUrl(`${serverUrl}/webhooks`);
  };
  await open();

  const stack: Stack = {
    emulator,
    get app() { return app; },
    get store() { return store; },
    get serverUrl() { return serverUrl; },
    dataDir,
    async settle() {
      await emulator.webhooks.settled();
      await app.worker.idle();
    },
    tokenFor: (instanceId) => signInstanceToken({ instanceId, appDefId: appId }, appSecret),
    get: (pathAndQuery, headers = {}) => fetch(`${serverUrl}${pathAndQuery}`, { headers }),
    async list(instanceId, params = {}) {
      const query = new URLSearchParams(params).toString();
      const response = await stack.get(`/api/conversations?${query}`, { authorization: stack.tokenFor(instanceId) });
      if (response.status !== 200) throw new Error(`GET /api/conversations → ${response.status}: ${await response.text()}`);
      return (await response.json()) as ConversationList;
    },
    async restart() {
      await app.close();
      await store.close();
      await open();
    },
    async close() {
      await app.close();
      await store.close();
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return stack;
}
