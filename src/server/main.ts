import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openSqliteStore } from '../store/sqlite-store.js';
import { createWixDirectory } from '../wix/directory.js';
import { siteClients, siteInbox } from '../wix/site-clients.js';
import { createServerApp } from './app.js';
import { ConfigError, configFromEnv } from './config.js';

/** `npm run serve`: the self-hosted server, configured by the environment (see README). */
async function main(): Promise<void> {
  const config = configFromEnv();
  mkdirSync(config.dataDir, { recursive: true });
  const store = openSqliteStore({ file: path.join(config.dataDir, 'inbox-identity.sqlite') });
  const clientFor = siteClients(config);
  const inbox = siteInbox(clientFor, config.appId);
  const app = createServerApp({ ...config, store, directory: createWixDirectory(clientFor), inbox });
  const url = await app.listen(config.port, process.env.HOST ?? '127.0.0.1');
  console.log(`inbox-identity server on ${url} (Wix API ${config.apiUrl}, data in ${config.dataDir})`);
  const stop = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? `Configuration: ${error.message}` : error);
  process.exit(1);
});
