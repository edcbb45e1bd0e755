import type { StatsPeriod } from '../core/auto-reply/ledger.js';
import type { ConversionFunnel } from '../core/conversion-funnel.js';
import type { Store } from '../core/ports.js';
import { periodOf } from './stats.js';

export type FunnelAnswer = ConversionFunnel & StatsPeriod;

/**
 * GET /api/funnel?from&to: of the people who first wrote in [from, to), how many became contacts and members, how
 * fast, and by channel; the last 7 days when not given. Bad dates, or from not before to, are a 400.
 */
export async function conversionFunnel(store: Store, instanceId: string, params: URLSearchParams, now: Date): Promise<FunnelAnswer> {
  const period = periodOf(params, now);
  return { ...period, ...(await store.conversionFunnel(instanceId, period)) };
}
