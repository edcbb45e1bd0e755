import type { Clock } from '../util/clock.js';
import type { Logger } from '../util/logger.js';
import type { EmittedEvent } from './domain-events.js';
import type { WebhookSigner } from './signer.js';
import { defaultDeliverySettings, type DeliveryRecord, type DeliverySettings } from './delivery-settings.js';
import { postWebhook } from './post-webhook.js';
import { SettleTracker } from './settle-tracker.js';

interface DeliveryDeps {
  sign: WebhookSigner;
  /** Where an event of this type goes (Wix: the callback URL the app registered for the webhook). */
  webhookUrl: (eventType: string) => string | undefined;
  log: Logger;
  clock: Clock;
}

/**
 * Delivers emitted events to the app's webhook URL the way Wix does: one POST per event
 * with the JWT as the body, retried on failure, optionally duplicated and reordered.
 */
export class WebhookDelivery {
  readonly records: DeliveryRecord[] = [];
  private settings: DeliverySettings = defaultDeliverySettings();
  private queue: EmittedEvent[] = [];
  private batchTimer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  private readonly work = new SettleTracker();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly deps: DeliveryDeps) {}

  set(changes: Partial<DeliverySettings>): DeliverySettings {
    this.settings = { ...this.settings, ...changes };
    return this.get();
  }

  get(): DeliverySettings {
    return { ...this.settings, retryDelaysMs: [...this.settings.retryDelaysMs] };
  }

  enqueue(event: EmittedEvent): void {
    if (this.closed) return;
    this.queue.push(event);
    this.work.begin();
    this.batchTimer ??= setTimeout(() => this.flush(), this.settings.reorder ? this.settings.batchWindowMs : 0);
  }

  /** Resolves once every emitted event was delivered or gave up, retries included. */
  settled(): Promise<void> {
    return this.work.settled();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.batchTimer);
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    this.work.reset();
  }

  private flush(): void {
    this.batchTimer = undefined;
    const batch = this.queue.splice(0);
    if (this.settings.reorder) batch.reverse();
    this.chain = this.chain.then(async () => {
      for (const event of batch) {
        for (let copy = 1; copy <= this.settings.duplicate; copy++) await this.attempt(event, copy, 1);
        this.work.end();
      }
    });
  }

  private async attempt(event: EmittedEvent, copy: number, attempt: number): Promise<void> {
    if (this.closed) return;
    const url = this.deps.webhookUrl(event.eventType);
    const at = new Date(this.deps.clock.now()).toISOString();
    const base = { eventId: event.eventId, eventType: event.eventType, instanceId: event.instanceId, copy, attempt, at };
    if (!url) {
      this.records.push({ ...base, outcome: 'no-webhook-url', durationMs: 0 });
      return;
    }
    const jwt = await this.deps.sign(event);
    const result = await postWebhook(url, jwt, this.settings.deadlineMs);
    const retryInMs = result.outcome === 'delivered' ? undefined : this.settings.retryDelaysMs[attempt - 1];
    this.records.push({ ...base, url, ...result, ...(retryInMs !== undefined ? { retryInMs } : {}) });
    this.deps.log(`webhook ${event.eventType} ${event.eventId} copy ${copy} attempt ${attempt}: ${result.outcome}` +
      `${result.httpStatus ? ` (${result.httpStatus})` : ''}${retryInMs !== undefined ? `, retry in ${retryInMs} ms` : ''}`);
    if (retryInMs !== undefined) this.scheduleRetry(event, copy, attempt + 1, retryInMs);
  }

  private scheduleRetry(event: EmittedEvent, copy: number, attempt: number, delayMs: number): void {
    if (this.closed) return;
    this.work.begin();
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      this.chain = this.chain.then(() => this.attempt(event, copy, attempt)).finally(() => this.work.end());
    }, delayMs);
    this.retryTimers.add(timer);
  }
}
