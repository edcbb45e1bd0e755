import os from 'node:os';
import { silentLogger, startEmulator } from '../emulator/index.js';
import { ensureBundled } from '../scripts/bundle.mjs';
import { MAX_LANES } from '../src/services/event-worker.js';
import { peakRss, rssShapes } from './processing.js';
import { startWixCallCounter } from './processing/wix-call-counter.js';

/**
 * `npx tsx bench/peak-rss.ts [--events N] [--repeat R]`: only the processing section's peak-RSS figure — the same
 * `peakRss` measurement, for 64 sites (one per lane) and for N sites (10,000 by default), about N first messages each —
 * with the load average printed before and after. A quick loop while working on memory; `npm run bench` stays the
 * figure of record.
 */
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const events = option('--events', 10_000);
const repeat = option('--repeat', 1);
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' / ');

console.log(`peak RSS, ${events.toLocaleString('en')} sites vs ${MAX_LANES}; load average ${load()}`);
await ensureBundled('server');
await ensureBundled('browser');
const emulator = await startEmulator({ log: silentLogger, rateLimitPerMinute: false });
const counter = await startWixCallCounter(emulator.url);
const print = (line: string) => console.log(`  ${line}`);
try {
  const shapes = rssShapes(events);
  for (let r = 0; r < repeat; r++) {
    const few = await peakRss(emulator, counter, shapes.fewSites, print);
    const many = await peakRss(emulator, counter, shapes.manySites, print);
    console.log(`${events.toLocaleString('en')} sites ${many.toFixed(1)} MB, ${MAX_LANES} sites ${few.toFixed(1)} MB: ${(many / few).toFixed(2)}× (target ≤ 1.25×); load average ${load()}`);
  }
} finally {
  await counter.close();
  await emulator.close();
}
