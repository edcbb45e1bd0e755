import type { ConversationRecord } from '../../../src/core/conversation.js';
import type { JournalEntry, PersonRecord, Store } from '../../../src/core/ports.js';

export const SITE_A = '7f1c2b1e-0a3d-4c5e-8f9a-1b2c3d4e5f60';
export const SITE_B = '0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f50';

/** The store under test, made fresh for every test by the adapter's factory. */
export type StoreFactory = () => Promise<{ store: Store; cleanup?: () => Promise<void> }>;
export type CurrentStore = () => Store;

export function journalEntry(overrides: Partial<JournalEntry> & { eventId: string }): JournalEntry {
  return {
    instanceId: SITE_A,
    eventType: 'wix.inbox.v2.message_sent_to_business',
    payload: JSON.stringify({ id: overrides.eventId, body: { conversationId: 'c-1' } }),
    receivedAt: '2025-03-01T10:00:00.000Z',
    stage: 'received',
    attempts: 0,
    nextAttemptAt: '2025-03-01T10:00:00.000Z',
    ...overrides,
  };
}

export function conversation(overrides: Partial<ConversationRecord> & { conversationId: string }): ConversationRecord {
  return {
    instanceId: SITE_A,
    participantType: 'CONTACT',
    participant: { contactId: `contact-of-${overrides.conversationId}` },
    displayName: `Person ${overrides.conversationId}`,
    messageCount: 1,
    mergedFrom: [],
    typeHistory: [],
    resolution: 'resolved',
    updatedAt: '2025-03-01T10:00:00.000Z',
    ...overrides,
  };
}

/** A record with every optional field set, to prove the round trip keeps them all. */
export function fullConversation(conversationId: string, instanceId = SITE_A): ConversationRecord {
  return {
    instanceId,
    conversationId,
    participantType: 'MEMBER',
    participant: { anonymousVisitorId: 'v-9', contactId: 'ct-9', memberId: 'm-9' },
    displayName: 'Zoë Ünal',
    email: 'zoe@example.org',
    phone: '+44 20 7946 0018',
    channel: 'CHAT',
    firstMessageAt: '2025-02-01T08:00:00.000Z',
    lastMessageAt: '2025-03-01T09:30:00.000Z',
    lastMessagePreview: 'Hi — is the "blue" one still in stock?',
    messageCount: 12,
    mergedFrom: ['old-2', 'old-1'],
    typeHistory: [
      { type: 'ANONYMOUS_VISITOR', at: '2025-02-01T08:00:00.000Z', conversationId: 'old-1' },
      { type: 'CONTACT', at: '2025-02-10T08:00:00.000Z', conversationId: 'old-2' },
      { type: 'MEMBER', at: '2025-02-20T08:00:00.000Z', conversationId },
    ],
    resolution: 'resolved',
    autoReply: { status: 'skipped', at: '2025-03-01T09:30:01.000Z', reason: 'outside business hours', text: 'Back soon' },
    updatedAt: '2025-03-01T09:30:02.000Z',
  };
}

export function person(overrides: Partial<PersonRecord> & Pick<PersonRecord, 'ids'>): PersonRecord {
  return {
    instanceId: SITE_A,
    details: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.org' },
    resolvedAt: '2025-03-01T10:00:00.000Z',
    stale: false,
    ...overrides,
  };
}

export const ids = (records: { conversationId: string }[]): string[] => records.map((r) => r.conversationId);
export const sorted = (values: string[]): string[] => [...values].sort();
