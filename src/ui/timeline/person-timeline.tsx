import type { FC } from 'react';
import { Box, Divider, Loader, SidePanel, Text } from '@wix/design-system';
import { isNotAvailable } from '../api/api-failure.js';
import type { ConversationItem, DashboardApi } from '../api/dashboard-api.js';
import { useLoad } from '../hooks/use-load.js';
import { ParticipantBadge } from '../panel/participant-badge.js';
import { PersonCell } from '../panel/person-cell.js';
import { channelLabel } from '../panel/conversation-table.js';
import { AutoReplyDecisions } from './auto-reply-decisions.js';
import { IdentityHistory } from './identity-history.js';
import type { ContactLinker, InboxLinker } from './inbox-link.js';
import { LinkButton } from './link-button.js';

interface Props {
  api: DashboardApi;
  item: ConversationItem;
  inboxLink?: InboxLinker;
  contactLink?: ContactLinker;
  refreshMs?: number;
  onClose(): void;
}

/** One person's timeline beside the table: who they became and when, what merged, and what the auto-reply decided. */
export const PersonTimeline: FC<Props> = ({ api, item, inboxLink, contactLink, refreshMs, onClose }) => {
  const detail = useLoad(() => api.conversation(item.conversationId), [item.conversationId], refreshMs);
  const unavailable = isNotAvailable(detail.error);
  const current = detail.data?.conversation ?? item;
  const link = inboxLink?.(current.conversationId);
  const contact = current.contactId ? contactLink?.(current.contactId) : undefined;
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
          {link || contact ? (
            <Box gap="SP2">
              {link ? <LinkButton link={link} dataHook="open-in-inbox">Open in Wix Inbox</LinkButton> : null}
              {contact ? <LinkButton link={contact} dataHook="open-contact">Contact view</LinkButton> : null}
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
