import { httpClient } from '@wix/essentials';
import { httpDashboardApi } from './http-dashboard-api.js';
import type { DashboardApi } from './dashboard-api.js';

/**
 * The app's backend endpoints on Wix hosting (src/pages/api/*), called with the dashboard user's Wix auth.
 * The URL is built from this module's origin (the app server), not the dashboard page's.
 */
export function wixHostedApi(): DashboardApi {
  return httpDashboardApi((path, init) => httpClient.fetchWithAuth(new URL(path, import.meta.url).href, init));
}
