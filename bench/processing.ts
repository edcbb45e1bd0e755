import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { silentLogger, startEmulator, type Emulator } from '../emulator/index.js';
import type { BenchSection, Figure } from './figures.js';
import { cpuMsOf, peakRssMbOf, threadCpuMsOf } from './processing/child-usage.js';
import { signedMix, type MixShape } from './processing/event-mix.js';
import { startWixCallCounter, type WixCallCounter } from './processing/wix-call-counter.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { median, ms, pairedRatio, pool, summarise } from './stats.js';
import { MAX_LANES } from '../src/services/event-worker.js';
import { WAL_SIZE_LIMIT_BYTES } from '../src/store/wal-checkpointer.js';

const SECTION = 'Processing';
const APP = { name: 'app', database: 'inbox-identity.sqlite' };
const FLOOR = { name: 'floor', database: 'floor.sqlite', command: ['--import', 'tsx', 'bench/floors/processing-floor.ts'] };
/** The same floor with the Wix SDK doing what the app must do through it (the webhook's dispatch, the calls). */
const SDK_FLOOR = { name: 'floor-sdk', database: 'floor.sqlite', command: [...FLOOR.command, '--sdk'] };
type Server = typeof APP & { command?: string[] };
/**
 * Runs of each server, by turns, behind every flood and one-at-a-time figure (their median is the figure). Five, not
 * three: with three, runs of the same code minutes apart put events/s at 0.71x-0.96x the floor (the floor's own runs
 * in one bench spanned 707-1,092 events/s).
 */
const PAIRS = 5;
type SustainedRun = Awaited<ReturnType<typeof sustainedLoad>>;

/** The median of each figure over the runs; the WAL's largest size is the largest of any run (it has a limit). */
function medianRun(runs: SustainedRun[]): SustainedRun {
  const of = (pick: (run: SustainedRun) => number) => median(runs.map(pick));
  return {
    ...runs[0]!,
    eventsPerSecond: of((r) => r.eventsPerSecond),
    cpuMsPerEvent: of((r) => r.cpuMsPerEvent),
    mainCpuMsPerEvent: of((r) => r.mainCpuMsPerEvent),
    otherCpuMsPerEvent: of((r) => r.otherCpuMsPerEvent),
    warmCpuMsPerEvent: of((r) => r.warmCpuMsPerEvent),
    wixCalls: of((r) => r.wixCalls),
    drainMs: of((r) => r.drainMs),
    backlogAtLastAnswer: of((r) => r.backlogAtLastAnswer),
    walMb: Math.max(...runs.map((r) => r.walMb)),
  };
}

/**
 * Event processing, app against floor, each its own process fed from this one: the emulator (rate limit off) and
 * a counting pass-through to it live here, so the server's CPU and RSS (from /proc) are its own. Both journal
 * before answering and process after; the backlog is read from each one's SQLite file.
 */
export const processing: BenchSection = async ({ quick, print }) => {
  const emulator = await startEmulator({ log: silentLogger, rateLimitPerMinute: false });
  const counter = await startWixCallCounter(emulator.url);
  try {
    const shape: MixShape = quick ? { sites: 2, people: 10, messagesEach: 5 } : { sites: 8, people: 30, messagesEach: 10 };
    // The floors and the app by turns, PAIRS times each; each figure is the median of its runs and each ratio the median
    // of the pairs' own (pairedRatio): on a shared 2-core machine one pair alone put CPU an event anywhere from 1.14x to
    // 1.69x (three runs of the same build, minutes apart).
    const pairs = quick ? 1 : PAIRS;
    // The emulator and the call counter answer the servers' Wix calls from this process, and their first flood runs
    // their code cold: the server facing it waits on Wix longer (the floor's first run was its slowest in both of one
    // session's benches: 921 and 887 events/s, against 1,025-1,227 after). One flood first, not counted.
    if (!quick) await sustainedLoad(emulator, counter, FLOOR, shape, (line) => print(`warm-up, not counted: ${line}`));
    const flooded = { floor: [] as SustainedRun[], sdkFloor: [] as SustainedRun[], app: [] as SustainedRun[] };
    for (let i = 0; i < pairs; i++) {
      flooded.floor.push(await sustainedLoad(emulator, counter, FLOOR, shape, print));
      flooded.sdkFloor.push(await sustainedLoad(emulator, counter, SDK_FLOOR, shape, print));
      flooded.app.push(await sustainedLoad(emulator, counter, APP, shape, print));
    }
    const sustained = { floor: medianRun(flooded.floor), sdkFloor: medianRun(flooded.sdkFloor), app: medianRun(flooded.app) };
    const runs = pairs > 1 ? `the median of ${pairs} runs each, floors and app by turns; the ratio is the median of the ${pairs} pairs' own` : undefined;
    const andRuns = (note: string) => (runs ? `${note}; ${runs}` : note);
    /** A flood figure's ratio: the median of the pairs' own, the app's run against the floor's just before it. */
    const paired = (against: SustainedRun[], pick: (run: SustainedRun) => number) => pairedRatio(flooded.app.map(pick), against.map(pick));
    /** The span of each server's runs of a flood figure, for its note (how far the machine moved them). */
    const spans = (pick: (run: SustainedRun) => number, digits: number, unit: string) => {
      const span = (list: SustainedRun[]) => `${Math.min(...list.map(pick)).toFixed(digits)}-${Math.max(...list.map(pick)).toFixed(digits)}`;
      return runs ? `; the runs: app ${span(flooded.app)}, floor ${span(flooded.floor)} ${unit}` : '';
    };
    /** Where a CPU figure's time went: the main thread (the JavaScript) and the others (V8's compiler and GC helpers, libuv's pool, the app's WAL checkpointer). */
    const byThread = (floor: SustainedRun) => `; main thread: app ${sustained.app.mainCpuMsPerEvent.toFixed(2)}, floor `
      + `${floor.mainCpuMsPerEvent.toFixed(2)} ms; the other threads (V8's compiler and GC, libuv's pool, the app's WAL checkpointer): app `
      + `${sustained.app.otherCpuMsPerEvent.toFixed(2)}, floor ${floor.otherCpuMsPerEvent.toFixed(2)} ms (medians; each thread read in ticks of 10 ms)`;
    const eventsPerSecond = (run: SustainedRun) => run.eventsPerSecond;
    const cpu = (run: SustainedRun) => run.cpuMsPerEvent;
    // A sustained load the floor keeps up with easily: half its rate, 64 in flight at most.
    const rate = sustained.floor.eventsPerSecond / 2;
    const paced = { floor: await pacedLoad(emulator, counter, FLOOR, shape, rate, print), app: await pacedLoad(emulator, counter, APP, shape, rate, print) };
    const answered = { floor: [] as number[], app: [] as number[] };
    for (let i = 0; i < pairs; i++) {
      answered.floor.push((await oneAtATime(emulator, counter, FLOOR, shape, print)).p50);
      answered.app.push((await oneAtATime(emulator, counter, APP, shape, print)).p50);
    }
    const single = { floor: { p50: median(answered.floor) }, app: { p50: median(answered.app) } };
    const events = quick ? 200 : 10_000;
    const shapes = rssShapes(events);
    // A peak lands wherever a full GC happens to fall (one shape measured 156 and 188 MB in two runs): the higher of two runs each.
    const peakOfTwo = async (shape: MixShape) => Math.max(await peakRss(emulator, counter, shape, print), await peakRss(emulator, counter, shape, print));
    const fewSites = await peakOfTwo(shapes.fewSites);
    const manySites = await peakOfTwo(shapes.manySites);
    const mix = `${shape.sites} sites × ${shape.people} people (visitors, contacts, members) × ${shape.messagesEach} messages`;
    // A figure with a paired ratio gives the ratio of its medians (its app / floor) in its note too.
    const figure = (f: Omit<Figure, 'section'>): Figure => ({ section: SECTION, ...f,
      ...(runs && f.ratio !== undefined && f.floor ? { note: [f.note, `(the ratio of the medians: ${(f.app / f.floor).toFixed(2)}×)`].filter(Boolean).join(' ') } : {}) });
    return [
      figure({ what: `events processed per second, ${mix}, 64 concurrent`, unit: 'events/s', app: sustained.app.eventsPerSecond,
        floor: sustained.floor.eventsPerSecond, ratio: paired(flooded.floor, eventsPerSecond), better: 'higher', target: 0.8,
        note: andRuns(`floor: RS256 verify, SQLite insert, the same Wix calls, ≤ 5 SQLite writes a message${spans(eventsPerSecond, 0, 'events/s')}`) }),
      figure({ what: 'CPU per processed event (server process, user + system)', unit: 'ms', app: sustained.app.cpuMsPerEvent,
        floor: sustained.floor.cpuMsPerEvent, ratio: paired(flooded.floor, cpu), better: 'lower', target: 1.5,
        note: andRuns(`utime + stime from /proc/<pid>/stat over the run, ÷ events${byThread(sustained.floor)}${spans(cpu, 2, 'ms')}`) }),
      figure({ what: 'events processed per second, against the floor built on the Wix SDK', unit: 'events/s', app: sustained.app.eventsPerSecond,
        floor: sustained.sdkFloor.eventsPerSecond, ratio: paired(flooded.sdkFloor, eventsPerSecond), better: 'higher', target: 0.8,
        note: andRuns('the same floor with the SDK verifying and dispatching the webhook and making the same Wix calls, as the app must') }),
      figure({ what: 'CPU per processed event, against the floor built on the Wix SDK', unit: 'ms', app: sustained.app.cpuMsPerEvent,
        floor: sustained.sdkFloor.cpuMsPerEvent, ratio: paired(flooded.sdkFloor, cpu), better: 'lower', target: 1.5,
        note: andRuns(`the two floors' difference is the SDK's cost: ${(sustained.sdkFloor.cpuMsPerEvent - sustained.floor.cpuMsPerEvent).toFixed(2)} ms an event${byThread(sustained.sdkFloor)}`) }),
      figure({ what: 'CPU per processed event, the same flood again on the warm process', unit: 'ms', app: sustained.app.warmCpuMsPerEvent,
        floor: sustained.floor.warmCpuMsPerEvent, ratio: paired(flooded.floor, (run) => run.warmCpuMsPerEvent), better: 'lower',
        note: andRuns('the figure above includes compiling the code as it first runs (both servers start cold); this one does not') }),
      figure({ what: 'WAL file at its largest, flood: 64 concurrent as fast as answered', unit: 'MB', app: sustained.app.walMb,
        floor: sustained.floor.walMb, better: 'lower', limit: WAL_SIZE_LIMIT_BYTES / 1024 / 1024,
        note: `sampled every 20 ms, the largest of any run; the floor's writer checkpoints itself every 1000 pages, the app's worker does it off the event loop` }),
      figure({ what: 'Wix calls for the realistic mix (token, one lookup per new person, Get Or Create, Send)', unit: 'calls',
        app: sustained.app.wixCalls, floor: sustained.floor.wixCalls, better: 'lower', target: 1.05 }),
      figure({ what: 'webhook answer p50, 1 at a time, processing running', unit: 'ms', app: single.app.p50, floor: single.floor.p50,
        ratio: pairedRatio(answered.app, answered.floor), better: 'lower', target: 2, ...(runs ? { note: runs } : {}) }),
      figure({ what: `backlog drained after the last answer, sustained ${Math.round(rate)} events/s (half the floor's), ≤ 64 in flight`, unit: 'ms',
        app: paced.app.drainMs, better: 'lower', target: 2000,
        note: `largest backlog: app ${paced.app.mostBacklog}, floor ${paced.floor.mostBacklog} (floor drained in ${Math.round(paced.floor.drainMs)} ms); Wix pacing off` }),
      figure({ what: 'backlog drained after the last answer, flood: 64 concurrent as fast as answered', unit: 'ms', app: sustained.app.drainMs,
        floor: sustained.floor.drainMs, ratio: paired(flooded.floor, (run) => run.drainMs), better: 'lower',
        note: andRuns(`backlog at the last answer: app ${sustained.app.backlogAtLastAnswer}, floor ${sustained.floor.backlogAtLastAnswer}`) }),
      figure({ what: `peak RSS, ${events.toLocaleString('en')} sites vs ${MAX_LANES} (about ${events.toLocaleString('en')} first messages each)`, unit: 'MB',
        app: manySites, floor: fewSites, better: 'lower', target: 1.25,
        note: `the app both times: the "floor" is the same app with ${MAX_LANES} sites, one per lane, so both keep every lane busy; every event is a new visitor's first message (and its reply) in both; the higher of two runs each` }),
    ];
  } finally {
    await counter.close();
    await emulator.close();
  }
};

/** Starts a server as its own process on a fresh data folder; `pacing off` lifts the app's own Wix pacing. */
async function start(server: Server, emulator: Emulator, counter: WixCallCounter): Promise<ServerProcess & { dataDir: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `bench-processing-${server.name}-`));
  const { appId, appSecret, publicKeyPem } = emulator.app;
  const env = { WIX_APP_ID: appId, WIX_APP_SECRET: appSecret, WIX_PUBLIC_KEY: publicKeyPem, WIX_API_URL: counter.url, DATA_DIR: dataDir, WIX_PACING: 'off' };
  const child = await startServerProcess(env, server.command);
  let tail = '';
  const keep = (chunk: Buffer) => void (tail = (tail + chunk.toString()).slice(-4000));
  child.child.stdout!.on('data', keep);
  child.child.stderr!.on('data', keep);
  child.child.once('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') console.error(`${server.name} server exited (${code ?? signal}); its last output:\n${tail}`);
  });
  return { ...child, dataDir, stop: async () => { await child.stop(); rmSync(dataDir, { recursive: true, force: true }); } };
}

/** The largest size a WAL file reached (MB), sampled every 20 ms until `stop`. */
function walSampler(file: string): { stop(): number } {
  let largest = 0;
  const sample = () => {
    try {
      largest = Math.max(largest, statSync(file).size);
    } catch {
      // Not there (yet, or any more): nothing to count.
    }
  };
  const timer = setInterval(sample, 20);
  return { stop: () => (sample(), clearInterval(timer), largest / 1024 / 1024) };
}

/** Events journaled and not done yet, read from the server's own SQLite file. */
function backlogReader(dataDir: string, database: string): () => number {
  let db: Database.Database | undefined;
  return () => {
    db ??= new Database(path.join(dataDir, database), { readonly: true, fileMustExist: true });
    return (db.prepare('SELECT count(*) AS n FROM journal WHERE done = 0').get() as { n: number }).n;
  };
}

async function drained(backlog: () => number, timeoutMs = 120_000): Promise<number> {
  const until = performance.now() + timeoutMs;
  while (backlog() > 0) {
    if (performance.now() > until) throw new Error(`backlog not drained within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return performance.now();
}

/** One delivery, timed. A kept-alive connection the server closed just then is tried again once, as Wix resends. */
async function post(url: string, jwt: string): Promise<number> {
  const t0 = performance.now();
  const send = () => fetch(`${url}/webhooks`, { method: 'POST', body: jwt });
  const response = await send().catch((error: Error) => {
    if ((error.cause as { code?: string } | undefined)?.code !== 'ECONNRESET') throw error;
    return send();
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
  return performance.now() - t0;
}

/** 64 webhooks in flight at once until all are answered; then how long processing takes to catch up. */
async function sustainedLoad(emulator: Emulator, counter: WixCallCounter, server: Server, shape: MixShape, print: (line: string) => void) {
  const jwts = await signedMix(emulator, shape);
  const child = await start(server, emulator, counter);
  try {
    const pid = child.child.pid!;
    const backlog = backlogReader(child.dataDir, server.database);
    const wal = walSampler(path.join(child.dataDir, `${server.database}-wal`));
    counter.reset();
    const cpuBefore = cpuMsOf(pid);
    const threadsBefore = threadCpuMsOf(pid);
    const started = performance.now();
    const latencies: number[] = [];
    await pool(jwts, 64, async (jwt) => void latencies.push(await post(child.url, jwt)));
    const lastAnswer = performance.now();
    const backlogAtLastAnswer = backlog();
    const done = await drained(backlog);
    const cpuMsPerEvent = (cpuMsOf(pid) - cpuBefore) / jwts.length;
    const threads = threadCpuMsOf(pid);
    const result = { eventsPerSecond: jwts.length / ((done - started) / 1000), cpuMsPerEvent, wixCalls: counter.calls,
      mainCpuMsPerEvent: (threads.main - threadsBefore.main) / jwts.length, otherCpuMsPerEvent: (threads.others - threadsBefore.others) / jwts.length,
      drainMs: done - lastAnswer, backlogAtLastAnswer, answer: summarise(latencies), walMb: wal.stop() };
    print(`${server.name}: ${jwts.length} events, 64 concurrent: answer p50 ${ms(result.answer.p50)} p99 ${ms(result.answer.p99)}; `
      + `${result.eventsPerSecond.toFixed(0)} events/s; ${cpuMsPerEvent.toFixed(2)} ms CPU an event (main thread `
      + `${result.mainCpuMsPerEvent.toFixed(2)}, the others ${result.otherCpuMsPerEvent.toFixed(2)}); ${result.wixCalls} Wix calls; `
      + `backlog ${backlogAtLastAnswer} at the last answer, drained ${ms(result.drainMs)} after; WAL at most ${result.walMb.toFixed(1)} MB`);
    print(`  Wix calls: ${Object.entries(counter.byRoute()).map(([route, n]) => `${route} ${n}`).join(', ')}`);
    // The same again on the same process, its code compiled by now: what an event costs a server that has been up a while.
    const again = await signedMix(emulator, shape);
    const warmCpuBefore = cpuMsOf(pid);
    await pool(again, 64, async (jwt) => void (await post(child.url, jwt)));
    await drained(backlog);
    const warmCpuMsPerEvent = (cpuMsOf(pid) - warmCpuBefore) / again.length;
    print(`${server.name}: the same flood again on the warm process: ${warmCpuMsPerEvent.toFixed(2)} ms CPU an event`);
    return { ...result, warmCpuMsPerEvent };
  } finally {
    await child.stop();
  }
}

/** Events arriving at `rate` a second (at most 64 in flight); the backlog sampled as they come, then the drain. */
async function pacedLoad(emulator: Emulator, counter: WixCallCounter, server: Server, shape: MixShape, rate: number, print: (line: string) => void) {
  const jwts = await signedMix(emulator, shape);
  const child = await start(server, emulator, counter);
  try {
    const backlog = backlogReader(child.dataDir, server.database);
    let mostBacklog = 0;
    const sampler = setInterval(() => (mostBacklog = Math.max(mostBacklog, backlog())), 50);
    const started = performance.now();
    let next = 0;
    await pool(jwts, 64, async (jwt) => {
      const due = started + (next++ * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await post(child.url, jwt);
    });
    const lastAnswer = performance.now();
    clearInterval(sampler);
    mostBacklog = Math.max(mostBacklog, backlog());
    const drainMs = (await drained(backlog)) - lastAnswer;
    print(`${server.name}: ${jwts.length} events at ${rate.toFixed(0)} a second: largest backlog ${mostBacklog}, drained ${ms(drainMs)} after the last answer`);
    return { mostBacklog, drainMs };
  } finally {
    await child.stop();
  }
}

/** One webhook at a time, each answered while the events before it are still being processed. */
async function oneAtATime(emulator: Emulator, counter: WixCallCounter, server: Server, shape: MixShape, print: (line: string) => void) {
  const jwts = await signedMix(emulator, shape);
  const child = await start(server, emulator, counter);
  try {
    const latencies: number[] = [];
    for (const jwt of jwts) latencies.push(await post(child.url, jwt));
    await drained(backlogReader(child.dataDir, server.database));
    const answer = summarise(latencies);
    print(`${server.name}: ${jwts.length} events one at a time, processing running: answer p50 ${ms(answer.p50)}, p99 ${ms(answer.p99)}`);
    return answer;
  } finally {
    await child.stop();
  }
}

/**
 * The two shapes the peak-RSS figure compares: about `events` events from as many sites, and as many from 64 sites
 * (one per lane, so both keep every lane busy). Each event is a new visitor's first message in both (Get Or Create,
 * the newest messages, a reply), so what differs is only how many sites there are. (The baseline used to be one person
 * writing 157 times a site: mostly follow-ups with no Wix call, which hold less in flight; the figure measured that.)
 */
export function rssShapes(events: number): { fewSites: MixShape; manySites: MixShape } {
  return {
    fewSites: { sites: MAX_LANES, people: Math.ceil(events / MAX_LANES), messagesEach: 1, kinds: ['visitor'] },
    manySites: { sites: events, people: 1, messagesEach: 1, kinds: ['visitor'] },
  };
}

/** The app's peak RSS after processing this mix (64 concurrent); bench/peak-rss.ts runs it alone. */
export async function peakRss(emulator: Emulator, counter: WixCallCounter, shape: MixShape, print: (line: string) => void): Promise<number> {
  const jwts = await signedMix(emulator, shape);
  const child = await start(APP, emulator, counter);
  try {
    await pool(jwts, 64, async (jwt) => void (await post(child.url, jwt)));
    await drained(backlogReader(child.dataDir, APP.database), 600_000);
    const peak = peakRssMbOf(child.child.pid!);
    print(`app: ${shape.sites} site(s), ${jwts.length} events: peak RSS ${peak.toFixed(1)} MB`);
    return peak;
  } finally {
    await child.stop();
  }
}
