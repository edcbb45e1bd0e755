import * as z from 'zod/mini';
import type { ConversationStats, StatsPeriod } from '../core/auto-reply/ledger.js';
import { once } from '../core/once.js';
import type { Store } from '../core/ports.js';
import { BadRequestError } from './errors.js';
import { clip, queryParams, refuse } from './query-params.js';

const DEFAULT_DAYS = 7;
/** An ISO date or date-time, e.g. 2025-03-01 or 2025-03-01T00:00:00Z (an offset may replace the Z). */
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const time = (name: string) => z.pipe(z.optional(z.string()), z.transform((raw: string | undefined, ctx) => {
  if (!raw) return undefined;
  const ms = ISO.test(raw) ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(ms)) return refuse(ctx, `${name} must be an ISO date-time such as 2025-03-01T00:00:00Z; got "${clip(raw)}"`);
  return new Date(ms).toISOString();
}));

/** Built on the first stats request, not at start. */
const statsParams = once(() => ({ from: time('from'), to: time('to') }));

/**
 * The period a dashboard route is asked about (`from`, `to`): the last 7 days when not given; a 400 when not a period.
 * A period is [from, to), so the default `to` is the millisecond after the request's: what happened in the request's
 * own millisecond (a reply sent just before the owner opened the panel) is counted.
 */
export function periodOf(params: URLSearchParams, now: Date): StatsPeriod {
  const given = queryParams(statsParams(), params);
  const to = given.to ?? new Date(now.getTime() + 1).toISOString();
  const from = given.from ?? new Date(Date.parse(to) - DEFAULT_DAYS * 86_400_000).toISOString();
  if (from >= to) throw new BadRequestError(`from must be before to; got from=${from}, to=${to}`);
  return { from, to };
}

/** GET /api/stats?from&to: the dashboard's cards for [from, to); the last 7 days when not given. */
export async function conversationStats(store: Store, instanceId: string, params: URLSearchParams, now: Date): Promise<ConversationStats & StatsPeriod> {
  const { from, to } = periodOf(params, now);
  return { from, to, ...(await store.conversationStats(instanceId, { from, to })) };
}
