import { httpDashboardApi } from './http-dashboard-api.js';
import type { DashboardApi } from './dashboard-api.js';

/** The self-hosted server's API, authenticated with the `instance` token Wix put in the page's URL. */
export function selfHostedApi(instanceToken: string, baseUrl = ''): DashboardApi {
  return httpDashboardApi((path, init) =>
    fetch(`${baseUrl}${path}`, { ...init, headers: { ...(init?.headers as Record<string, string>), authorization: instanceToken } }));
}
