import { invalidArgument, WixError } from '../http/wix-error.js';
import type { Caller } from '../auth/token-issuer.js';
import type { SiteState } from '../state/site-state.js';
import type { Message } from '../state/types.js';
import { latestConversation } from './conversations.js';
import { appendMessage } from './messages.js';

const CONTENT_KINDS = ['basic', 'template', 'minimal', 'form', 'system'];

interface SendRequest {
  conversationId?: unknown;
  message?: Partial<Message> & Record<string, unknown>;
  silent?: unknown;
}

/**
 * Send Message by the app: recorded with `sender.appId` and `appId` of the caller.
 * A message to a merged conversation lands in the conversation it was merged into.
 * It never triggers Message Sent To Business (that event is for participants only).
 */
export function sendMessageAsApp(state: SiteState, caller: Caller, request: SendRequest, nowIso: string) {
  const target = latestConversation(state, String(request.conversationId ?? ''));
  const message = request.message;
  if (!message) throw invalidArgument('message', 'is required');
  if (message.direction !== 'BUSINESS_TO_PARTICIPANT' && message.direction !== 'PARTICIPANT_TO_BUSINESS') {
    throw invalidArgument('message.direction', 'is required: BUSINESS_TO_PARTICIPANT or PARTICIPANT_TO_BUSINESS');
  }
  if (message.direction === 'PARTICIPANT_TO_BUSINESS') {
    throw new WixError(403, 'IDENTITY_DOES_NOT_MATCH',
      'An app cannot send PARTICIPANT_TO_BUSINESS messages: the sender identity does not match the participant');
  }
  const content = message.content as Record<string, unknown> | undefined;
  if (!content || !CONTENT_KINDS.some((kind) => content[kind])) {
    throw invalidArgument('message.content', `must hold one of ${CONTENT_KINDS.join(', ')}`);
  }
  const sent = appendMessage(state, target.conversation.id, {
    content,
    sender: { appId: caller.appId },
    appId: caller.appId,
    direction: 'BUSINESS_TO_PARTICIPANT',
    visibility: message.visibility === 'BUSINESS' ? 'BUSINESS' : 'BUSINESS_AND_PARTICIPANT',
    ...(message.badges ? { badges: message.badges } : {}),
    targetChannels: (message.targetChannels as string[] | undefined) ?? ['CHAT'],
    silent: request.silent === true || message.silent === true,
  }, nowIso);
  return { message: sent };
}
