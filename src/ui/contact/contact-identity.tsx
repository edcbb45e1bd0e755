import type { FC } from 'react';
import { Box, Button, Card, EmptyState, Loader, Text } from '@wix/design-system';
import { isNotAvailable } from '../api/api-failure.js';
import type { ConversationItem, DashboardApi } from '../api/dashboard-api.js';
import { timeAgo } from '../format/time.js';
import { useLoad } from '../hooks/use-load.js';
import { channelLabel } from '../panel/conversation-table.js';
import { ParticipantBadge } from '../panel/participant-badge.js';
import { PersonCell } from '../panel/person-cell.js';
import { AutoReplyDecisions } from '../timeline/auto-reply-decisions.js';
import { IdentityHistory } from '../timeline/identity-history.js';

/** For the CRM contact page: this contact's conversations, each with its identity timeline and auto-reply decisions. */
export const ContactIdentity: FC<{ api: DashboardApi; contactId: string }> = ({ api, contactId }) => {
  const list = useLoad(() => api.contactConversations(contactId), [api, contactId]);
  if (list.error) {
    return (
      <EmptyState skin="section" dataHook="contact-error"
        title={isNotAvailable(list.error) ? 'Not available on this server yet' : "We couldn't load this contact's conversations"}
        subtitle={(list.error as Error).message}>
        <Button size="small" onClick={list.reload}>Try again</Button>
      </EmptyState>
    );
  }
  if (!list.data) return <Box align="center" padding="SP6"><Loader text="Loading conversations…" /></Box>;
  if (!list.data.length) {
    return <EmptyState skin="section" dataHook="contact-empty" title="No conversations with this contact yet"
      subtitle="When they write to your business, their conversations and identity history appear here." />;
  }
  return (
    <Box direction="vertical" gap="SP4" dataHook="contact-identity">
      {list.data.map((item) => <ContactConversation key={item.conversationId} api={api} item={item} />)}
    </Box>
  );
};

const ContactConversation: FC<{ api: DashboardApi; item: ConversationItem }> = ({ api, item }) => {
  const detail = useLoad(() => api.conversation(item.conversationId), [api, item.conversationId]);
  return (
    <Card>
      <Card.Content>
        <Box direction="vertical" gap="SP3">
          <Box align="space-between" verticalAlign="middle">
            <PersonCell item={item} />
            <ParticipantBadge type={item.participantType} />
          </Box>
          <Text size="tiny" secondary>{`${channelLabel(item.channel)} · ${item.messageCount} messages · last ${timeAgo(item.lastMessageAt)}`}</Text>
          {item.lastMessagePreview ? <Text size="small">{`“${item.lastMessagePreview}”`}</Text> : null}
          <IdentityHistory item={item} />
          <Text size="small" weight="bold">Auto-reply decisions</Text>
          <AutoReplyDecisions decisions={detail.data?.decisions} unavailable={isNotAvailable(detail.error)} />
        </Box>
      </Card.Content>
    </Card>
  );
};
