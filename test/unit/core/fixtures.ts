import type { ConversationRecord } from '../../../src/core/conversation.js';
import type { Participant } from '../../../src/core/participant.js';
import type { SeenMerge, SeenMessage } from '../../../src/core/registry.js';

/** One site, and the IDs of one person as they move visitor → contact → member. */
export const SITE = '5b6d2f1a-9c3e-4d8b-a7f0-3e2c1d4b6a90';
export const VISITOR_ID = 'a3f1c9e2-7b4d-4e6a-9c21-0d8e5f6a1a2b'; // tag #1A2B
export const OTHER_VISITOR_ID = 'c7d2e4f6-1a3b-4c5d-8e9f-2b4c6d8e3c4d'; // tag #3C4D
export const CONTACT_ID = '1f0e2d3c-4b5a-4697-8a7b-6c5d4e3f9e8d'; // tag #9E8D
export const MEMBER_ID = '8e7d6c5b-4a39-4281-b7c6-d5e4f3a2b5c6'; // tag #B5C6
export const OTHER_MEMBER_ID = '2d4f6b8a-0c1e-4a3b-9d5f-7e6c5b4a3f21';
export const WIX_USER_ID = 'f4e3d2c1-b0a9-4876-9543-21fedcba0987';
export const THIS_APP_ID = '0c1b2a39-4857-4665-8374-92a1b0c9d8e7';
export const OTHER_APP_ID = '14271d6f-ba62-d045-549b-ab972ae1f70e';

/** Conversations: one per stage of the lifecycle, as Wix opens a new one when the participant changes. */
export const CONV_AS_VISITOR = '6f8e1d2c-3b4a-4c5d-9e0f-a1b2c3d4e5f6';
export const CONV_AS_CONTACT = '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
export const CONV_AS_MEMBER = 'd1e2f3a4-b5c6-4d7e-8f9a-0b1c2d3e4f5a';
export const CONV_OTHER = '3c4d5e6f-7a8b-4c9d-a0e1-f2a3b4c5d6e7';

/** Minute `n` after 10:00 on 1 March 2025, as an ISO string. */
export function at(minute: number): string {
  return new Date(Date.UTC(2025, 2, 1, 10, minute)).toISOString();
}

export const visitor: Participant = { type: 'ANONYMOUS_VISITOR', ids: { anonymousVisitorId: VISITOR_ID } };
export const contact: Participant = { type: 'CONTACT', ids: { anonymousVisitorId: VISITOR_ID, contactId: CONTACT_ID } };
export const contactOnly: Participant = { type: 'CONTACT', ids: { contactId: CONTACT_ID } };
export const member: Participant = { type: 'MEMBER', ids: { contactId: CONTACT_ID, memberId: MEMBER_ID } };

export function seenMessage(overrides: Partial<SeenMessage> = {}): SeenMessage {
  return {
    instanceId: SITE,
    conversationId: CONV_AS_VISITOR,
    participant: visitor,
    at: at(0),
    preview: 'Hi, do you ship to Lisbon?',
    channel: 'CHAT',
    ...overrides,
  };
}

export function seenMerge(oldConversationIds: string[], targetConversationId: string, when: string): SeenMerge {
  return { instanceId: SITE, oldConversationIds, targetConversationId, at: when };
}

/** A record as recordMessage would have left it, for tests that start from a known state. */
export function conversationRecord(overrides: Partial<ConversationRecord> = {}): ConversationRecord {
  const conversationId = overrides.conversationId ?? CONV_AS_VISITOR;
  return {
    instanceId: SITE,
    conversationId,
    participantType: 'ANONYMOUS_VISITOR',
    participant: { anonymousVisitorId: VISITOR_ID },
    displayName: 'Visitor #1A2B',
    channel: 'CHAT',
    firstMessageAt: at(0),
    lastMessageAt: at(0),
    lastMessagePreview: 'Hello',
    messageCount: 1,
    mergedFrom: [],
    typeHistory: [{ type: 'ANONYMOUS_VISITOR', at: at(0), conversationId }],
    resolution: 'pending',
    updatedAt: at(0),
    ...overrides,
  };
}

/** Deep-freezes a value so a test fails if the code under test mutates its input. */
export function frozen<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) frozen(child);
    Object.freeze(value);
  }
  return value;
}
