import type { FC } from 'react';
import { Badge, Box, Text } from '@wix/design-system';
import type { AutoReplyDecision } from '../api/dashboard-api.js';
import { ruleInWords } from '../settings/reply-template.js';
import { skipReasonText } from '../format/skip-reasons.js';
import { clockTime } from '../format/time.js';

const BADGE = {
  replied: { skin: 'success', text: 'Auto-reply sent' },
  skipped: { skin: 'neutralStandard', text: 'No auto-reply' },
  failed: { skin: 'danger', text: 'Auto-reply failed' },
} as const;

/** One auto-reply decision, under the step it answered: what happened, when, and why. */
export const DecisionLine: FC<{ decision: AutoReplyDecision }> = ({ decision }) => {
  const badge = BADGE[decision.outcome] ?? BADGE.skipped;
  const why = decision.outcome === 'replied'
    ? (decision.rule ? ruleInWords(decision.rule) : '')
    : decision.reason ? skipReasonText(decision.reason) : '';
  return (
    <Box direction="vertical" gap="SP1" paddingTop="SP1" dataHook="auto-reply-decision">
      <Box gap="SP2" verticalAlign="middle">
        <Badge size="tiny" uppercase={false} skin={badge.skin}>{badge.text}</Badge>
        <Text size="tiny" secondary>{clockTime(decision.decidedAt)}</Text>
      </Box>
      {decision.text ? <Text size="small" secondary dataHook="decision-text">{`“${decision.text}”`}</Text> : null}
      {why ? <Text size="tiny" secondary dataHook="decision-why">{why}</Text> : null}
    </Box>
  );
};
