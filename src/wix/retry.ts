import { isSiteUnknown } from './site-unknown.js';

/** A failed call to Wix, with what a retry needs: the HTTP status and how long Wix asked us to wait. */
export class WixCallError extends Error {
  override name = 'WixCallError';
  constructor(message: string, readonly status: number | undefined, readonly retryAfterSeconds?: number, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts?: number;
  baseDelayMs?: number;
  /** A Retry-After longer than this is not waited for here: the error goes up, for the journal to retry later. */
  maxInlineWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export function statusOf(error: unknown): number | undefined {
  const e = error as { status?: unknown; response?: { status?: unknown } };
  const status = Number(e?.status ?? e?.response?.status);
  return Number.isFinite(status) && status > 0 ? status : undefined;
}

/**
 * 429, any 5xx, and a network failure or a timeout (no status) may succeed later; a site Wix does not know
 * will not, soon (the journal retries it, widely spaced).
 */
export function isRetryable(error: unknown): boolean {
  if (isSiteUnknown(error)) return false;
  const status = statusOf(error);
  return status === undefined || status === 429 || status >= 500;
}

/**
 * Calls Wix, retrying what may succeed later with exponential backoff that honours Retry-After (given by
 * `retryAfterSeconds()`, which reads the site's rate limiter). What still fails becomes a WixCallError. A call that
 * is not safe to repeat blindly narrows what is retried here with `retryable`.
 */
export async function withRetries<T>(
  what: string, call: () => Promise<T>, retryAfterSeconds: () => number, options: RetryOptions = {}, retryable = isRetryable,
): Promise<T> {
  const attempts = options.attempts ?? 3;
  const base = options.baseDelayMs ?? 250;
  const maxInline = options.maxInlineWaitMs ?? 5000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const status = statusOf(error);
      const retryAfter = status === 429 ? Math.max(1, retryAfterSeconds()) : undefined;
      const wait = Math.max((retryAfter ?? 0) * 1000, base * 2 ** (attempt - 1));
      if (!retryable(error) || attempt >= attempts || wait > maxInline) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new WixCallError(`${what} failed${status ? ` (HTTP ${status})` : ''}: ${reason}`, status, retryAfter, { cause: error });
      }
      await sleep(wait);
    }
  }
}
