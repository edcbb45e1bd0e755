import { notFound } from '../http/wix-error.js';
import { newGuid } from '../util/ids.js';
import type { SiteState } from '../state/site-state.js';
import type { ConversationRecord, Identification } from '../state/types.js';
import { currentIdentity, displayName, identityKey } from './participants.js';

/** The open (not merged) conversation of exactly this identity, if there is one. */
export function conversationOf(state: SiteState, who: Identification): ConversationRecord | undefined {
  const key = identityKey(who);
  for (const record of state.conversations.values()) {
    if (!record.mergedInto && identityKey(record.conversation.participant) === key) return record;
  }
  return undefined;
}

/** Get Or Create Conversation: always the person's CURRENT conversation. */
export function getOrCreateConversation(state: SiteState, participantId: Identification, nowIso: string) {
  const who = currentIdentity(state, participantId);
  const existing = conversationOf(state, who);
  if (existing) return { record: existing, newConversation: false };
  return { record: openConversation(state, who, nowIso), newConversation: true };
}

export function openConversation(state: SiteState, who: Identification, nowIso: string): ConversationRecord {
  const record: ConversationRecord = {
    createdDate: nowIso,
    conversation: {
      id: newGuid(),
      participant: { ...who },
      channels: ['CHAT'],
      businessDisplayData: { name: state.site.businessName },
      participantDisplayData: { name: displayName(state, who) },
    },
  };
  state.conversations.set(record.conversation.id, record);
  return record;
}

export function findConversation(state: SiteState, conversationId: unknown): ConversationRecord {
  const record = typeof conversationId === 'string' ? state.conversations.get(conversationId) : undefined;
  if (!record) {
    throw notFound('CONVERSATION_NOT_FOUND', `Conversation ${String(conversationId)} not found`, { conversationId });
  }
  return record;
}

/** Follows merges to the conversation that is open now. */
export function latestConversation(state: SiteState, conversationId: string): ConversationRecord {
  let record = findConversation(state, conversationId);
  while (record.mergedInto) record = findConversation(state, record.mergedInto);
  return record;
}

/** The conversation and every conversation merged into it, at any depth. */
export function lineage(state: SiteState, conversationId: string): Set<string> {
  const ids = new Set([conversationId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const record of state.conversations.values()) {
      if (record.mergedInto && ids.has(record.mergedInto) && !ids.has(record.conversation.id)) {
        ids.add(record.conversation.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** Merges the old conversations into the target; their messages then read as one thread. */
export function mergeConversations(state: SiteState, oldIds: string[], targetId: string): void {
  for (const id of oldIds) findConversation(state, id).mergedInto = targetId;
}
