import { appInstances } from '@wix/app-management';
import { conversations, messages } from '@wix/inbox';
import {
  CONVERSATIONS_MERGED, MESSAGE_SENT_TO_BUSINESS, MalformedEventError, checkDomainEvent, mergeEventFrom, messageEventFrom, type InboxEvent,
} from '../core/inbox-event.js';
import type { Clock } from '../core/ports.js';
import { ApiError, BadRequestError, UnauthorizedError } from '../api/errors.js';
import { createWebhookClient } from '../wix/client.js';

export type WebhookResult = 'processed' | 'duplicate' | 'ignored';

export interface WebhookOutcome {
  result: WebhookResult;
  eventType: string;
  instanceId?: string;
  eventId?: string;
}

export interface WebhookReceiver {
  /** Verifies the raw JWT body with the app's public key and hands the event on; throws ApiError (400/401) otherwise. */
  receive(body: string): Promise<WebhookOutcome>;
}

/** Wix's App Removed webhook (`appInstances.onAppInstanceRemoved`, not a domain event: its data is `{appId}`). */
export const APP_REMOVED = 'AppRemoved';
const HANDLED = new Set([MESSAGE_SENT_TO_BUSINESS, CONVERSATIONS_MERGED, APP_REMOVED]);
/** Wix's JWT header is `{"alg":"RS256","typ":"JWT"}` (and perhaps a `kid`): far under this. */
const MAX_JWT_HEADER = 1024;

/** Where one delivery got to: the event as parsed, and whether the journal was reached (past that, errors are ours). */
interface Delivery {
  event?: InboxEvent;
  result?: 'added' | 'duplicate';
  /** App Removed reached its handler (past that, errors are ours). */
  removing?: boolean;
}

/**
 * Wix webhooks through the real SDK: `client.webhooks` verifies (RS256) and parses, and the handlers registered
 * with `client.messages.onMessageSentToBusiness` / `client.conversations.onConversationConversationsMerged` get the envelopes.
 * Everything before the journal is the sender's input: whatever it throws there is a 400 or 401, never a 500.
 */
export function createWebhookReceiver(options: {
  appId: string;
  publicKey: string;
  clock: Clock;
  onEvent: (event: InboxEvent) => Promise<'added' | 'duplicate'>;
  /** App Removed for this site (verified): delete what is stored for it. */
  onAppRemoved?: (instanceId: string) => Promise<void>;
}): WebhookReceiver {
  const client = createWebhookClient({ appId: options.appId, publicKey: options.publicKey, modules: { messages, conversations, appInstances } });
  // The delivery whose handlers are starting. The SDK's executeHandlers calls each handler synchronously, before its
  // own first await, so a handler's first line sees the right one. (An AsyncLocalStorage would carry it too, but
  // once one is used every promise in the process costs 2–5× more, the event worker's included.)
  let starting: Delivery | undefined;
  const deliveryStarting = (): Delivery => {
    if (!starting) throw new Error('A webhook handler ran outside executeHandlers: the @wix/sdk event dispatch changed');
    return starting;
  };
  const run = (parsed: Parameters<typeof client.webhooks.executeHandlers>[0], delivery: Delivery) => {
    starting = delivery;
    try {
      return client.webhooks.executeHandlers(parsed);
    } finally {
      starting = undefined;
    }
  };
  const hand = async (parse: () => InboxEvent) => {
    const delivery = deliveryStarting();
    const event = parse();
    delivery.event = event;
    delivery.result = await options.onEvent(event);
  };
  client.messages.onMessageSentToBusiness((envelope) => hand(() => messageEventFrom(envelope, options.clock.now())));
  client.conversations.onConversationConversationsMerged((envelope) => hand(() => mergeEventFrom(envelope, options.clock.now())));
  client.appInstances.onAppInstanceRemoved(async (envelope) => {
    const delivery = deliveryStarting();
    delivery.removing = true;
    if (envelope.metadata.instanceId) await options.onAppRemoved?.(envelope.metadata.instanceId);
  });

  return {
    async receive(body) {
      const jwt = body.trim();
      // The header is parsed before the signature is checked: keep what an unsigned sender can make us parse small.
      const headerLength = jwt.indexOf('.');
      if (headerLength === -1 || headerLength > MAX_JWT_HEADER) throw new BadRequestError('Webhook body is not a JWT', 'MALFORMED_TOKEN');
      const parsed = await asInput(() => client.webhooks.parseJWT(jwt));
      if (typeof parsed.eventType !== 'string' || !parsed.eventType) throw new BadRequestError('Webhook has no eventType', 'MALFORMED_EVENT');
      if (typeof parsed.instanceId !== 'string' || !parsed.instanceId) throw new BadRequestError('Webhook has no instanceId', 'MALFORMED_EVENT');
      if (!HANDLED.has(parsed.eventType)) return { result: 'ignored', eventType: parsed.eventType, instanceId: parsed.instanceId };
      if (parsed.eventType === APP_REMOVED) {
        // Not a domain event: the SDK hands `{data: {appId}, metadata: {instanceId}}` to onAppInstanceRemoved.
        const delivery: Delivery = {};
        try {
          await run(parsed, delivery);
        } catch (error) {
          throw delivery.removing ? error : asApiError(error, true);
        }
        return { result: options.onAppRemoved ? 'processed' : 'ignored', eventType: parsed.eventType, instanceId: parsed.instanceId };
      }
      if (parsed.identity !== undefined && (typeof parsed.identity !== 'object' || Array.isArray(parsed.identity))) {
        throw new BadRequestError('Webhook identity is not an object', 'MALFORMED_EVENT');
      }
      await asInput(async () => checkDomainEvent(parsed.payload));
      const delivery: Delivery = {};
      try {
        await run(parsed, delivery);
      } catch (error) {
        // Until the event is parsed, a failure is the payload's (the SDK's envelope building included); after, ours.
        throw delivery.event ? (error instanceof MalformedEventError ? asApiError(error) : error) : asApiError(error, true);
      }
      return {
        result: delivery.result === 'duplicate' ? 'duplicate' : 'processed',
        eventType: parsed.eventType,
        instanceId: parsed.instanceId,
        eventId: delivery.event?.eventId,
      };
    },
  };
}

/** Runs a step over the sender's input, mapping what it throws to the status Wix (and a person reading logs) should see. */
async function asInput<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw asApiError(error, true);
  }
}

function asApiError(error: unknown, fromInput = false): unknown {
  if (error instanceof ApiError) return error;
  if (error instanceof MalformedEventError) return new BadRequestError(error.message, 'MALFORMED_EVENT');
  if (error instanceof SyntaxError) return new BadRequestError(`Webhook payload is not valid JSON: ${error.message}`, 'MALFORMED_EVENT');
  const code = (error as { code?: string })?.code ?? '';
  const reason = ((error as { cause?: Error })?.cause ?? (error as Error))?.message ?? '';
  if (code === 'ERR_JWT_EXPIRED') return new UnauthorizedError('Webhook token has expired', 'TOKEN_EXPIRED');
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') return new UnauthorizedError(`Webhook token refused: ${reason} (iat may not be in the future)`, 'BAD_CLAIMS');
  if (code === 'ERR_JWS_INVALID' || code === 'ERR_JWT_INVALID') return new BadRequestError('Webhook body is not a JWT', 'MALFORMED_TOKEN');
  if (code.startsWith('ERR_J')) return new UnauthorizedError('Webhook signature is not valid for this app\'s public key (check WIX_PUBLIC_KEY)', 'BAD_SIGNATURE');
  if (error instanceof Error && /JWT/.test(error.message)) return new BadRequestError(error.message, 'MALFORMED_TOKEN');
  if (fromInput && error instanceof TypeError) return new BadRequestError(`Webhook data is not a well-formed event (${error.message})`, 'MALFORMED_EVENT');
  if (fromInput && error instanceof Error && /data/i.test(error.message)) return new BadRequestError(error.message, 'MALFORMED_EVENT');
  return error;
}
