import type { FC } from 'react';
import { Box, Button, Card, EmptyState, Loader, Text } from '@wix/design-system';
import { isNotAvailable } from '../api/api-failure.js';
import type { ConversationItem, DashboardApi } from '../api/dashboard-api.js';
import { failureText } from '../api/failure-text.js';
import { channelLabel } from '../format/channels.js';
import { count } from '../format/plural.js';
import { timeAgo } from '../format/time.js';
import { useLoad } from '../hooks/use-load.js';
import { ParticipantBadge } from '../panel/participant-badge.js';
import { PersonCell } from '../panel/person-cell.js';
import { IdentityTimeline, type DecisionsState } from '../timeline/identity-timeline.js';

/** For the CRM contact page: this contact's conversations, each with the story of who they became and the auto-replies. */
export const ContactIdentity: FC<{ api: DashboardApi; contactId: string }> = ({ api, contactId }) => {
  const list = useLoad(() => api.contactConversations(contactId), [api, contactId]);
  if (list.error) {
    return (
      <EmptyState skin="section" dataHook="contact-error"
        title={isNotAvailable(list.error) ? 'Not available on this server yet' : "We couldn't load this contact's conversations"}
        subtitle={failureText(list.error)}>
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
  const detail = useLoad(() => api.conversation(item.conversationId, item.mergedFrom), [api, item.conversationId]);
  const current = detail.data?.conversation ?? item;
  const decisions: DecisionsState = detail.data ? { decisions: detail.data.decisions }
    : isNotAvailable(detail.error) ? 'unavailable' : detail.error ? { error: failureText(detail.error) } : 'loading';
  return (
    <Card>
      <Card.Content>
        <Box direction="vertical" gap="SP3">
          <Box align="space-between" verticalAlign="middle" gap="SP2">
            <PersonCell item={current} />
            <ParticipantBadge type={current.participantType} />
          </Box>
          <Text size="tiny" secondary>{`${channelLabel(current.channel)} · ${count(current.messageCount, 'message')} · last ${timeAgo(current.lastMessageAt)}`}</Text>
          {current.lastMessagePreview ? <Text size="small">{`Last message: “${current.lastMessagePreview}”`}</Text> : null}
          <Text size="small" weight="bold">How they became who they are</Text>
          <IdentityTimeline item={current} decisions={decisions} />
        </Box>
      </Card.Content>
    </Card>
  );
};
