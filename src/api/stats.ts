import type { ConversationStats, StatsPeriod } from '../core/auto-reply/ledger.js';
import type { Store } from '../core/ports.js';
import { BadRequestError } from './errors.js';

const DEFAULT_DAYS = 7;

/** GET /api/stats?from&to: the dashboard's cards for [from, to); the last 7 days when not given. */
export async function conversationStats(store: Store, instanceId: string, params: URLSearchParams, now: Date): Promise<ConversationStats & StatsPeriod> {
  const to = time(params, 'to') ?? now.toISOString();
  const from = time(params, 'from') ?? new Date(Date.parse(to) - DEFAULT_DAYS * 86_400_000).toISOString();
  if (from >= to) throw new BadRequestError(`from must be before to; got from=${from}, to=${to}`);
  return { from, to, ...(await store.conversationStats(instanceId, { from, to })) };
}

function time(params: URLSearchParams, name: string): string | undefined {
  const raw = params.get(name);
  if (!raw) return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw new BadRequestError(`${name} must be an ISO date-time such as 2025-03-01T00:00:00Z; got "${raw}"`);
  return new Date(ms).toISOString();
}
