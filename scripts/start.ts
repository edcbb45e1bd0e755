import { startLocalStack } from '../src/local/local-stack.js';
import { playScriptedLifecycle } from '../src/local/scripted-lifecycle.js';

/**
 * `npm start`: the local mode, offline. Starts the Wix platform emulator and the self-hosted server,
 * plays a person's visitor → contact → member lifecycle, prints what the app recorded, and keeps running.
 * `npm start -- --once` exits after the demo.
 */
const once = process.argv.includes('--once');
const stack = await startLocalStack({
  serverPort: Number(process.env.PORT ?? (once ? 0 : 3000)),
  emulatorPort: Number(process.env.EMULATOR_PORT ?? (once ? 0 : 5100)),
  dataDir: process.env.DATA_DIR,
  quiet: true,
  verbose: Boolean(process.env.VERBOSE),
});
console.log(`inbox-identity local mode
  server:   ${stack.serverUrl}   (webhooks at /webhooks, dashboard API at /api/conversations)
  emulator: ${stack.emulator.url}   (plays Wix; drive it at /_emulator)
  data:     ${stack.dataDir}`);

const { token } = await playScriptedLifecycle(stack, (line) => console.log(line));
console.log(`\nTry it:\n  curl -H 'authorization: ${token}' ${stack.serverUrl}/api/conversations`);

if (once) {
  await stack.close();
} else {
  console.log('\nRunning. Ctrl-C to stop.');
  const stop = async () => {
    await stack.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
