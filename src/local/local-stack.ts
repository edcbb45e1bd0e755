import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger, startEmulator, stderrLogger, type Emulator } from '../../emulator/index.js';
import type { Store } from '../core/ports.js';
import type { ServerApp } from '../server/app.js';
import { openSelfHostedApp } from '../server/self-hosted.js';
import type { DemoClock } from './demo-clock.js';
import { localModeKey } from './local-mode-key.js';

export interface LocalStack {
  emulator: Emulator;
  app: ServerApp;
  store: Store;
  serverUrl: string;
  dataDir: string;
  /** Whether dataDir is a fresh temporary folder, removed on close. */
  temporary: boolean;
  /** Waits until Wix has delivered every webhook and the server has processed every event. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The local mode: the Wix platform emulator and the self-hosted server wired together, offline.
 * Ports 0 pick free ones; the data folder is a fresh temporary one unless given.
 */
export interface LocalStackOptions {
  serverPort?: number;
  emulatorPort?: number;
  dataDir?: string;
  quiet?: boolean;
  verbose?: boolean;
  /** One clock for Wix and the server (the demo seeds a believable past with it); real time when absent. */
  clock?: DemoClock;
}

/** A port the local mode needs is taken: names the port and the variable that moves it. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
  constructor(readonly port: number, readonly variable: string, readonly role: string) {
    super(`Port ${port} (the ${role}) is already in use — is another \`npm start\` running? Stop it, or choose another port: ${variable}=${port + 1} npm start`);
  }
}

/** Listens, turning "address in use" into a PortInUseError that names the setting to change. */
async function onPort<T>(port: number, variable: string, role: string, listen: () => Promise<T>): Promise<T> {
  try {
    return await listen();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new PortInUseError(port, variable, role);
    throw error;
  }
}

export { onPort as listenOnPort };

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const log = options.quiet ? () => {} : (message: string) => console.log(`[server] ${message}`);
  const emulator = await onPort(options.emulatorPort ?? 0, 'EMULATOR_PORT', 'Wix emulator', () => startEmulator({
    port: options.emulatorPort ?? 0,
    app: { privateKeyPem: localModeKey() },
    log: options.verbose ? stderrLogger : silentLogger,
    ...(options.clock ? { clock: { now: options.clock.nowMs } } : {}),
  }));
  const temporary = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'inbox-identity-local-'));
  const removeTemporary = () => { if (temporary) rmSync(dataDir, { recursive: true, force: true }); };
  const { appId, appSecret, publicKeyPem } = emulator.app;
  // The demo plays an afternoon's traffic in seconds: the app's pacing is loosened for it (the emulator's own limit
  // is lifted while seeding and back at 200 a minute after).
  const { app, store } = openSelfHostedApp({
    appId,
    appSecret,
    publicKey: publicKeyPem,
    apiUrl: emulator.url,
    dataDir,
    log,
    pollMs: 250,
    ...(options.clock ? { clock: options.clock, rateLimit: { perMinute: 12_000, burst: 200 } } : {}),
  });
  let serverUrl: string;
  try {
    serverUrl = await onPort(options.serverPort ?? 0, 'PORT', 'app server', () => app.listen(options.serverPort ?? 0));
  } catch (error) {
    await Promise.allSettled([app.close(), store.close(), emulator.close()]);
    removeTemporary();
    throw error;
  }
  emulator.setWebhookUrl(`${serverUrl}/webhooks`);
  return {
    emulator,
    app,
    store,
    serverUrl,
    dataDir,
    temporary,
    async settle() {
      await emulator.webhooks.settled();
      await app.worker.idle();
    },
    async close() {
      await app.close();
      await store.close();
      await emulator.close();
      removeTemporary();
    },
  };
}
