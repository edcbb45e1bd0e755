import type { AutoReplyDecision, ConversationItem, ParticipantType } from '../api/dashboard-api.js';
import { channelPhrase } from '../format/channels.js';

/** One step of a person's story: how they wrote or who they became, when, where, and what the auto-reply did then. */
export interface StoryStep {
  type: ParticipantType;
  at: string;
  /** "Wrote as an anonymous visitor", "Left their email, became a contact", "Registered, became a member". */
  headline: string;
  /** "in the site chat", "by email"; empty when not known for this step. */
  where: string;
  conversationId: string;
  /** Whether this step's conversation has since been merged into the current one. */
  merged: boolean;
  /** The auto-reply decisions taken while the person was at this step, oldest first. */
  decisions: AutoReplyDecision[];
}

/**
 * The person's identity history in words, oldest first: each type change with its time, the channel where it is
 * known, and the auto-reply decisions taken in that step's conversation (or, failing that, during that step).
 */
export function identityStory(item: ConversationItem, decisions: AutoReplyDecision[] = []): StoryStep[] {
  const history = item.typeHistory.length ? item.typeHistory
    : [{ type: item.participantType, at: item.firstMessageAt ?? item.lastMessageAt ?? '', conversationId: item.conversationId }];
  const steps: StoryStep[] = history.map((change, index) => ({
    type: change.type,
    at: change.at,
    headline: headlineOf(change.type, index === 0, item),
    where: whereOf(change.type, change.conversationId, item),
    conversationId: change.conversationId,
    merged: change.conversationId !== item.conversationId,
    decisions: [],
  }));
  for (const decision of [...decisions].sort((a, b) => a.decidedAt.localeCompare(b.decidedAt))) {
    const byConversation = steps.find((step) => step.conversationId === decision.conversationId);
    const byTime = [...steps].reverse().find((step) => step.at <= decision.decidedAt) ?? steps[0];
    (byConversation ?? byTime)?.decisions.push(decision);
  }
  return steps;
}

function headlineOf(type: ParticipantType, first: boolean, item: ConversationItem): string {
  if (first) {
    return type === 'ANONYMOUS_VISITOR' ? 'Wrote as an anonymous visitor' : type === 'CONTACT' ? 'First wrote as a contact' : 'First wrote as a signed-in member';
  }
  if (type === 'MEMBER') return 'Registered, became a member';
  if (type === 'CONTACT') {
    const left = item.email ? 'their email' : item.phone ? 'their phone number' : 'their details';
    return `Left ${left}, became a contact`;
  }
  return 'Wrote as an anonymous visitor';
}

/** Anonymous visitors can only write in the site chat; for other steps the channel is known for the current conversation. */
function whereOf(type: ParticipantType, conversationId: string, item: ConversationItem): string {
  if (type === 'ANONYMOUS_VISITOR') return channelPhrase('CHAT');
  return conversationId === item.conversationId ? channelPhrase(item.channel) : '';
}

/** "2 s later", "3 min later": how long after the step the first decision came; empty when not meaningful. */
export function delayAfter(fromIso: string, toIso: string): string {
  const seconds = Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 1000);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 86_400) return '';
  if (seconds < 60) return `${Math.max(seconds, 1)} s later`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min later` : `${Math.round(minutes / 60)} h later`;
}
