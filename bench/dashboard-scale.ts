import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signInstanceToken } from '../src/api/instance-token.js';
import { cursorAfter } from '../src/api/list-cursor.js';
import { compareConversations, positionOf } from '../src/core/conversation-order.js';
import { SEARCH_TERMS, SEED_END, seedAppStore, seededConversation, seedFloorStore } from './dashboard-data.js';
import type { BenchSection, Figure } from './figures.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { ms, summarise } from './stats.js';

const SECTION = 'Dashboard at scale';
const SITE = '5b0e6a4c-7d1f-4e2a-9c3b-8a7f6e5d4c3b';
const APP_ID = 'c0ffee00-0000-4000-8000-000000000001';
const APP_SECRET = 'bench-app-secret';
const DAY = 86_400_000;

/** How long after the servers start the first measured shape keeps warming up. */
const WARM_AFTER_START_MS = 3000;

/** One list shape: the app's query string and the floor's, for the same 50 rows. */
interface Shape {
  name: string;
  app: string;
  floor: string;
}

/**
 * The dashboard list and cards at 1,000 / 10,000 / 100,000 conversations of one site (issue 10, point 1). Each size
 * is seeded straight into SQLite files by the app's own store code in one transaction (and, for the floor, into a
 * minimal table), then the app server (`npm run serve`'s entry) and the floor (bench/floors/dashboard-floor.ts:
 * node:http + better-sqlite3, one index per query, the 50 records as JSON) run as processes of their own and this
 * process times HTTP requests to both, alternating, one at a time over a kept-alive connection. These routes make
 * no Wix call, so the server gets dummy Wix settings (a fresh public key, an API URL nothing answers).
 */
export const dashboardScale: BenchSection = async ({ quick, print }) => {
  const sizes = quick ? [1_000] : [1_000, 10_000, 100_000];
  const runs = quick ? 20 : 1000;
  const figures: Figure[] = [];
  const peakRss = new Map<number, number>();
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  for (const size of sizes) {
    const dir = mkdtempSync(path.join(tmpdir(), 'inbox-identity-scale-'));
    let app: ServerProcess | undefined;
    let floor: ServerProcess | undefined;
    try {
      const seeded = performance.now();
      seedAppStore(path.join(dir, 'inbox-identity.sqlite'), SITE, size);
      seedFloorStore(path.join(dir, 'floor.sqlite'), SITE, size);
      print(`${size.toLocaleString('en')} conversations: seeded the app's store and the floor's in ${ms(performance.now() - seeded)}`);
      app = await startServerProcess({ WIX_APP_ID: APP_ID, WIX_APP_SECRET: APP_SECRET, WIX_PUBLIC_KEY: publicKey, WIX_API_URL: 'http://127.0.0.1:9', DATA_DIR: dir });
      floor = await startServerProcess({ FLOOR_DB: path.join(dir, 'floor.sqlite') }, ['--import', 'tsx', 'bench/floors/dashboard-floor.ts']);
      const client = httpClient({ authorization: signInstanceToken({ instanceId: SITE, appDefId: APP_ID }, APP_SECRET) });
      // Both servers run slower for their first seconds (their code still being optimised): measured from the start,
      // the first shape's p99 at 100,000 was 2.6x the floor's and the same shape again 1.2x. So the first shape warms
      // up for WARM_AFTER_START_MS, not only its 50 requests.
      const warmUntil = performance.now() + WARM_AFTER_START_MS;

      for (const shape of shapesFor(size)) {
        const [appMs, floorMs] = await alternate(client, `${app.url}/api/conversations?limit=50${shape.app}`, `${floor.url}/?${shape.floor}`, runs, { warmUntil });
        figures.push({
          section: SECTION, what: `page of 50, ${shape.name}, ${size.toLocaleString('en')} conversations, p99`, unit: 'ms',
          app: appMs.p99, floor: floorMs.p99, better: 'lower', target: 2,
          note: `p50 ${ms(appMs.p50)} vs ${ms(floorMs.p50)}; floor: one index matching the query, the 50 records as JSON`,
        });
        print(`  ${shape.name.padEnd(34)} app p99 ${ms(appMs.p99).padStart(9)}  floor p99 ${ms(floorMs.p99).padStart(9)}  (${(appMs.p99 / floorMs.p99).toFixed(2)}×)`);
      }
      for (const [name, from, to] of periods()) {
        const [statsMs] = await alternate(client, `${app.url}/api/stats?from=${from}&to=${to}`, undefined, quick ? runs : 150);
        figures.push({
          section: SECTION, what: `/api/stats, ${name}, ${size.toLocaleString('en')} conversations, p99`, unit: 'ms',
          app: statsMs.p99, better: 'lower', target: 50, note: `p50 ${ms(statsMs.p50)}; a decision per conversation`,
        });
        print(`  /api/stats, ${name.padEnd(22)} p99 ${ms(statsMs.p99)}`);
      }
      client.close();
      peakRss.set(size, peakRssMb(app.child.pid!));
      print(`  app server peak RSS ${peakRss.get(size)!.toFixed(0)} MB (floor ${peakRssMb(floor.child.pid!).toFixed(0)} MB)`);
    } finally {
      await app?.stop();
      await floor?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const smallest = peakRss.get(sizes[0]!)!;
  const largest = peakRss.get(sizes.at(-1)!)!;
  figures.push({
    section: SECTION, what: `app server peak RSS (VmHWM) at ${sizes.at(-1)!.toLocaleString('en')} conversations`, unit: 'MB',
    app: largest, ...(sizes.length > 1 ? { floor: smallest, target: 1.5 } : {}), better: 'lower',
    note: sizes.length > 1 ? `floor: the same server at ${sizes[0]!.toLocaleString('en')} conversations (memory flat)` : 'one size only (--quick)',
  });
  return figures;
};

/** The shapes of issue 10: newest first, by type, by name both ways, search (a surname; nothing), a deep page by cursor. */
function shapesFor(size: number): Shape[] {
  const newestFirst = { field: 'lastMessageAt', order: 'desc' } as const;
  const middle = Array.from({ length: size }, (_, i) => seededConversation(SITE, i)).sort(compareConversations(newestFirst))[Math.floor(size / 2)]!;
  const position = positionOf(middle, 'lastMessageAt');
  const cursor = cursorAfter(newestFirst, { ...position, seen: Math.floor(size / 2) + 1 });
  return [
    { name: 'newest first', app: '', floor: 'shape=newest' },
    { name: 'members only, newest first', app: '&type=MEMBER', floor: 'shape=type&type=MEMBER' },
    { name: 'by name A–Z', app: '&sort=displayName:asc', floor: 'shape=name-asc' },
    { name: 'by name Z–A', app: '&sort=displayName:desc', floor: 'shape=name-desc' },
    { name: `search "${SEARCH_TERMS.name}" (1 in 50)`, app: `&search=${SEARCH_TERMS.name}`, floor: `shape=search&q=${SEARCH_TERMS.name}` },
    { name: `search "${SEARCH_TERMS.none}" (no match)`, app: `&search=${SEARCH_TERMS.none}`, floor: `shape=search&q=${SEARCH_TERMS.none}` },
    {
      name: 'deep page (the middle), by cursor', app: `&cursor=${cursor}`,
      floor: `shape=after&v=${encodeURIComponent(String(position.value))}&c=${position.conversationId}`,
    },
  ];
}

/** Card periods: the dashboard's last 7 and 30 days, the whole seeded year, and a month in its middle. */
function periods(): [string, string, string][] {
  const at = (ms: number) => new Date(ms).toISOString();
  return [
    ['last 7 days', at(SEED_END - 7 * DAY), at(SEED_END)],
    ['last 30 days', at(SEED_END - 30 * DAY), at(SEED_END)],
    ['the whole year', at(SEED_END - 400 * DAY), at(SEED_END)],
    ['a month mid-year', at(SEED_END - 200 * DAY), at(SEED_END - 170 * DAY)],
  ];
}

/**
 * Times `runs` requests to `a` (and to `b`, alternating, when given) after a warm-up of each (the JIT): at least
 * half the runs (at most 50), and on until `warmUntil` (a `performance.now()`) when given; answers their summaries.
 */
async function alternate(client: HttpClient, a: string, b: string | undefined, runs: number, { warmUntil = 0 } = {}) {
  const samples: number[][] = [[], []];
  const warmUp = Math.min(50, Math.ceil(runs / 2));
  for (let run = 0; run < warmUp || performance.now() < warmUntil; run++) for (const url of b ? [a, b] : [a]) await client.get(url, run === 0);
  for (let run = 0; run < runs; run++) {
    samples[0]!.push(await client.get(a));
    if (b) samples[1]!.push(await client.get(b));
  }
  return samples.map(summarise);
}

interface HttpClient {
  /** ms to the last byte of a 200; `check` also parses the body and fails loudly on anything else. */
  get(url: string, check?: boolean): Promise<number>;
  close(): void;
}

function httpClient(headers: Record<string, string>): HttpClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return {
    get: (url, check = false) => new Promise((resolve, reject) => {
      const started = performance.now();
      http.get(url, { agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const elapsed = performance.now() - started;
          const body = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) return reject(new Error(`GET ${url} → ${res.statusCode}: ${body.slice(0, 300)}`));
          if (check) {
            const parsed = JSON.parse(body) as unknown;
            const rows = Array.isArray(parsed) ? parsed : (parsed as { items?: unknown[] }).items;
            if (rows && rows.length === 0 && !url.includes(SEARCH_TERMS.none)) return reject(new Error(`GET ${url} answered no rows`));
          }
          resolve(elapsed);
        });
      }).on('error', reject);
    }),
    close: () => agent.destroy(),
  };
}

/** The process's peak resident set (VmHWM), MB. */
function peakRssMb(pid: number): number {
  const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return line ? Number(line[1]) / 1024 : Number.NaN;
}
