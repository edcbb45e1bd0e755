import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger, startEmulator, stderrLogger, type Emulator } from '../../emulator/index.js';
import type { Store } from '../core/ports.js';
import { createServerApp, type ServerApp } from '../server/app.js';
import { openSqliteStore } from '../store/sqlite-store.js';
import { createWixDirectory } from '../wix/directory.js';
import { siteClients } from '../wix/site-clients.js';

export interface LocalStack {
  emulator: Emulator;
  app: ServerApp;
  store: Store;
  serverUrl: string;
  dataDir: string;
  /** Waits until Wix has delivered every webhook and the server has processed every event. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The local mode: the Wix platform emulator and the self-hosted server wired together, offline.
 * Ports 0 pick free ones; the data folder is a fresh temporary one unless given.
 */
export async function startLocalStack(options: { serverPort?: number; emulatorPort?: number; dataDir?: string; quiet?: boolean; verbose?: boolean } = {}): Promise<LocalStack> {
  const log = options.quiet ? () => {} : (message: string) => console.log(`[server] ${message}`);
  const emulator = await startEmulator({ port: options.emulatorPort ?? 0, log: options.verbose ? stderrLogger : silentLogger });
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'inbox-identity-local-'));
  const store = openSqliteStore({ file: path.join(dataDir, 'inbox-identity.sqlite') });
  const { appId, appSecret, publicKeyPem } = emulator.app;
  const directory = createWixDirectory(siteClients({ appId, appSecret, apiUrl: emulator.url }));
  const app = createServerApp({ appId, appSecret, publicKey: publicKeyPem, store, directory, log, pollMs: 250 });
  const serverUrl = await app.listen(options.serverPort ?? 0);
  emulator.setWebhookUrl(`${serverUrl}/webhooks`);
  return {
    emulator,
    app,
    store,
    serverUrl,
    dataDir,
    async settle() {
      await emulator.webhooks.settled();
      await app.worker.idle();
    },
    async close() {
      await app.close();
      await store.close();
      await emulator.close();
    },
  };
}
