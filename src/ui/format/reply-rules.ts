import { PARTICIPANT_PLURAL } from './participant-labels.js';

/** A decision's rule (`keyword:2`, `away`, `default:CONTACT`) in the owner's words. */
export function ruleLabel(rule: string): string {
  const [kind, detail] = rule.split(':');
  if (kind === 'keyword') return `Keyword rule ${detail} matched the message.`;
  if (kind === 'away') return 'Outside business hours: the away text.';
  if (kind === 'default' && detail && detail in PARTICIPANT_PLURAL) {
    return `The standard reply to ${PARTICIPANT_PLURAL[detail as keyof typeof PARTICIPANT_PLURAL].toLowerCase()}.`;
  }
  return rule;
}
