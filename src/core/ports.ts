import type { AutoReplySettings } from './auto-reply/settings.js';
import type { ConversationStats, DecisionRecord, ReplyClaim, StatsPeriod } from './auto-reply/ledger.js';
import type { ConversationPage, ConversationQuery, ConversationRecord } from './conversation.js';
import type { ConversionFunnel } from './conversion-funnel.js';
import type { PersonDetails } from './display-name.js';
import type { CurrentParticipantId, ParticipantIds } from './participant.js';

/** The only way the core learns the time. */
export interface Clock {
  now(): Date;
}

/** A webhook event as received, kept until it has been fully processed (the durable work queue). */
export interface JournalEntry {
  instanceId: string;
  eventId: string;
  eventType: string;
  /** The parsed event, as JSON. */
  payload: string;
  receivedAt: string;
  /** How far processing got; each stage is done at most once. */
  stage: string;
  attempts: number;
  nextAttemptAt: string;
  lastError?: string;
  doneAt?: string;
}

/** What is known about one person on one site, cached so a chatty participant costs no repeated lookups. */
export interface PersonRecord {
  instanceId: string;
  ids: ParticipantIds;
  details: PersonDetails;
  memberStatus?: string;
  resolvedAt: string;
  stale: boolean;
}

/**
 * The app's own storage. Every row and every query carries the site's instanceId;
 * nothing crosses between instances.
 */
export interface Store {
  /** Adds an event to the journal once; a second delivery of the same event ID on the same site is a duplicate. */
  addEvent(entry: JournalEntry): Promise<'added' | 'duplicate'>;
  getEvent(instanceId: string, eventId: string): Promise<JournalEntry | undefined>;
  updateEvent(entry: JournalEntry): Promise<void>;
  /** Events not done whose next attempt is due, oldest first, across all sites. */
  dueEvents(now: string, limit: number): Promise<JournalEntry[]>;

  getConversation(instanceId: string, conversationId: string): Promise<ConversationRecord | undefined>;
  putConversation(record: ConversationRecord): Promise<void>;
  removeConversation(instanceId: string, conversationId: string): Promise<void>;
  listConversations(instanceId: string, query: ConversationQuery): Promise<ConversationPage>;
  /** Conversations whose participant has any of these IDs. */
  findConversationsByParticipant(instanceId: string, ids: ParticipantIds): Promise<ConversationRecord[]>;

  /** The conversation an old (merged) ID now lives in, if it was merged. */
  getAlias(instanceId: string, conversationId: string): Promise<string | undefined>;
  setAlias(instanceId: string, oldConversationId: string, targetConversationId: string): Promise<void>;
  /** The old IDs whose alias points at this conversation. */
  aliasesTo(instanceId: string, targetConversationId: string): Promise<string[]>;

  /** The cached person under any one of their IDs. */
  getPerson(instanceId: string, ids: ParticipantIds): Promise<PersonRecord | undefined>;
  putPerson(person: PersonRecord): Promise<void>;

  /** The site owner's auto-reply settings as last saved; undefined until they save any. */
  getSettings(instanceId: string): Promise<AutoReplySettings | undefined>;
  putSettings(instanceId: string, settings: AutoReplySettings): Promise<void>;

  /** Inserts a reply claim; 'taken' if (instanceId, personKey, seq) exists already — concurrent callers race safely. */
  claimReply(claim: ReplyClaim): Promise<'claimed' | 'taken'>;
  /** Rewrites an existing claim (its status, message ID or error). */
  updateReplyClaim(claim: ReplyClaim): Promise<void>;
  /** The newest claims filed under any of these person keys, newest first (claimedAt, then seq). */
  replyClaims(instanceId: string, personKeys: string[], limit: number): Promise<ReplyClaim[]>;

  /** Records (or replaces) the decision for one event. */
  putDecision(decision: DecisionRecord): Promise<void>;
  /** Decisions made in any of these conversations, newest first (decidedAt, then eventId). */
  listDecisions(instanceId: string, conversationIds: string[], limit: number): Promise<DecisionRecord[]>;
  /** The dashboard's cards for a period [from, to). */
  conversationStats(instanceId: string, period: StatsPeriod): Promise<ConversationStats>;

  // The conversion funnel (see core/conversion-funnel.ts for what counts).
  /** The funnel of the people who first wrote in [from, to): how many became contacts and members, how fast, by channel. */
  conversionFunnel(instanceId: string, period: StatsPeriod): Promise<ConversionFunnel>;
  // --- Site lifecycle: journal pruning and App Removed (see README RELIABILITY) ---
  /**
   * Deletes journal entries that are done and were received before `receivedBefore` (ISO): past Wix's resend
   * horizon they are no longer needed for dedupe. At most `limit` a call; answers how many were deleted.
   */
  pruneJournal(receivedBefore: string, limit: number): Promise<number>;
  /** Deletes everything stored for one site (the app was removed from it); other sites are untouched. */
  deleteSite(instanceId: string): Promise<void>;

  /**
   * Optional: applies one unit of work — a step's writes and its journal entry — in one transaction, all or none.
   * A store with it gets a step's writes batched (see services/unit-of-work.ts); one without gets them one by one.
   */
  writeBatch?(writes: StoreWrites): Promise<void>;

  close(): Promise<void>;
}

/** The writes of one unit of work; each record appears once, in its final state. */
export interface StoreWrites {
  conversations: ConversationRecord[];
  removedConversations: { instanceId: string; conversationId: string }[];
  aliases: { instanceId: string; oldConversationId: string; targetConversationId: string }[];
  /** In the order written (a person's later record folds in what the earlier one knew). */
  persons: PersonRecord[];
  decisions: DecisionRecord[];
  /** Rewrites of existing reply claims (sent, failed). */
  replyClaims: ReplyClaim[];
  /** Journal entries rewritten (updateEvent), last of all. */
  events: JournalEntry[];
}

/** A contact or member as the Directory resolves it. */
export interface DirectoryEntry {
  ids: ParticipantIds;
  details: PersonDetails;
  memberStatus?: string;
}

/** Contacts, Members and the Inbox's own record: who a participant is. */
export interface Directory {
  /** Resolves the person behind these IDs with one call: the member (who carries their contact's details), else the contact. */
  lookup(instanceId: string, ids: ParticipantIds): Promise<DirectoryEntry>;
  /** The participant of a conversation, as Wix Inbox has it (Get Conversation); undefined if Wix has no such conversation. */
  participantOf(instanceId: string, conversationId: string): Promise<ParticipantIds | undefined>;
}

/** A message the app sends to a participant. */
export interface OutgoingMessage {
  text: string;
  badgeText?: string;
}

/** What Get Or Create Conversation answers: the person's current conversation, whose it is, and the business's name. */
export interface CurrentConversation {
  conversationId: string;
  businessName?: string;
  /** The conversation's participant as Wix has it now (a visitor's ID may answer with their member's conversation). */
  participant?: ParticipantIds;
  /** The name Wix Inbox shows for the participant (`participantDisplayData.name`), if it gave one. */
  participantName?: string;
}

/** Wix Inbox, as the app uses it. */
export interface Inbox {
  /** The most current conversation for this participant (Get Or Create Conversation), with the business's name on it. */
  currentConversation(instanceId: string, participantId: CurrentParticipantId): Promise<CurrentConversation>;
  send(instanceId: string, conversationId: string, message: OutgoingMessage): Promise<{ messageId: string }>;
  /** When someone from the business last wrote in the conversation, if within the newest page of messages. */
  lastBusinessMessageAt(instanceId: string, conversationId: string): Promise<Date | undefined>;
  /** The IDs of messages this app sent in the conversation at or after `since`, newest first, within the newest page. */
  appMessagesSince(instanceId: string, conversationId: string, since: Date): Promise<string[]>;
}
