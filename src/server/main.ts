import { ConfigError, configFromEnv } from './config.js';
import { openSelfHostedApp } from './self-hosted.js';

/** `npm run serve`: the self-hosted server, configured by the environment (see README). */
async function main(): Promise<void> {
  const config = configFromEnv();
  const { app, store } = openSelfHostedApp(config);
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
