import type { PersonDetails } from '../display-name.js';
import type { ParticipantType } from '../participant.js';
import { isOpen } from './business-hours.js';
import { matchKeywordRule } from './keywords.js';
import { renderText, valuesOf } from './render.js';
import { CHANNELS, type AutoReplySettings, type Channel } from './settings.js';

/** Why no auto-reply was sent; shown to the owner with each message. */
export type SkipReason =
  | 'disabled' | 'channel-off' | 'cooldown' | 'not-first-message' | 'business-active' | 'no-text' | 'not-a-participant';

/** What the Inbox says about the conversation, asked for only when a reply is otherwise due. */
export interface ConversationFacts {
  businessName?: string;
  lastBusinessMessageAt?: Date;
}

export interface ReplyFacts {
  settings: AutoReplySettings;
  participantType: ParticipantType;
  details: PersonDetails;
  text?: string;
  channel?: string;
  /** Now: when the reply would go out. */
  at: Date;
  /** When this person (under any of their IDs) was last auto-replied to. */
  lastReplyAt?: Date;
  isFirstMessage: boolean;
  conversation?: ConversationFacts;
}

export type ReplyDecision =
  | { outcome: 'reply'; text: string; rule: string }
  | { outcome: 'skip'; reason: SkipReason; detail?: string }
  /** A reply is due by every rule that needs no Wix call: fetch the conversation facts and decide again. */
  | { outcome: 'ask'; needs: 'conversation' };

const HOUR_MS = 3_600_000;

/** The whole auto-reply policy: pure, the time and every fact passed in. */
export function decideAutoReply(facts: ReplyFacts): ReplyDecision {
  const { settings } = facts;
  if (!settings.enabled) return skip('disabled');
  const channel = channelOf(facts.channel);
  if (channel && !settings.channels[channel]) return skip('channel-off', channel);
  if (settings.firstMessageOnly && !facts.isFirstMessage) return skip('not-first-message');
  if (facts.lastReplyAt && settings.cooldownHours > 0) {
    const since = facts.at.getTime() - facts.lastReplyAt.getTime();
    if (since < settings.cooldownHours * HOUR_MS) return skip('cooldown', `last auto-reply ${facts.lastReplyAt.toISOString()}`);
  }
  const { template, rule } = chooseTemplate(facts);
  if (!template.trim()) return skip('no-text', rule);
  if (!facts.conversation) return { outcome: 'ask', needs: 'conversation' };
  const quietMs = settings.quietWhileBusinessMinutes * 60_000;
  const lastBusiness = facts.conversation.lastBusinessMessageAt;
  if (quietMs > 0 && lastBusiness && facts.at.getTime() - lastBusiness.getTime() < quietMs) {
    return skip('business-active', `the business wrote at ${lastBusiness.toISOString()}`);
  }
  const businessName = settings.businessName?.trim() || facts.conversation.businessName;
  return { outcome: 'reply', text: renderText(template, valuesOf(facts.details, businessName)), rule };
}

/** Whether deciding needs the business's last message (so the Inbox is asked only then). */
export function needsBusinessActivity(settings: AutoReplySettings): boolean {
  return settings.quietWhileBusinessMinutes > 0;
}

/** A keyword rule first (a specific answer beats a generic one), then the away text, then the type's text. */
function chooseTemplate(facts: ReplyFacts): { template: string; rule: string } {
  const { settings } = facts;
  const keyword = matchKeywordRule(settings.keywordRules, facts.text);
  if (keyword) return { template: keyword.rule.text, rule: `keyword:${keyword.index + 1}` };
  if (!isOpen(settings.businessHours, facts.at)) return { template: settings.businessHours.awayText, rule: 'away' };
  return { template: settings.texts[facts.participantType], rule: `default:${facts.participantType}` };
}

function channelOf(channel: string | undefined): Channel | undefined {
  const upper = channel?.toUpperCase();
  return (CHANNELS as readonly string[]).includes(upper ?? '') ? (upper as Channel) : undefined;
}

function skip(reason: SkipReason, detail?: string): ReplyDecision {
  return detail === undefined ? { outcome: 'skip', reason } : { outcome: 'skip', reason, detail };
}
