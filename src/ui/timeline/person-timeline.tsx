import type { FC } from 'react';
import { Box, Button, Divider, Loader, SidePanel, Text } from '@wix/design-system';
import { ExternalLink } from '@wix/wix-ui-icons-common';
import { isNotAvailable } from '../api/api-failure.js';
import type { ConversationItem, DashboardApi } from '../api/dashboard-api.js';
import { useLoad } from '../hooks/use-load.js';
import { ParticipantBadge } from '../panel/participant-badge.js';
import { PersonCell } from '../panel/person-cell.js';
import { channelLabel } from '../panel/conversation-table.js';
import { AutoReplyDecisions } from './auto-reply-decisions.js';
import { IdentityHistory } from './identity-history.js';
import type { InboxLinker } from './inbox-link.js';

interface Props {
  api: DashboardApi;
  item: ConversationItem;
  inboxLink?: InboxLinker;
  refreshMs?: number;
  onClose(): void;
}

/** One person's timeline beside the table: who they became and when, what merged, and what the auto-reply decided. */
export const PersonTimeline: FC<Props> = ({ api, item, inboxLink, refreshMs, onClose }) => {
  const detail = useLoad(() => api.conversation(item.conversationId), [item.conversationId], refreshMs);
  const unavailable = isNotAvailable(detail.error);
  const current = detail.data?.conversation ?? item;
  const link = inboxLink?.(current.conversationId);
  return (
    <SidePanel width="440px" dataHook="person-timeline" closeButtonProps={{ onClick: onClose, ariaLabel: 'Close timeline' }}>
      <SidePanel.Header title="Person timeline" subtitle={<ParticipantBadge type={current.participantType} />} />
      <SidePanel.Content>
        <Box direction="vertical" gap="SP4">
          <PersonCell item={current} />
          <Box direction="vertical" gap="SP1">
            <Text size="tiny" secondary>{`Channel: ${channelLabel(current.channel)} · ${current.messageCount} messages`}</Text>
            {current.phone ? <Text size="tiny" secondary>{`Phone: ${current.phone}`}</Text> : null}
            <Text size="tiny" secondary>{`Conversation ${current.conversationId}`}</Text>
          </Box>
          {link ? (
            <Box>
              {'href' in link ? (
                <Button as="a" href={link.href} target="_blank" rel="noreferrer" size="small" priority="secondary" suffixIcon={<ExternalLink />} dataHook="open-in-inbox">
                  Open in Wix Inbox
                </Button>
              ) : (
                <Button size="small" priority="secondary" suffixIcon={<ExternalLink />} onClick={link.open} dataHook="open-in-inbox">Open in Wix Inbox</Button>
              )}
            </Box>
          ) : null}
          <Divider />
          <Text weight="bold">Identity</Text>
          <IdentityHistory item={current} />
          <Divider />
          <Text weight="bold">Auto-reply decisions</Text>
          {detail.loading && !detail.data && !detail.error ? <Loader size="small" /> : (
            detail.error && !unavailable ? <Text size="small" skin="error">{(detail.error as Error).message}</Text>
              : <AutoReplyDecisions decisions={detail.data?.decisions} unavailable={unavailable} />
          )}
        </Box>
      </SidePanel.Content>
    </SidePanel>
  );
};
