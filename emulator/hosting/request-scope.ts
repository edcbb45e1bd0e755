import { AsyncLocalStorage, createHook } from 'node:async_hooks';
import type { RequestScope } from './hosted-request.js';

/** The request the running code belongs to; timers and promises a request starts stay in its scope. */
export const requestScope = new AsyncLocalStorage<RequestScope>();

interface Slice {
  scope: RequestScope | undefined;
  startedUs: number;
}

/** Slices can nest (a callback run synchronously inside another): the inner one pauses the outer. */
const open: Slice[] = [];
const cpuNowUs = () => {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
};

function charge(slice: Slice, nowUs: number): void {
  if (slice.scope) slice.scope.record.cpuMs += (nowUs - slice.startedUs) / 1000;
}

function beginSlice(scope: RequestScope | undefined): void {
  const now = cpuNowUs();
  const outer = open.at(-1);
  if (outer) charge(outer, now);
  open.push({ scope, startedUs: now });
}

function endSlice(): void {
  const now = cpuNowUs();
  const slice = open.pop();
  if (slice) charge(slice, now);
  const outer = open.at(-1);
  if (outer) outer.startedUs = now;
}

/**
 * CPU per request: every callback and promise continuation that runs in a request's scope is one slice of the
 * event loop, timed with the process's CPU clock; the emulator's own work (served in its HTTP server's scope)
 * is not counted. An approximation of the isolate's CPU time, good to a few percent when requests run one at
 * a time, and still attributable when they run concurrently.
 */
const cpuHook = createHook({
  before() {
    beginSlice(requestScope.getStore());
  },
  after() {
    endSlice();
  },
});

let users = 0;

/** Starts counting CPU (once per process, while any hosted worker is open); returns the stop function. */
export function trackCpu(): () => void {
  if (users++ === 0) cpuHook.enable();
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    if (--users === 0) cpuHook.disable();
  };
}

/** Runs `fn` in the request's scope, its synchronous part counted as the first slice. */
export function runInScope<T>(scope: RequestScope, fn: () => T): T {
  return requestScope.run(scope, () => {
    beginSlice(scope);
    try {
      return fn();
    } finally {
      endSlice();
    }
  });
}
