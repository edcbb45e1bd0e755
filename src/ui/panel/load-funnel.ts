import { isNotAvailable } from '../api/api-failure.js';
import type { ConversionFunnel, DashboardApi } from '../api/dashboard-api.js';

/** The conversion funnel for a period; null when the server has no `/api/funnel` yet (the panel then shows no card). */
export async function loadFunnel(api: DashboardApi, range: { from: string; to: string }): Promise<ConversionFunnel | null> {
  try {
    return await api.funnel(range);
  } catch (error) {
    if (isNotAvailable(error)) return null;
    throw error;
  }
}
