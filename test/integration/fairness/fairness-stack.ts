import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger, startEmulator, type Emulator } from '../../../emulator/index.js';
import type { ServerApp } from '../../../src/server/app.js';
import { openSelfHostedApp, type SelfHostedOptions } from '../../../src/server/self-hosted.js';
import type { Store } from '../../../src/core/ports.js';
import type { SiteClients } from '../../../src/wix/site-clients.js';

/**
 * The real self-hosted server and the emulator, with the fetch under the app's Wix clients seen by the test:
 * it counts token calls per site and can make one site's calls hang (an answer that takes `hangMs`, honouring the
 * abort signal as a real slow server would).
 */
export interface FairnessStack {
  emulator: Emulator;
  app: ServerApp;
  store: Store;
  clients: SiteClients;
  serverUrl: string;
  /** Token calls made so far, by instance ID. */
  tokenCalls: Map<string, number>;
  /** Every call for this site (token included) waits `ms` before it reaches Wix. */
  hang(instanceId: string, ms: number): void;
  /** When the app's first message on the site reached the emulator (ms since epoch), polled every 10 ms. */
  replyAt(instanceId: string, timeoutMs?: number): Promise<number>;
  close(): Promise<void>;
}

export async function startFairnessStack(options: Partial<SelfHostedOptions> = {}): Promise<FairnessStack> {
  const emulator = await startEmulator({ log: silentLogger, delivery: { retryDelaysMs: [20, 40, 80] }, rateLimitPerMinute: false });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'inbox-identity-fairness-'));
  const tokenCalls = new Map<string, number>();
  const hanging = new Map<string, number>();
  const tokenSite = new Map<string, string>();

  const observed: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    let site: string | undefined;
    if (url.endsWith('/oauth2/token')) {
      site = String(JSON.parse(String(init?.body ?? '{}')).instance_id ?? '');
      tokenCalls.set(site, (tokenCalls.get(site) ?? 0) + 1);
    } else {
      const auth = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).get('authorization') ?? '';
      site = tokenSite.get(auth);
    }
    const hangMs = site ? hanging.get(site) : undefined;
    if (hangMs) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, hangMs);
        init?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(init.signal!.reason);
        });
      });
    }
    const response = await fetch(input, init);
    if (url.endsWith('/oauth2/token') && response.ok && site) {
      const body = (await response.clone().json()) as { access_token?: string };
      if (body.access_token) tokenSite.set(body.access_token, site);
    }
    return response;
  };

  const { appId, appSecret, publicKeyPem } = emulator.app;
  const { app, store, clients } = openSelfHostedApp({
    appId, appSecret, publicKey: publicKeyPem, apiUrl: emulator.url, dataDir, log: () => {}, pollMs: 50, fetch: observed, ...options,
  });
  const serverUrl = await app.listen(0);
  emulator.setWebhookUrl(`${serverUrl}/webhooks`);

  return {
    emulator, app, store, clients, serverUrl, tokenCalls,
    hang: (instanceId, ms) => void hanging.set(instanceId, ms),
    async replyAt(instanceId, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (emulator.sentByApp(instanceId).length === 0) {
        if (Date.now() > deadline) throw new Error(`no reply on ${instanceId} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return Date.now();
    },
    async close() {
      hanging.clear();
      await app.shutdown({ graceMs: 100 });
      await store.close();
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** When the emulator began delivering the site's first webhook (ms since epoch). */
export function firstDeliveryAt(emulator: Emulator, instanceId: string): number {
  const delivery = emulator.webhooks.deliveries().find((d) => d.instanceId === instanceId);
  if (!delivery) throw new Error(`no webhook delivered for ${instanceId}`);
  return Date.parse(delivery.at);
}
