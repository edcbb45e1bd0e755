import { newGuid } from '../util/ids.js';
import type { SiteState } from '../state/site-state.js';
import type { Message, StoredMessage } from '../state/types.js';
import { lineage } from './conversations.js';

export type NewMessage = Omit<Message, 'id' | 'sequence' | 'createdDate'>;

/** Writes a message into a conversation with the site's next sequence number. */
export function appendMessage(state: SiteState, conversationId: string, fields: NewMessage, nowIso: string): Message {
  const message: Message = {
    id: newGuid(),
    ...fields,
    sequence: String(state.nextSequence++),
    createdDate: nowIso,
  };
  state.messages.push({ conversationId, message });
  return message;
}

/** A conversation's messages, including those of conversations merged into it, oldest first. */
export function threadOf(state: SiteState, conversationId: string): StoredMessage[] {
  const ids = lineage(state, conversationId);
  return state.messages
    .filter((stored) => ids.has(stored.conversationId))
    .sort((a, b) => Number(a.message.sequence) - Number(b.message.sequence));
}
