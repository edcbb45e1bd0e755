import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureBundled, ROOT } from '../scripts/bundle.mjs';
import type { BenchSection, Figure } from './figures.js';

/**
 * Cold start, measured as a person sees it: from spawning the command to the first 200 (`npm run serve`) or to the
 * URLs printed (`npm start`). The floor is a minimal node:http server bundled ahead the same way
 * (bench/cold-start-floor.ts), opening the same SQLite file and answering one route. Runs alternate app and floor so
 * the machine's load falls on both; each figure is the median. The bundles are brought up to date first, as the
 * first `npm run serve` after a change would (that one-off cost is its own figure).
 */
export const coldStart: BenchSection = async ({ quick, print }) => {
  const rounds = quick ? 1 : 9;
  const startRuns = quick ? 1 : 5;
  await Promise.all([ensureBundled('server'), ensureBundled('start'), ensureBundled('browser')]);
  const floorEntry = await bundleFloor();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'inbox-identity-cold-start-'));
  try {
    const env = serveEnv(dataDir);
    await firstAnswer(process.execPath, ['scripts/launch.mjs', 'serve'], env); // creates the store's schema; not counted
    const times = { floor: [] as number[], entry: [] as number[], npm: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      times.floor.push(await firstAnswer(process.execPath, [floorEntry], env));
      times.entry.push(await firstAnswer(process.execPath, ['scripts/launch.mjs', 'serve'], env));
      times.npm.push(await firstAnswer('npm', ['run', 'serve', '--silent'], env));
    }
    print(`serve, first 200 (ms), ${rounds} runs each: floor ${list(times.floor)}; node scripts/launch.mjs serve ${list(times.entry)}; npm run serve ${list(times.npm)}`);
    const start = { npm: [] as number[], entry: [] as number[] };
    for (let run = 0; run < startRuns; run++) {
      start.npm.push(await urlsPrinted('npm', ['start', '--silent', '--', '--once']));
      if (!quick) start.entry.push(await urlsPrinted(process.execPath, ['scripts/launch.mjs', 'start', '--once']));
    }
    print(`start, URLs printed (ms), ${startRuns} runs each: npm start ${list(start.npm)}${quick ? '' : `; node scripts/launch.mjs start ${list(start.entry)}`}`);
    const section = 'Cold start';
    const figures: Figure[] = [
      { section, what: '`npm run serve` → first 200 (the compiled entry: node scripts/launch.mjs serve)', unit: 'ms', app: median(times.entry), floor: median(times.floor),
        better: 'lower', limit: 500, note: `floor: node:http + the same SQLite file, bundled ahead; medians of ${rounds}; bundle up to date (checked at each start)` },
      { section, what: '`npm run serve` → first 200, npm\'s own start included', unit: 'ms', app: median(times.npm), better: 'lower', target: 500,
        note: `npm run adds about ${Math.round(median(times.npm) - median(times.entry))} ms before the entry starts` },
      { section, what: '`npm start` → URLs printed (demo seeded)', unit: 'ms', app: median(start.npm), better: 'lower', target: 3000, note: `median of ${startRuns}; \`npm start -- --once\`` },
    ];
    if (!quick) figures.push({ section, what: '`npm start` → URLs printed, npm\'s own start left out (node scripts/launch.mjs start)', unit: 'ms', app: median(start.entry), better: 'lower' });
    if (!quick) figures.push({ section, what: 'first start after a change: bundling server + browser from nothing', unit: 'ms', app: await bundleFromNothing(), better: 'lower',
      note: 'once per change of the sources; an up-to-date bundle costs a stat of each source' });
    return figures;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
};

function serveEnv(dataDir: string): Record<string, string> {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    PATH: process.env.PATH!,
    PORT: '0',
    WIX_APP_ID: '00000000-0000-4000-8000-00000000c01d',
    WIX_APP_SECRET: 'cold-start-secret',
    WIX_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    WIX_API_URL: 'http://127.0.0.1:9',
    DATA_DIR: dataDir,
  };
}

/** The floor, bundled ahead like the app (esbuild, better-sqlite3 external) into build/bench/. */
async function bundleFloor(): Promise<string> {
  const esbuild = await import('esbuild');
  const outfile = path.join(ROOT, 'build', 'bench', 'cold-start-floor.js');
  mkdirSync(path.dirname(outfile), { recursive: true });
  await esbuild.build({ entryPoints: [path.join(ROOT, 'bench', 'cold-start-floor.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20',
    external: ['better-sqlite3'], logLevel: 'silent' });
  return outfile;
}

/** ms from spawning `command` to the first 200 from it (it prints `… on http://…` once listening). */
async function firstAnswer(command: string, args: string[], env: Record<string, string>): Promise<number> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  try {
    const url = await waitFor(child, /on (http:\/\/[^\s)]+)/);
    const response = await fetch(`${url}/healthz`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${command} ${args.join(' ')}: /healthz answered ${response.status}`);
    return performance.now() - started;
  } finally {
    await stop(child);
  }
}

/** ms from spawning `command` to its printing the dashboard's URL; then waits for it to exit (`--once`). */
async function urlsPrinted(command: string, args: string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: ROOT, env: { PATH: process.env.PATH! }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    await waitFor(child, /Dashboard: +(http:\/\/\S+)/);
    const took = performance.now() - started;
    await exited;
    return took;
  } finally {
    await stop(child);
  }
}

function waitFor(child: ReturnType<typeof spawn>, pattern: RegExp): Promise<string> {
  let output = '';
  return new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const found = pattern.exec(output);
      if (found) resolve(found[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited (${code}) before printing ${pattern}:\n${output.slice(-2000)}`)));
  });
}

/** SIGTERM to the whole process group (npm, its shell, node), then wait for the exit. */
function stop(child: ReturnType<typeof spawn>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      resolve();
    }
  });
}

async function bundleFromNothing(): Promise<number> {
  const out = mkdtempSync(path.join(ROOT, 'build', 'bench-empty-'));
  try {
    const started = performance.now();
    await Promise.all([ensureBundled('server', { out }), ensureBundled('browser', { out })]);
    return performance.now() - started;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
};
const list = (values: number[]) => values.map((value) => Math.round(value)).join(' ');
