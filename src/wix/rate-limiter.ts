/** Paces one site's calls to Wix: a token bucket that keeps any 60 s window under `perMinute` requests. */
export interface RateLimiter {
  /** Waits for a token (and for any pause a 429 asked for). */
  take(): Promise<void>;
  /** Wix answered 429 with Retry-After: hold every call to this site that long. */
  pause(seconds: number): void;
  /** Seconds left of the current pause (0 if none). */
  pausedForSeconds(): number;
}

export interface RateLimiterOptions {
  /** Wix: 200 requests per minute per site. */
  perMinute?: number;
  /** Calls allowed at once before pacing starts; the refill is perMinute − burst a minute, so burst + refill ≤ perMinute. */
  burst?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const WIX_REQUESTS_PER_MINUTE = 200;

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const perMinute = options.perMinute ?? WIX_REQUESTS_PER_MINUTE;
  const burst = Math.min(options.burst ?? 20, perMinute - 1);
  const perMs = (perMinute - burst) / 60_000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let tokens = burst;
  let last = now();
  let pausedUntil = 0;

  const refill = () => {
    const t = now();
    tokens = Math.min(burst, tokens + (t - last) * perMs);
    last = t;
  };

  return {
    async take() {
      for (;;) {
        const wait = pausedUntil - now();
        if (wait > 0) {
          await sleep(wait);
          continue;
        }
        refill();
        if (tokens >= 1) {
          tokens -= 1;
          return;
        }
        await sleep(Math.ceil((1 - tokens) / perMs));
      }
    },
    pause(seconds) {
      if (Number.isFinite(seconds) && seconds > 0) pausedUntil = Math.max(pausedUntil, now() + seconds * 1000);
    },
    pausedForSeconds: () => Math.max(0, Math.ceil((pausedUntil - now()) / 1000)),
  };
}

/** A fetch that takes a token before each call and pauses the site when Wix answers 429 with Retry-After. */
export function rateLimitedFetch(limiter: RateLimiter, base: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init) => {
    await limiter.take();
    const response = await base(input, init);
    if (response.status === 429) limiter.pause(Number(response.headers.get('retry-after') ?? 1) || 1);
    return response;
  };
}
