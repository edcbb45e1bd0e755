/** Why no auto-reply was sent, in the owner's words (the server gives a code, sometimes `code: detail`). */
export const SKIP_REASON: Record<string, string> = {
  disabled: 'Auto-replies were turned off',
  'channel-off': 'Auto-replies are off for this channel',
  'not-first-message': 'Not the first message of the conversation',
  cooldown: 'Already auto-replied to this person recently',
  'business-active': 'Someone from your team had just written',
  'no-text': 'No reply text for this kind of person',
  'not-a-participant': 'The message was not from a participant',
};

export function skipReasonText(reason: string): string {
  const [code = reason] = reason.split(':');
  return SKIP_REASON[code.trim()] ?? reason;
}
