import { AsyncLocalStorage } from 'node:async_hooks';
import { conversations, messages } from '@wix/inbox';
import { CONVERSATIONS_MERGED, MESSAGE_SENT_TO_BUSINESS, MalformedEventError, mergeEventFrom, messageEventFrom, type InboxEvent } from '../core/inbox-event.js';
import type { Clock } from '../core/ports.js';
import { ApiError, BadRequestError, UnauthorizedError } from '../api/errors.js';
import { createWebhookClient } from '../wix/client.js';

export type WebhookResult = 'processed' | 'duplicate' | 'ignored';

export interface WebhookReceiver {
  /** Verifies the raw JWT body with the app's public key and hands the event on; throws ApiError (400/401) otherwise. */
  receive(jwt: string): Promise<{ result: WebhookResult; eventType: string; instanceId?: string }>;
}

const HANDLED = new Set([MESSAGE_SENT_TO_BUSINESS, CONVERSATIONS_MERGED]);

/**
 * Wix webhooks through the real SDK: `client.webhooks` verifies (RS256) and parses, and the handlers registered
 * with `client.messages.onMessageSentToBusiness` / `client.conversations.onConversationConversationsMerged` get the envelopes.
 */
export function createWebhookReceiver(options: {
  appId: string;
  publicKey: string;
  clock: Clock;
  onEvent: (event: InboxEvent) => Promise<'added' | 'duplicate'>;
}): WebhookReceiver {
  const client = createWebhookClient({ appId: options.appId, publicKey: options.publicKey, modules: { messages, conversations } });
  const outcome = new AsyncLocalStorage<{ result?: 'added' | 'duplicate' }>();
  const hand = async (event: InboxEvent) => {
    const box = outcome.getStore();
    const result = await options.onEvent(event);
    if (box) box.result = result;
  };
  client.messages.onMessageSentToBusiness((envelope) => hand(messageEventFrom(envelope, options.clock.now())));
  client.conversations.onConversationConversationsMerged((envelope) => hand(mergeEventFrom(envelope, options.clock.now())));

  return {
    async receive(jwt) {
      const parsed = await verify(() => client.webhooks.parseJWT(jwt.trim()));
      if (!HANDLED.has(parsed.eventType)) return { result: 'ignored', eventType: parsed.eventType, instanceId: parsed.instanceId };
      const box: { result?: 'added' | 'duplicate' } = {};
      await outcome.run(box, () => verify(() => client.webhooks.executeHandlers(parsed)));
      return { result: box.result === 'duplicate' ? 'duplicate' : 'processed', eventType: parsed.eventType, instanceId: parsed.instanceId };
    },
  };
}

/** Maps what verification and parsing can throw to the status Wix (and a person reading logs) should see. */
async function verify<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw asApiError(error);
  }
}

function asApiError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  if (error instanceof MalformedEventError) return new BadRequestError(error.message, 'MALFORMED_EVENT');
  if (error instanceof SyntaxError) return new BadRequestError(`Webhook payload is not valid JSON: ${error.message}`, 'MALFORMED_EVENT');
  const code = (error as { code?: string })?.code ?? '';
  if (code === 'ERR_JWT_EXPIRED') return new UnauthorizedError('Webhook token has expired', 'TOKEN_EXPIRED');
  if (code === 'ERR_JWS_INVALID' || code === 'ERR_JWT_INVALID') return new BadRequestError('Webhook body is not a JWT', 'MALFORMED_TOKEN');
  if (code.startsWith('ERR_J')) return new UnauthorizedError('Webhook signature is not valid for this app\'s public key (check WIX_PUBLIC_KEY)', 'BAD_SIGNATURE');
  if (error instanceof Error && /JWT|data/i.test(error.message)) return new BadRequestError(error.message, 'MALFORMED_TOKEN');
  return error;
}
