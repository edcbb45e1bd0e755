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
 * Imports a module with Node's own loader, as it ships: the worker's code untransformed and its
 * `cloudflare:workers` resolved by the hooks above. A test runner transforms the modules it loads (vitest even
 * inlines every .mjs outside node_modules); a `data:` module is always left to Node, and its `import()` is Node's.
 */
export async function nativeImport(url: string): Promise<Record<string, unknown>> {
  const loader = (await import(/* @vite-ignore */ NATIVE_IMPORTER)) as { default: (url: string) => Promise<Record<string, unknown>> };
  return loader.default(url);
}

const NATIVE_IMPORTER = 'data:text/javascript,export default (url) => import(url);';

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
