import { ConfigError, configFromEnv } from './config.js';
import { openSelfHostedApp } from './self-hosted.js';

/** `npm run serve`: the self-hosted server, configured by the environment (see README). */
async function main(): Promise<void> {
  const config = configFromEnv();
  const { app, store } = openSelfHostedApp({
    ...config,
    ...(config.rateLimitPerMinute ? { rateLimit: { perMinute: config.rateLimitPerMinute, burst: Math.min(20, Math.floor(config.rateLimitPerMinute / 4)) } } : {}),
    // WIX_PACING=off (benchmarks against the emulator only): no pacing to speak of.
    ...(config.pacingOff ? { rateLimit: { perMinute: 1_000_000_000, burst: 1000 } } : {}),
  });
  if (config.pacingOff) console.log('WIX_PACING=off: Wix calls are not paced (a benchmark setting; never against Wix itself)');
  const url = await app.listen(config.port, process.env.HOST ?? '127.0.0.1');
  console.log(`inbox-identity server on ${url} (Wix API ${config.apiUrl}, data in ${config.dataDir})`);
  // SIGTERM: stop taking requests, let what is in flight finish for up to 5 s, then close and exit — always within
  // 10 s (a hard stop at 9 s). Events not finished stay in the journal, due; the next start resumes them.
  const stop = async (signal: string) => {
    console.log(`${signal}: shutting down`);
    setTimeout(() => {
      console.error('shutdown took over 9 s: exiting now (unfinished events stay in the journal)');
      process.exit(1);
    }, 9000).unref();
    await app.shutdown({ graceMs: 5000 });
    await store.close();
    console.log('shut down');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? `Configuration: ${error.message}` : error);
  process.exit(1);
});
