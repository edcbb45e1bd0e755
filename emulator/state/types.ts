/** Wire shapes (keys as Wix sends them: `id`, `createdDate`, ISO dates) plus the emulator's bookkeeping. */

export interface Site {
  instanceId: string;
  siteId: string;
  accountId: string;
  businessName: string;
  timeZone: string;
  createdDate: string;
}

export interface Visitor {
  id: string;
  createdDate: string;
  /** Set once the visitor identified themselves and became a contact. */
  contactId?: string;
}

/** `IdentificationData`: who is on the participant side of a conversation or who sent a message. */
export interface Identification {
  anonymousVisitorId?: string;
  contactId?: string;
  memberId?: string;
  appId?: string;
  wixUserId?: string;
}

export interface Conversation {
  id: string;
  participant: Identification;
  channels: string[];
  businessDisplayData: { name: string };
  participantDisplayData: { name: string };
}

export interface ConversationRecord {
  conversation: Conversation;
  createdDate: string;
  /** Set when this conversation was merged into a newer one. */
  mergedInto?: string;
}

export interface Message {
  id: string;
  content: Record<string, unknown>;
  sender: Identification;
  direction: 'BUSINESS_TO_PARTICIPANT' | 'PARTICIPANT_TO_BUSINESS';
  visibility: 'BUSINESS_AND_PARTICIPANT' | 'BUSINESS';
  sequence: string;
  createdDate: string;
  sourceChannel?: string;
  targetChannels?: string[];
  badges?: unknown[];
  appId?: string;
  silent?: boolean;
}

export interface StoredMessage {
  /** The conversation the message was written into (merges make it visible in the target too). */
  conversationId: string;
  message: Message;
}

export type Json = Record<string, unknown>;

export interface DataItem {
  id: string;
  dataCollectionId: string;
  data: Json;
}
