import { startBenchStack } from './bench-stack.js';
import { benchDashboardList } from './dashboard-list.js';
import { benchIngest } from './ingest.js';

/** `npm run bench`: the figures in the README's Benchmarks section. */
const print = (line: string) => console.log(line);
print(`inbox-identity benchmarks — node ${process.version}, ${new Date().toISOString()}\n`);
const stack = await startBenchStack();
try {
  print('## Webhook ingest (emulator-signed JWTs → server → SQLite, real SDK lookups)');
  await benchIngest(stack, print);
  print('\n## Dashboard list (SQLite, 10,000 conversations on one site)');
  await benchDashboardList(stack, print);
} finally {
  await stack.close();
}
