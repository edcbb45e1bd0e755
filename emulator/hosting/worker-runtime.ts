import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Emulator } from '../emulator-types.js';
import { readBuiltApp, type BuiltApp } from './built-app.js';
import { hostedRuntime, installWorkerGlobals, nativeImport, registerWorkerModuleHooks } from './runtime-hooks.js';
import { requestScope } from './request-scope.js';
import { installWixFetch } from './wix-fetch.js';

/** The built worker's default export, as a Cloudflare-style runtime calls it. */
export interface WorkerModule {
  fetch(request: Request, env: Record<string, unknown>, ctx: WorkerContext): Promise<Response>;
}

export interface WorkerContext {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
  props: Record<string, unknown>;
}

/** The instance the runtime's cookie and no-token paths fall back to; Wix sets it, nothing here reads it. */
const PLACEHOLDER_INSTANCE_ID = '00000000-0000-0000-0000-000000000000';

let processApp: { appId: string; appSecret: string; privateKeyPem: string } | undefined;
const loaded = new Map<string, Promise<WorkerModule>>();
let secretsOf: string | undefined;

/**
 * The app the emulator must play for the built worker: the app ID baked into the build, and one secret and
 * webhook key pair per process (the worker reads its secrets once, when it loads, as a Wix-hosted isolate does).
 * Pass it to `startEmulator({ app: hostedApp() })`.
 */
export function hostedApp(distDir = 'dist'): { appId: string; appSecret: string; privateKeyPem: string } {
  const { appId } = readBuiltApp(distDir);
  processApp ??= {
    appId,
    appSecret: `hosted-secret-${randomBytes(12).toString('hex')}`,
    privateKeyPem: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
      .export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
  return processApp;
}

/**
 * The bindings the @wix/astro runtime reads (astro:env/server): WIX_CLIENT_SECRET (the app secret: token
 * grants), WIX_CLIENT_PUBLIC_KEY (verifies webhook JWTs), WIX_CLIENT_INSTANCE_ID (required by the schema).
 * WIX_CLIENT_ID is baked into the build from wix.config.json. ASSETS serves the built static files.
 */
export function workerEnv(emulator: Emulator, assets: { fetch(url: string | Request): Promise<Response> }) {
  return {
    WIX_CLIENT_ID: emulator.app.appId,
    WIX_CLIENT_SECRET: emulator.app.appSecret,
    WIX_CLIENT_PUBLIC_KEY: emulator.app.publicKeyPem,
    WIX_CLIENT_INSTANCE_ID: PLACEHOLDER_INSTANCE_ID,
    ASSETS: assets,
  };
}

/**
 * Loads the built worker once per process and isolate, with its bindings set first. Isolate 0 is dist/ itself;
 * each other isolate is its own copy of the worker's files, so its module state (caches, tokens an app keeps
 * in memory) is its own, as in separate Wix-hosted isolates. A second emulator in the same process must play
 * the same app (use `hostedApp()`), since the worker has already read its secrets.
 */
export async function loadWorker(built: BuiltApp, env: Record<string, unknown>, isolate = 0): Promise<WorkerModule> {
  const secrets = `${String(env.WIX_CLIENT_SECRET)}|${String(env.WIX_CLIENT_PUBLIC_KEY)}`;
  if (secretsOf !== undefined && secretsOf !== secrets) {
    throw new Error('The built worker is already loaded in this process with another app secret or webhook key: ' +
      'start every emulator with `startEmulator({ app: hostedApp() })` so they all play the same app');
  }
  const runtime = hostedRuntime();
  Object.assign(runtime.env, env);
  runtime.waitUntil = (promise) => void requestScope.getStore()?.background.push(promise);
  secretsOf = secrets;
  const entryPath = isolate === 0 ? built.workerEntry : isolateCopy(built.workerEntry, isolate);
  let worker = loaded.get(entryPath);
  if (!worker) {
    registerWorkerModuleHooks();
    installWorkerGlobals();
    installWixFetch();
    worker = nativeImport(pathToFileURL(entryPath).href).then((module) => {
      const entry = module.default as WorkerModule | undefined;
      if (typeof entry?.fetch !== 'function') throw new Error(`${entryPath} has no default export with fetch()`);
      return entry;
    });
    loaded.set(entryPath, worker);
  }
  return worker;
}

const ISOLATES_DIR = join(tmpdir(), `inbox-identity-isolates-${process.pid}`);
let cleanupRegistered = false;

/** A copy of the worker's folder for one more isolate (once per process), removed when the process exits. */
function isolateCopy(workerEntry: string, isolate: number): string {
  const workerDir = dirname(workerEntry);
  const copy = join(ISOLATES_DIR, String(isolate), basename(workerDir));
  if (!existsSync(copy)) cpSync(workerDir, copy, { recursive: true });
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.once('exit', () => rmSync(ISOLATES_DIR, { recursive: true, force: true }));
  }
  return join(copy, basename(workerEntry));
}

export function checkAppMatches(emulator: Emulator, built: BuiltApp): void {
  if (emulator.app.appId !== built.appId) {
    throw new Error(`The emulator plays app ${emulator.app.appId}, but ${built.distDir} was built for app ` +
      `${built.appId} (wix.config.json): start it with \`startEmulator({ app: hostedApp() })\``);
  }
}
