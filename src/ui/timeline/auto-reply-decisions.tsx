import type { FC } from 'react';
import { Badge, Box, SectionHelper, Text } from '@wix/design-system';
import type { AutoReplyDecision } from '../api/dashboard-api.js';
import { ruleLabel } from '../format/reply-rules.js';
import { skipReasonText } from '../format/skip-reasons.js';
import { dateTime } from '../format/time.js';

const SKIN: Record<string, 'success' | 'neutralStandard' | 'danger' | 'warningLight'> = {
  replied: 'success', sent: 'success', skipped: 'neutralStandard', failed: 'danger', pending: 'warningLight',
};


/** The auto-reply decisions taken in this conversation, newest first, each with its reason. */
export const AutoReplyDecisions: FC<{ decisions?: AutoReplyDecision[]; unavailable?: boolean }> = ({ decisions, unavailable }) => {
  if (unavailable) {
    return (
      <SectionHelper skin="standard" size="small">
        The decision history appears once the server is updated to the version with auto-replies.
      </SectionHelper>
    );
  }
  if (!decisions?.length) return <Text size="small" secondary>No auto-reply decisions yet for this conversation.</Text>;
  return (
    <Box direction="vertical" gap="SP2" dataHook="auto-reply-decisions">
      {decisions.map((decision) => {
        const status = decision.outcome;
        return (
          <Box key={decision.eventId} direction="vertical" gap="SP1" dataHook="auto-reply-decision">
            <Box gap="SP2" verticalAlign="middle">
              <Badge size="tiny" uppercase={false} skin={SKIN[status] ?? 'neutralStandard'}>{status.charAt(0).toUpperCase() + status.slice(1)}</Badge>
              <Text size="tiny" secondary>{dateTime(decision.decidedAt)}</Text>
            </Box>
            {decision.reason ? <Text size="small">{skipReasonText(decision.reason)}</Text> : null}
            {decision.rule && decision.outcome === 'replied' ? <Text size="tiny" secondary title={`rule: ${decision.rule}`}>{ruleLabel(decision.rule)}</Text> : null}
            {decision.text ? <Text size="small" secondary>{`“${decision.text}”`}</Text> : null}
          </Box>
        );
      })}
    </Box>
  );
};
