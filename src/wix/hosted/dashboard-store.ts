import { WIX_CLIENT_SECRET } from 'astro:env/server';
import wixConfig from '../../../wix.config.json';
import type { AutoReplySettings } from '../../core/auto-reply/settings.js';
import type { DataItems } from '../data-store/data-items.js';
import { openDataSession, type WixDataSession } from '../data-store/data-session.js';
import { appClients } from './app-clients.js';
import { callCount } from './call-count.js';

/**
 * The Store for one dashboard API call on Wix hosting: a Wix Data session on the app's own client for the caller's
 * site, kept per isolate so its token is reused by every call the open dashboard makes (routes are built with
 * astro:env, so they can read the app secret; event handlers cannot — see hosted-deps.ts). The site's settings are
 * kept per isolate for half a minute: the settings tab reads them, previews and saves within seconds.
 */
const clientOf = appClients(wixConfig.appId, () => WIX_CLIENT_SECRET);
const SETTINGS_TTL_MS = 30_000;
const MAX_SITES = 200;
const settingsOf = new Map<string, { settings: AutoReplySettings | undefined; until: number }>();

/** A dashboard call's Store, and the Wix Data calls it has made so far (none when it answered from the isolate). */
export type HostedDashboardStore = WixDataSession & { wixCalls(): number };

export function hostedStore(instanceId: string): HostedDashboardStore {
  const calls = callCount();
  const session = openDataSession({ items: calls.items(clientOf(instanceId).items as unknown as DataItems), collectionPrefix: wixConfig.namespace });
  const remember = (site: string, settings: AutoReplySettings | undefined) => {
    if (settingsOf.size >= MAX_SITES) settingsOf.delete(settingsOf.keys().next().value!);
    settingsOf.set(site, { settings, until: Date.now() + SETTINGS_TTL_MS });
  };
  return {
    ...session,
    wixCalls: calls.made,
    async getSettings(site) {
      const kept = settingsOf.get(site);
      if (kept && kept.until > Date.now()) return kept.settings;
      const settings = await session.getSettings(site);
      remember(site, settings);
      return settings;
    },
    async putSettings(site, settings) {
      await session.putSettings(site, settings);
      remember(site, settings);
    },
  };
}
