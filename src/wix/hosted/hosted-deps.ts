import { WIX_CLIENT_SECRET } from 'astro:env/server';
import wixConfig from '../../../wix.config.json';
import type { Clock, Directory, Inbox, Store } from '../../core/ports.js';
import type { EventDeps } from '../../services/event-steps.js';
import { createWixDataStore } from '../data-store.js';
import type { DataItems } from '../data-store/data-items.js';
import { openDataSession, type WixDataSession } from '../data-store/data-session.js';
import { createWixDirectory, type DirectoryModules } from '../directory.js';
import { createWixInbox, type InboxModules } from '../inbox.js';
import { appClients } from './app-clients.js';

/**
 * The app's ports on Wix hosting: the real SDK modules on the app's own client per site (kept per isolate, so its
 * token is reused), and the app's Wix Data collection as the Store. Each webhook request gets its own Store session
 * (see data-session.ts), so its reads and writes fit the 20 sub-requests a request may make.
 */
const clientOf = appClients(wixConfig.appId, () => WIX_CLIENT_SECRET);
let shared: { directory: Directory; inbox: Inbox; clock: Clock } | undefined;

function sharedPorts() {
  shared ??= {
    directory: createWixDirectory((instanceId) => clientOf(instanceId) as unknown as DirectoryModules),
    // No retries inside a request: Wix resends the webhook, and the journal resumes it.
    inbox: createWixInbox((instanceId) => clientOf(instanceId) as unknown as InboxModules, { appId: wixConfig.appId, retry: { attempts: 1 } }),
    clock: { now: () => new Date() },
  };
  return shared;
}

const dataOptions = (instanceId: string) => ({ items: clientOf(instanceId).items as unknown as DataItems, collectionPrefix: wixConfig.namespace });

/** The Store for a dashboard call of one site: plain Wix Data reads and writes. */
export function hostedStore(instanceId: string): Store {
  return createWixDataStore(dataOptions(instanceId));
}

/** The ports for one webhook request of one site, with a fresh Store session. */
export function hostedEventDeps(instanceId: string): EventDeps & { store: WixDataSession } {
  return { ...sharedPorts(), store: openDataSession(dataOptions(instanceId)) };
}
