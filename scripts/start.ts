import { startDemoMode } from '../src/local/demo-mode.js';
import { PortInUseError } from '../src/local/local-stack.js';

/**
 * `npm start`: the local mode, offline. Starts the Wix platform emulator, the self-hosted server with its
 * dashboard, and the simulator; seeds a demo site with a few dozen people; prints the URLs and keeps running.
 * `npm start -- --once` exits after seeding and printing (CI uses it). `npm start -- --hosted` (start-hosted.ts) is
 * routed by scripts/launch.mjs, which runs this file compiled ahead (build/local/start.js).
 */
const once = process.argv.includes('--once');
const demo = await startDemoMode({
  serverPort: Number(process.env.PORT ?? (once ? 0 : 3000)),
  emulatorPort: Number(process.env.EMULATOR_PORT ?? (once ? 0 : 5100)),
  simulatorPort: Number(process.env.SIMULATOR_PORT ?? (once ? 0 : 5200)),
  dataDir: process.env.DATA_DIR,
  quiet: true,
  verbose: Boolean(process.env.VERBOSE),
}).catch(exitOnPortInUse);
const list = (await (await fetch(`${demo.urls.server}/api/conversations?limit=1`, { headers: { authorization: demo.site.token } })).json()) as { total: number };

console.log(`inbox-identity local mode — ready in ${(performance.now() / 1000).toFixed(1)} s
Demo site "Casa Azul Bakery" (${demo.site.instanceId}): ${demo.site.people} people, ${list.total} conversations on record.

  Dashboard:  ${demo.urls.dashboard}
  Simulator:  ${demo.urls.simulator}
  Emulator:   ${demo.urls.emulator}   (plays Wix; JSON driving API)
  Server:     ${demo.urls.server}   (webhooks at /webhooks, API at /api/…)
  Data:       ${demo.stack.dataDir}${demo.stack.temporary ? '   (a fresh folder, removed when you stop; set DATA_DIR to keep one)' : ''}

From a terminal:  npm run simulate -- visitor "Hi, are you open?"   (npm run simulate -- help)
API:              curl -H 'authorization: ${demo.site.token}' ${demo.urls.server}/api/conversations`);

if (once) {
  await demo.close();
} else {
  console.log('\nRunning. Ctrl-C to stop.');
  // Ctrl-C reaches this process twice (from the terminal, and relayed by npm/tsx): stop once, ignore the rest.
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await demo.close();
    console.log(`\nStopped: emulator, server and simulator are down${demo.stack.temporary ? '; the temporary data folder is removed' : `; data kept in ${demo.stack.dataDir}`}.`);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** A port already in use: one line naming it and the variable to change, no stack trace. */
function exitOnPortInUse(error: unknown): never {
  if (error instanceof PortInUseError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
