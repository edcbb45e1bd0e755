import { startDemoMode } from '../src/local/demo-mode.js';

/**
 * `npm start`: the local mode, offline. Starts the Wix platform emulator, the self-hosted server with its
 * dashboard, and the simulator; seeds a demo site with a few dozen people; prints the URLs and keeps running.
 * `npm start -- --once` exits after seeding and printing (CI uses it). `npm start -- --hosted`: see start-hosted.ts.
 */
const once = process.argv.includes('--once');
if (process.argv.includes('--hosted')) {
  // The built worker (dist/) behind the Wix-hosting harness instead of the self-hosted server; it runs (and
  // exits) on its own, so the self-hosted mode below never starts.
  await import('./start-hosted.js');
  await new Promise(() => {});
}
const started = performance.now();
const demo = await startDemoMode({
  serverPort: Number(process.env.PORT ?? (once ? 0 : 3000)),
  emulatorPort: Number(process.env.EMULATOR_PORT ?? (once ? 0 : 5100)),
  simulatorPort: Number(process.env.SIMULATOR_PORT ?? (once ? 0 : 5200)),
  dataDir: process.env.DATA_DIR,
  quiet: true,
  verbose: Boolean(process.env.VERBOSE),
});
const list = (await (await fetch(`${demo.urls.server}/api/conversations?limit=1`, { headers: { authorization: demo.site.token } })).json()) as { total: number };

console.log(`inbox-identity local mode — ready in ${((performance.now() - started) / 1000).toFixed(1)} s
Demo site "Casa Azul Bakery" (${demo.site.instanceId}): ${demo.site.people} people, ${list.total} conversations on record.

  Dashboard:  ${demo.urls.dashboard}
  Simulator:  ${demo.urls.simulator}
  Emulator:   ${demo.urls.emulator}   (plays Wix; JSON driving API)
  Server:     ${demo.urls.server}   (webhooks at /webhooks, API at /api/…)
  Data:       ${demo.stack.dataDir}

From a terminal:  npm run simulate -- visitor "Hi, are you open?"   (npm run simulate -- help)
API:              curl -H 'authorization: ${demo.site.token}' ${demo.urls.server}/api/conversations`);

if (once) {
  await demo.close();
} else {
  console.log('\nRunning. Ctrl-C to stop.');
  const stop = async () => {
    await demo.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
