import type { FC } from 'react';
import { Badge, Box, Text, Tooltip } from '@wix/design-system';
import type { ConversationItem } from '../api/dashboard-api.js';
import { skipReasonText } from '../format/skip-reasons.js';

const SKIN = { replied: 'success', skipped: 'neutralStandard', failed: 'danger', pending: 'warningLight' } as const;
const LABEL = { replied: 'Replied', skipped: 'Skipped', failed: 'Failed', pending: 'Pending' } as const;

/**
 * The latest auto-reply decision: a badge the size of its word, and why when it did not reply — on two lines at
 * most, the whole reason in a tooltip. `inline` puts the reason beside the badge (the phone layout).
 */
export const AutoReplyStatus: FC<{ autoReply: ConversationItem['autoReply']; inline?: boolean }> = ({ autoReply, inline }) => {
  if (!autoReply) return inline ? null : <Text size="small" secondary>—</Text>;
  const reason = autoReply.reason && autoReply.status !== 'replied' ? skipReasonText(autoReply.reason) : undefined;
  return (
    <Box direction={inline ? 'horizontal' : 'vertical'} gap="SP1" verticalAlign={inline ? 'middle' : undefined} align="left" minWidth={0}>
      <Box style={{ flexShrink: 0 }}>
        <Badge skin={SKIN[autoReply.status] ?? 'neutralStandard'} size="small" uppercase={false} dataHook="auto-reply-status">
          {LABEL[autoReply.status] ?? autoReply.status}
        </Badge>
      </Box>
      {reason ? (
        <Tooltip content={reason} size="small" placement="top">
          <Text size="tiny" secondary ellipsis maxLines={inline ? 1 : 2} showTooltip={false} dataHook="auto-reply-reason">{reason}</Text>
        </Tooltip>
      ) : null}
    </Box>
  );
};
