// `cloudflare:workers` for the built worker when the hosted harness runs it in Node (see runtime-hooks.ts).
// The worker reads its bindings from `env` when its modules load and hands background work to `waitUntil`;
// both live on one global the harness owns, so the harness sets the secrets before the worker is imported
// and counts `waitUntil` work toward the request that started it.
const RUNTIME = Symbol.for('inbox-identity.hosted-runtime');
const runtime = (globalThis[RUNTIME] ??= { env: {}, waitUntil: () => {} });

export const env = runtime.env;
export const waitUntil = (promise) => runtime.waitUntil(promise);
export class DurableObject {}
export class WorkerEntrypoint {}
export class RpcTarget {}
export class RpcStub {}
