import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger, startEmulator, type Emulator } from '../emulator/index.js';
import { signInstanceToken } from '../src/api/instance-token.js';
import type { Store } from '../src/core/ports.js';
import type { ServerApp } from '../src/server/app.js';
import { openSelfHostedApp } from '../src/server/self-hosted.js';

/** Emulator ↔ server ↔ SQLite, with every outbound Wix call counted by path. */
export interface BenchStack {
  emulator: Emulator;
  app: ServerApp;
  store: Store;
  serverUrl: string;
  wixCalls: Map<string, number>;
  /** When each Wix call was made (ms, performance clock). */
  wixCallTimes: number[];
  tokenFor(instanceId: string): string;
  close(): Promise<void>;
}

/** `wixRequestsPerMinute` is the app's own pacing (Wix allows 200 per site); a large value measures the app alone. */
export async function startBenchStack(options: { wixRequestsPerMinute?: number } = {}): Promise<BenchStack> {
  const emulator = await startEmulator({ log: silentLogger, rateLimitPerMinute: false });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'inbox-identity-bench-'));
  const wixCalls = new Map<string, number>();
  const wixCallTimes: number[] = [];
  const countingFetch: typeof fetch = (input, init) => {
    const { pathname } = new URL(input instanceof Request ? input.url : String(input));
    const key = pathname.split('/').slice(0, 3).join('/');
    wixCalls.set(key, (wixCalls.get(key) ?? 0) + 1);
    wixCallTimes.push(performance.now());
    return fetch(input, init);
  };
  const { appId, appSecret, publicKeyPem } = emulator.app;
  const perMinute = options.wixRequestsPerMinute ?? 200;
  const { app, store } = openSelfHostedApp({
    appId,
    appSecret,
    publicKey: publicKeyPem,
    apiUrl: emulator.url,
    dataDir,
    log: () => {},
    pollMs: 20,
    fetch: countingFetch,
    rateLimit: { perMinute, burst: Math.min(20, perMinute) },
  });
  const serverUrl = await app.listen(0);
  return {
    emulator,
    app,
    store,
    serverUrl,
    wixCalls,
    wixCallTimes,
    tokenFor: (instanceId) => signInstanceToken({ instanceId, appDefId: appId }, appSecret),
    async close() {
      await app.close();
      await store.close();
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
