import { existsSync } from 'node:fs';
import { startBenchStack } from './bench-stack.js';
import { benchDashboardList } from './dashboard-list.js';
import { benchIngest } from './ingest.js';

/** `npm run bench`: the figures in the README's Benchmarks section. */
const print = (line: string) => console.log(line);
print(`inbox-identity benchmarks — node ${process.version}, ${new Date().toISOString()}\n`);
for (const [title, perMinute] of [['paced under Wix\'s 200 requests per minute per site', 200], ['pacing lifted: the app\'s own cost', 1_000_000]] as const) {
  const stack = await startBenchStack({ wixRequestsPerMinute: perMinute });
  try {
    print(`## Webhook ingest, ${title} (emulator-signed JWTs → server → SQLite, real SDK calls)`);
    await benchIngest(stack, print);
    print('');
  } finally {
    await stack.close();
  }
}
const stack = await startBenchStack();
try {
  print('## Dashboard list (SQLite, 10,000 conversations on one site)');
  await benchDashboardList(stack, print);
} finally {
  await stack.close();
}

print('\n## Wix hosting: the built worker under the hosting harness (warm isolate)');
if (existsSync('dist/_worker.js/index.js')) await import('./hosted-requests.js');
else print('dist/ is missing: run `npm run build` first, then `npm run bench` measures the hosted worker too.');
