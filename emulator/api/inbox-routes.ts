import { route, type Route } from '../http/router.js';
import { findConversation, getOrCreateConversation } from '../inbox/conversations.js';
import { listMessages } from '../inbox/list-messages.js';
import { sendMessageAsApp } from '../inbox/send-message.js';
import type { Identification } from '../state/types.js';
import { callerSite, nowIso, type ApiDeps } from './api-deps.js';

/** Inbox v2: conversations and messages. */
export function inboxRoutes(deps: ApiDeps): Route[] {
  return [
    route('POST', '/inbox/v2/conversations', (ctx) => {
      const participantId = (ctx.fields.participantId ?? {}) as Identification;
      const { record, newConversation } = getOrCreateConversation(callerSite(deps, ctx), participantId, nowIso(deps));
      return { conversation: record.conversation, newConversation };
    }),
    route('GET', '/inbox/v2/conversations/{conversationId}', (ctx) => ({
      conversation: findConversation(callerSite(deps, ctx), ctx.params.conversationId).conversation,
    })),
    route('POST', '/inbox/v2/messages', (ctx) =>
      sendMessageAsApp(callerSite(deps, ctx), ctx.caller, ctx.fields, nowIso(deps))),
    route('GET', '/inbox/v2/messages', (ctx) => listMessages(callerSite(deps, ctx), ctx.fields)),
  ];
}
