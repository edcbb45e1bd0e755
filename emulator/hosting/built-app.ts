import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** What `npm run build` wrote that the harness needs: the worker, the app ID, the webhooks and the routes. */
export interface BuiltApp {
  distDir: string;
  workerEntry: string;
  appId: string;
  /** Webhook slug (event type) → the callback path Wix posts it to (`/_wix/extensions/webhooks/<hash>`). */
  webhooks: Record<string, string>;
  /** The worker's routes, as Astro names them (`/api/conversations/[conversationid]`). */
  routes: string[];
}

export class MissingBuildError extends Error {
  constructor(distDir: string, missing: string) {
    super(`No built app in ${distDir} (${missing} is missing): run \`npm run build\` first`);
    this.name = 'MissingBuildError';
  }
}

interface ManifestComponent {
  compType?: string;
  compData?: { webhook?: { callbackUrl?: string; webhookSlug?: string } };
}

/** The slugs `wix build` writes for Wix's older webhooks (@wix/astro's legacyWebhookMap), by the event type their JWTs carry. */
export const LEGACY_WEBHOOK_SLUGS: Record<string, string> = { AppRemoved: 'APP_REMOVED_WEBHOOK', AppInstalled: 'APP_PROVISIONED_WEBHOOK' };
const LEGACY_SLUG_EVENT_TYPES = Object.fromEntries(Object.entries(LEGACY_WEBHOOK_SLUGS).map(([type, slug]) => [slug, type]));

export function readBuiltApp(distDir = 'dist'): BuiltApp {
  const dir = resolve(distDir);
  const workerEntry = join(dir, '_worker.js', 'index.mjs');
  const manifestPath = join(dir, '_wix', 'app-manifest.json');
  for (const path of [workerEntry, manifestPath]) if (!existsSync(path)) throw new MissingBuildError(dir, path);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { appId?: string; components?: ManifestComponent[] };
  if (!manifest.appId) throw new Error(`${manifestPath} has no appId: rebuild with \`npm run build\``);
  const webhooks: Record<string, string> = {};
  for (const component of manifest.components ?? []) {
    const hook = component.compData?.webhook;
    if (component.compType !== 'WEBHOOK' || !hook?.callbackUrl || !hook.webhookSlug) continue;
    webhooks[hook.webhookSlug] = new URL(hook.callbackUrl).pathname;
    const eventType = LEGACY_SLUG_EVENT_TYPES[hook.webhookSlug];
    if (eventType) webhooks[eventType] = webhooks[hook.webhookSlug]!;
  }
  return { distDir: dir, workerEntry, appId: manifest.appId, webhooks, routes: readRoutes(join(dir, '_worker.js')) };
}

/** The route names in the worker's Astro manifest (`manifest_<hash>.mjs`). */
function readRoutes(workerDir: string): string[] {
  const file = readdirSync(workerDir).find((name) => /^manifest_.*\.mjs$/.test(name));
  if (!file) return [];
  const text = readFileSync(join(workerDir, file), 'utf8');
  return [...new Set([...text.matchAll(/"route":"([^"]+)"/g)].map((match) => match[1]!))];
}
