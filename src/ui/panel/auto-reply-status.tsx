import type { FC } from 'react';
import { Badge, Box, Text } from '@wix/design-system';
import type { ConversationItem } from '../api/dashboard-api.js';
import { skipReasonText } from '../format/skip-reasons.js';

const SKIN = { replied: 'success', skipped: 'neutralStandard', failed: 'danger', pending: 'warningLight' } as const;
const LABEL = { replied: 'Replied', skipped: 'Skipped', failed: 'Failed', pending: 'Pending' } as const;

/** The latest auto-reply decision: what happened, and why when it did not reply. */
export const AutoReplyStatus: FC<{ autoReply: ConversationItem['autoReply'] }> = ({ autoReply }) => {
  if (!autoReply) return <Text size="small" secondary>—</Text>;
  return (
    <Box direction="vertical" gap="SP1">
      <Badge skin={SKIN[autoReply.status] ?? 'neutralStandard'} size="small" uppercase={false} dataHook="auto-reply-status">
        {LABEL[autoReply.status] ?? autoReply.status}
      </Badge>
      {autoReply.reason && autoReply.status !== 'replied' ? (
        <Text size="tiny" secondary ellipsis maxLines={1}>{skipReasonText(autoReply.reason)}</Text>
      ) : null}
    </Box>
  );
};
