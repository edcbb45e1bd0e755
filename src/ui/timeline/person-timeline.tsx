import type { FC } from 'react';
import { Box, Divider, SidePanel, Text } from '@wix/design-system';
import { isNotAvailable } from '../api/api-failure.js';
import type { ConversationItem, DashboardApi } from '../api/dashboard-api.js';
import { channelLabel } from '../format/channels.js';
import { count } from '../format/plural.js';
import { timeAgo } from '../format/time.js';
import { useLoad } from '../hooks/use-load.js';
import { ParticipantBadge } from '../panel/participant-badge.js';
import { personName } from '../panel/person-cell.js';
import { StaleNotice } from '../panel/stale-notice.js';
import type { ContactLinker, InboxLinker } from './inbox-link.js';
import { IdentityTimeline, type DecisionsState } from './identity-timeline.js';
import { LinkButton } from './link-button.js';
import { SideSheet } from './side-sheet.js';
import { failureText } from '../api/failure-text.js';

interface Props {
  api: DashboardApi;
  item: ConversationItem;
  inboxLink?: InboxLinker;
  contactLink?: ContactLinker;
  refreshMs?: number;
  /** The whole window's width on narrow screens, else beside the table. */
  fullWidth?: boolean;
  onClose(): void;
}

/** One person's timeline in a side panel: who they became and when, and what the auto-reply did at each step. */
export const PersonTimeline: FC<Props> = ({ api, item, inboxLink, contactLink, refreshMs, fullWidth, onClose }) => {
  const detail = useLoad(() => api.conversation(item.conversationId, item.mergedFrom), [item.conversationId], refreshMs);
  const current = detail.data?.conversation ?? item;
  const link = inboxLink?.(current.conversationId);
  const contact = current.contactId ? contactLink?.(current.contactId) : undefined;
  const { name, detail: reach } = personName(current);
  const decisions: DecisionsState = detail.data ? { decisions: detail.data.decisions }
    : isNotAvailable(detail.error) ? 'unavailable'
      : detail.error ? { error: failureText(detail.error) } : 'loading';
  return (
    <SideSheet label={`Timeline of ${name}`} width={fullWidth ? '100vw' : '440px'} onClose={onClose} dataHook="timeline-overlay">
      <SidePanel width="100%" height="100%" dataHook="person-timeline" closeButtonProps={{ onClick: onClose, ariaLabel: 'Close timeline' }}>
        <SidePanel.Header title={name} subtitle={reach || undefined} />
        <SidePanel.Content>
          <Box direction="vertical" gap="SP4" paddingBottom="SP4">
            <Box gap="SP2" verticalAlign="middle">
              <ParticipantBadge type={current.participantType} />
              <Text size="small" secondary dataHook="timeline-summary">
                {`${channelLabel(current.channel)} · ${count(current.messageCount, 'message')} · last ${timeAgo(current.lastMessageAt)}`}
              </Text>
            </Box>
            {detail.data && detail.error ? <StaleNotice loadedAt={detail.loadedAt} error={detail.error} retrying={Boolean(refreshMs)} onRetry={detail.reload} /> : null}
            {link || contact ? (
              <Box gap="SP2">
                {link ? <LinkButton link={link} dataHook="open-in-inbox">Open in Wix Inbox</LinkButton> : null}
                {contact ? <LinkButton link={contact} dataHook="open-contact">Contact view</LinkButton> : null}
              </Box>
            ) : null}
            <Divider />
            <Text weight="bold">How they became who they are</Text>
            <IdentityTimeline item={current} decisions={decisions} />
          </Box>
        </SidePanel.Content>
      </SidePanel>
    </SideSheet>
  );
};
