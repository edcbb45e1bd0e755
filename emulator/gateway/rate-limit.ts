import type { Clock } from '../util/clock.js';
import { WixError } from '../http/wix-error.js';

const WINDOW_MS = 60_000;

/** Wix's API rate limit: a number of requests per minute per site (200 by default), sliding window. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private perMinute: number | false,
  ) {}

  setLimit(perMinute: number | false): void {
    this.perMinute = perMinute;
  }

  /** Counts one request for the site, or throws 429 with Retry-After when the site is over its limit. */
  take(instanceId: string): void {
    if (this.perMinute === false) return;
    const now = this.clock.now();
    const recent = (this.hits.get(instanceId) ?? []).filter((t) => t > now - WINDOW_MS);
    if (recent.length >= this.perMinute) {
      const retryAfterSeconds = Math.max(1, Math.ceil((recent[0]! + WINDOW_MS - now) / 1000));
      this.hits.set(instanceId, recent);
      throw new WixError(429, 'TOO_MANY_REQUESTS',
        `Rate limit exceeded: ${this.perMinute} requests per minute per site (instance ${instanceId})`,
        { limit: this.perMinute, retryAfterSeconds }, undefined, { 'retry-after': String(retryAfterSeconds) });
    }
    recent.push(now);
    this.hits.set(instanceId, recent);
  }
}
