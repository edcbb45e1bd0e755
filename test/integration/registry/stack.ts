import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger, startEmulator, type Clock as EmulatorClock, type Emulator } from '../../../emulator/index.js';
import { signInstanceToken } from '../../../src/api/instance-token.js';
import type { ConversationList } from '../../../src/api/list-conversations.js';
import type { Clock, Store } from '../../../src/core/ports.js';
import type { ServerApp } from '../../../src/server/app.js';
import { openSelfHostedApp } from '../../../src/server/self-hosted.js';
import type { RetryOptions } from '../../../src/wix/retry.js';

/** The whole chain a site owner relies on: the emulated Wix ↔ the self-hosted server ↔ its SQLite store. */
export interface Stack {
  emulator: Emulator;
  app: ServerApp;
  store: Store;
  serverUrl: string;
  dataDir: string;
  /** Waits until every webhook was delivered and every journaled event processed, retries included. */
  settle(timeoutMs?: number): Promise<void>;
  /** Waits until every webhook was delivered and the worker is idle, leaving failed steps waiting for their retry. */
  settleDeliveries(): Promise<void>;
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

const FAR_FUTURE = '9999-12-31T00:00:00.000Z';

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
    ({ app, store } = openSelfHostedApp({
      appId,
      appSecret,
      publicKey: publicKeyPem,
      apiUrl: emulator.url,
      dataDir,
      log: () => {},
      pollMs: 50,
      clock: options.clock,
      retry: options.retry,
      fetch: options.fetch,
    }));
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
    async settleDeliveries() {
      await emulator.webhooks.settled();
      await app.worker.idle();
    },
    async settle(timeoutMs = 15_000) {
      // Delivered, processed, and nothing left waiting in the journal for a retry (a lookup that failed once).
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await emulator.webhooks.settled();
        await app.worker.idle();
        if ((await store.dueEvents(FAR_FUTURE, 1)).length === 0) return;
        if (Date.now() > deadline) throw new Error('events still pending in the journal after retries');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
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
