import type { Server } from 'node:http';
import type { Emulator } from '../emulator-types.js';
import { readBuiltApp, type BuiltApp } from './built-app.js';
import type { HostedRequestRecord, RequestScope } from './hosted-request.js';
import { startHttpFront } from './http-front.js';
import { requestKinds } from './request-kind.js';
import { runInScope, trackCpu } from './request-scope.js';
import { staticAssets } from './static-assets.js';
import { peekWebhookEvent } from './webhook-event.js';
import { checkAppMatches, loadWorker, workerEnv, type WorkerContext } from './worker-runtime.js';

export interface HostedWorkerOptions {
  emulator: Emulator;
  distDir?: string;
  /** Wix hosting: 20 sub-requests per request; the next fetch throws. */
  subrequestLimit?: number;
  /** Wix hosting: 1000 CPU ms per request; measured and reported as a violation (the harness cannot preempt). */
  cpuLimitMs?: number;
  port?: number;
  host?: string;
  /** Point the emulator's webhooks at the worker's callback URLs from the manifest (default true). */
  routeWebhooks?: boolean;
  /** Called with each request's record once it has answered and finished its background work. */
  onRequest?: (record: HostedRequestRecord) => void;
  /**
   * How many isolates serve the requests (default 1): each has its own module state, as separate Wix-hosted
   * isolates do, so nothing an app keeps in memory is shared between them. Requests go round-robin unless
   * `isolateFor` picks.
   */
  isolates?: number;
  isolateFor?: (request: Request, sequence: number) => number;
}

export interface HostedWorker {
  /** The HTTP front: `${url}/api/...`, `${url}/_wix/extensions/webhooks/<hash>`. */
  url: string;
  app: BuiltApp;
  /** Serves one request in-process, counted like one from the HTTP front. */
  fetch(request: Request): Promise<Response>;
  /** Every request served so far, oldest first (live records: a request still running has no status yet). */
  requests(): HostedRequestRecord[];
  resetRequests(): void;
  /** Resolves when every request so far has answered and finished its background work (telemetry flushes). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** Runs the built worker (dist/_worker.js) as Wix hosting would, its Wix calls answered by the emulator. */
export async function startHostedWorker(options: HostedWorkerOptions): Promise<HostedWorker> {
  const { emulator, subrequestLimit = 20, cpuLimitMs = 1000 } = options;
  const app = readBuiltApp(options.distDir);
  checkAppMatches(emulator, app);
  const env = workerEnv(emulator, staticAssets(app.distDir));
  const isolateCount = Math.max(1, options.isolates ?? 1);
  const workers = await Promise.all(Array.from({ length: isolateCount }, (_, i) => loadWorker(app, env, i)));
  const isolateFor = options.isolateFor ?? ((_: Request, sequence: number) => sequence % isolateCount);
  const kindOf = requestKinds(app);
  const stopCpu = trackCpu();
  let records: HostedRequestRecord[] = [];
  const finishing = new Set<Promise<void>>();
  let nextId = 1;

  async function serve(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const kind = kindOf(request.method, url.pathname);
    const id = nextId++;
    const isolate = Math.min(isolateCount - 1, Math.max(0, isolateFor(request, id - 1)));
    const record: HostedRequestRecord = { id, kind, method: request.method, path: url.pathname, isolate,
      startedAt: new Date().toISOString(), cpuMs: 0, subrequests: [], violations: [], settled: false };
    if (Object.hasOwn(app.webhooks, kind)) {
      const event = peekWebhookEvent(await request.clone().text());
      if (event) record.event = event;
    }
    records.push(record);
    const scope: RequestScope = { record, subrequestLimit, cpuLimitMs, emulatorUrl: emulator.url, background: [] };
    const ctx: WorkerContext = {
      waitUntil: (promise) => void scope.background.push(promise),
      passThroughOnException: () => {},
      props: {},
    };
    const started = performance.now();
    let response: Response;
    try {
      response = await runInScope(scope, () => workers[isolate]!.fetch(request, env, ctx));
      record.status = response.status;
    } catch (error) {
      record.status = 0;
      if (process.env.HOSTED_LOG_THROWS) console.error(error); // the stack of what the worker threw, for a failing test
      response = new Response(`The worker threw: ${String(error)}`, { status: 500 });
    }
    record.wallMs = performance.now() - started;
    const done = finish(scope).then(() => options.onRequest?.(record)).finally(() => finishing.delete(done));
    finishing.add(done);
    return response;
  }

  const front = await startHttpFront(serve, options.port, options.host);
  if (options.routeWebhooks !== false) {
    emulator.setWebhookUrls(Object.fromEntries(Object.entries(app.webhooks).map(([slug, path]) => [slug, `${front.url}${path}`])));
  }

  return {
    url: front.url,
    app,
    fetch: serve,
    requests: () => [...records],
    resetRequests: () => {
      records = [];
    },
    settled: async () => {
      while (finishing.size) await Promise.all([...finishing]);
    },
    close: async () => {
      while (finishing.size) await Promise.all([...finishing]);
      stopCpu();
      await closeServer(front.server);
    },
  };
}

/** Waits for the request's background work (more may be added while waiting), then checks the CPU limit. */
async function finish(scope: RequestScope): Promise<void> {
  for (let i = 0; i < scope.background.length; i++) await Promise.resolve(scope.background[i]).catch(() => {});
  const { record, cpuLimitMs } = scope;
  if (record.cpuMs > cpuLimitMs) {
    record.violations.push({ limit: 'cpu',
      message: `${record.kind}: ${record.cpuMs.toFixed(0)} CPU ms, past Wix hosting's ${cpuLimitMs} ms per request` });
  }
  record.settled = true;
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
