const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Wix's documented resend policy: 12 more attempts after the first failure (Webhook Resend Policy). */
export const WIX_RETRY_SCHEDULE_MS: readonly number[] = [
  1 * MINUTE, 10 * MINUTE, 1 * HOUR, 2 * HOUR, 2 * HOUR, 2 * HOUR,
  4 * HOUR, 4 * HOUR, 4 * HOUR, 8 * HOUR, 8 * HOUR, 12 * HOUR,
];

/** How the emulator delivers webhooks; every field can be changed at run time with `delivery.set`. */
export interface DeliverySettings {
  /** A delivery that has not answered 200 by then is a failure (Wix: 1250 ms). */
  deadlineMs: number;
  /** Delay before each retry after a failure; its length is the number of retries. */
  retryDelaysMs: readonly number[];
  /** Copies of every event to deliver (Wix may deliver an event more than once). */
  duplicate: number;
  /** Deliver each batch of events in reverse order of emission (Wix may deliver out of order). */
  reorder: boolean;
  /** Events emitted within this window form one batch (only matters with `reorder`). */
  batchWindowMs: number;
}

export const defaultDeliverySettings = (): DeliverySettings => ({
  deadlineMs: 1250,
  retryDelaysMs: WIX_RETRY_SCHEDULE_MS,
  duplicate: 1,
  reorder: false,
  batchWindowMs: 30,
});

export type DeliveryOutcome = 'delivered' | 'rejected' | 'timeout' | 'unreachable' | 'no-webhook-url';

/** One delivery attempt, as the delivery log shows it. */
export interface DeliveryRecord {
  eventId: string;
  eventType: string;
  instanceId: string;
  /** 1 for the first copy; higher with `duplicate`. */
  copy: number;
  /** 1 for the first try; higher for retries. */
  attempt: number;
  url?: string;
  outcome: DeliveryOutcome;
  httpStatus?: number;
  error?: string;
  at: string;
  durationMs: number;
  /** Set when another attempt is scheduled. */
  retryInMs?: number;
}
