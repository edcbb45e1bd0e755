import type { AutoReplySettings, ParticipantType } from '../api/dashboard-api.js';
import { PARTICIPANT_PLURAL } from '../format/participant-labels.js';

/** The text a decision's rule (`keyword:2`, `away`, `default:CONTACT`) sends, from the rules it was decided by. */
export function templateOf(rule: string | undefined, settings: AutoReplySettings): string | undefined {
  if (!rule) return undefined;
  const [kind, detail] = rule.split(':');
  if (kind === 'keyword') return settings.keywordRules[Number(detail) - 1]?.text;
  if (kind === 'away') return settings.businessHours.awayText;
  if (kind === 'default' && detail && detail in settings.texts) return settings.texts[detail as ParticipantType];
  return undefined;
}

/** A rule in the owner's words, naming the keyword rule's words when the rules are at hand. */
export function ruleInWords(rule: string, settings?: AutoReplySettings): string {
  const [kind, detail] = rule.split(':');
  if (kind === 'keyword') {
    const words = settings?.keywordRules[Number(detail) - 1]?.keywords ?? [];
    return `Keyword rule ${detail} matched${words.length ? ` (${words.map((word) => `“${word}”`).join(', ')})` : ''}: its text goes out instead of the standard reply.`;
  }
  if (kind === 'away') return 'Outside your business hours, so the away text goes out.';
  if (kind === 'default' && detail && detail in PARTICIPANT_PLURAL) {
    return `The standard reply to ${PARTICIPANT_PLURAL[detail as ParticipantType].toLowerCase()}.`;
  }
  return rule;
}

/** Which reply texts are empty: those people get no auto-reply at all. */
export function silentTypes(settings: AutoReplySettings): ParticipantType[] {
  return (Object.keys(settings.texts) as ParticipantType[]).filter((type) => !settings.texts[type].trim());
}
