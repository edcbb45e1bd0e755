/** How long one call to Wix may take, answer body included, before it is abandoned as a retryable failure. */
export const WIX_CALL_TIMEOUT_MS = 10_000;

/**
 * A fetch whose every call is aborted after `timeoutMs` (AbortSignal.timeout, combined with any signal the caller
 * gave). The rejection has no HTTP status, so `isRetryable` treats it like a dropped connection.
 */
export function timedFetch(base: typeof fetch = globalThis.fetch, timeoutMs = WIX_CALL_TIMEOUT_MS): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return base(input, { ...init, signal });
  };
}
