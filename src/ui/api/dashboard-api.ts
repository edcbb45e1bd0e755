import type { ConversationItem, ConversationList } from '../../api/list-conversations.js';
import type { ParticipantType } from '../../core/participant.js';
import type { AutoReplySettings } from '../../core/auto-reply/settings.js';
import type { DryRunRequest, DryRunResult } from '../../api/dry-run.js';
import type { DecisionRecord as AutoReplyDecision } from '../../core/auto-reply/ledger.js';
import type { FunnelAnswer } from '../../api/funnel.js';

export type { ConversationItem, ConversationList, ParticipantType };

/** What the table asks for; the server filters, searches, sorts and pages. */
export interface ListParams {
  type?: ParticipantType;
  search?: string;
  sort: `${'lastMessageAt' | 'firstMessageAt' | 'displayName' | 'messageCount'}:${'asc' | 'desc'}`;
  limit: number;
  offset: number;
  /** The page after the one that gave this `nextCursor`; when given, `offset` is not sent. */
  cursor?: string;
}

/** One auto-reply decision (one incoming message): replied, skipped or failed, and why. */
export type { DecisionRecord as AutoReplyDecision } from '../../core/auto-reply/ledger.js';

/** A conversation with the auto-reply decisions taken in it, newest first. */
export interface ConversationDetail {
  conversation: ConversationItem;
  decisions: AutoReplyDecision[];
}

export interface Stats {
  byType: Record<ParticipantType, number>;
  becameContact: number;
  becameMember: number;
  autoReplies: { replied: number; skipped: number; failed: number };
}

export type { AutoReplySettings } from '../../core/auto-reply/settings.js';
export type { FunnelAnswer as ConversionFunnel } from '../../api/funnel.js';
export type { DryRunRequest, DryRunResult } from '../../api/dry-run.js';

/**
 * Everything the dashboard reads and writes, one call per screen. Two implementations: the self-hosted server
 * (fetch with the instance token) and Wix hosting (`httpClient.fetchWithAuth`); both speak the same paths.
 */
export interface DashboardApi {
  list(params: ListParams): Promise<ConversationList>;
  /** `mergedFrom` (the row's) lets Wix hosting read the old conversations' decisions in the same query. */
  conversation(conversationId: string, mergedFrom?: string[]): Promise<ConversationDetail>;
  stats(range: { from: string; to: string }): Promise<Stats>;
  /** Of the people who first wrote in the range: how many became contacts and members, how fast, by channel. */
  funnel(range: { from: string; to: string }): Promise<FunnelAnswer>;
  settings(): Promise<AutoReplySettings>;
  saveSettings(settings: AutoReplySettings): Promise<AutoReplySettings>;
  /** What the saved rules (or `sample.settings`, a draft over them) would do with this sample message; nothing is sent or saved. */
  dryRun(sample: DryRunRequest): Promise<DryRunResult>;
  contactConversations(contactId: string): Promise<ConversationItem[]>;
}
