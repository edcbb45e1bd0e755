import { MissingBuildError, readBuiltApp } from '../emulator/hosting/index.js';
import { startHostedLocalMode } from './hosted-local-mode.js';

/**
 * `npm start -- --hosted [--once]`: the local mode as Wix hosting runs the app — the built worker from dist/
 * (`npm run build`), its Wix calls answered by the emulator, 20 sub-requests per request enforced, each request
 * printed with its sub-requests and CPU time.
 */
const once = process.argv.includes('--once');
try {
  readBuiltApp('dist');
} catch (error) {
  if (!(error instanceof MissingBuildError)) throw error;
  console.error('No built app in dist/: run `npm run build` first, then `npm start -- --hosted`.');
  process.exit(1);
}
const mode = await startHostedLocalMode({
  emulatorPort: Number(process.env.EMULATOR_PORT ?? (once ? 0 : 5100)),
  workerPort: Number(process.env.PORT ?? (once ? 0 : 3000)),
  simulatorPort: Number(process.env.SIMULATOR_PORT ?? (once ? 0 : 5200)),
});
const { hosted, emulator } = mode;
console.log(`
inbox-identity local mode, Wix-hosted — the built worker (dist/_worker.js), 20 sub-requests per request enforced
Demo site "Casa Azul Bakery" (${mode.instanceId}).

  Worker:     ${hosted.url}   (webhooks at ${Object.values(hosted.app.webhooks).map((p) => p.slice(0, 32) + '…').join(', ')})
  Simulator:  ${mode.simulatorUrl}
  Emulator:   ${emulator.url}/_emulator   (plays Wix; JSON driving API)

The dashboard page itself only runs inside Wix's dashboard; its backend API answers a dashboard user's token:
  curl -H 'authorization: ${mode.userToken}' ${hosted.url}/api/conversations
From a terminal:  npm run simulate -- visitor "Hi, are you open?"`);

if (once) {
  await mode.close();
  process.exit(0);
} else {
  console.log('\nRunning. Ctrl-C to stop.');
  const stop = async () => {
    await mode.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
