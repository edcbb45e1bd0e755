import { register } from 'node:module';

/** What the built worker's `cloudflare:workers` reads (cloudflare-workers.mjs): its bindings and `waitUntil`. */
export interface HostedRuntimeGlobal {
  env: Record<string, unknown>;
  waitUntil: (promise: Promise<unknown>) => void;
}

const RUNTIME = Symbol.for('inbox-identity.hosted-runtime');
let hooksRegistered = false;

/** The one runtime global of this process (created by whichever side touches it first). */
export function hostedRuntime(): HostedRuntimeGlobal {
  const holder = globalThis as unknown as Record<symbol, HostedRuntimeGlobal | undefined>;
  return (holder[RUNTIME] ??= { env: {}, waitUntil: () => {} });
}

/** Lets Node load the built worker: `cloudflare:workers` becomes the harness's stand-in module. */
export function registerWorkerModuleHooks(): void {
  if (hooksRegistered) return;
  register(new URL('./loader-hooks.mjs', import.meta.url));
  hooksRegistered = true;
}

/**
 * Imports a module with Node's own loader, not the test runner's transform: the built worker must run as it
 * ships (its `cloudflare:workers` import resolved by the hooks above, its code untouched).
 */
export const nativeImport = new Function('specifier', 'return import(specifier)') as
  (specifier: string) => Promise<Record<string, unknown>>;

/** Globals a Cloudflare-style worker may touch that Node lacks: `caches` (an empty cache: every lookup misses). */
export function installWorkerGlobals(): void {
  const holder = globalThis as unknown as { caches?: unknown };
  if (holder.caches) return;
  const cache = {
    match: async () => undefined,
    put: async () => {},
    delete: async () => false,
  };
  holder.caches = { default: cache, open: async () => cache };
}
