import type { DeliveryOutcome } from './delivery-settings.js';

export interface PostResult {
  outcome: DeliveryOutcome;
  httpStatus?: number;
  error?: string;
  durationMs: number;
}

/** One POST of a webhook JWT (raw body, text/plain); only a 200 before the deadline counts. */
export async function postWebhook(url: string, jwt: string, deadlineMs: number): Promise<PostResult> {
  const started = Date.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: jwt,
      signal: AbortSignal.timeout(deadlineMs),
    });
    await response.arrayBuffer();
    const outcome = response.status === 200 ? 'delivered' : 'rejected';
    return { outcome, httpStatus: response.status, durationMs: Date.now() - started };
  } catch (error) {
    const name = (error as Error).name;
    const timedOut = name === 'TimeoutError' || name === 'AbortError';
    return {
      outcome: timedOut ? 'timeout' : 'unreachable',
      error: timedOut ? `no answer within ${deadlineMs} ms` : String((error as Error).cause ?? error),
      durationMs: Date.now() - started,
    };
  }
}
