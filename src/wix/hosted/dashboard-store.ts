import { WIX_CLIENT_SECRET } from 'astro:env/server';
import wixConfig from '../../../wix.config.json';
import type { Store } from '../../core/ports.js';
import { createWixDataStore } from '../data-store.js';
import type { DataItems } from '../data-store/data-items.js';
import { appClients } from './app-clients.js';

/**
 * The Store for the dashboard's API routes on Wix hosting: plain Wix Data reads and writes on the app's own client
 * for the caller's site, kept per isolate so its token is reused by every call the open dashboard makes. (Routes
 * are built with astro:env, so they can read the app secret; event handlers cannot — see hosted-deps.ts.)
 */
const clientOf = appClients(wixConfig.appId, () => WIX_CLIENT_SECRET);

export function hostedStore(instanceId: string): Store {
  return createWixDataStore({ items: clientOf(instanceId).items as unknown as DataItems, collectionPrefix: wixConfig.namespace });
}
