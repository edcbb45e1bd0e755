import type { FC } from 'react';
import { Box, Card, Text } from '@wix/design-system';
import { dateTime } from '../format/time.js';
import type { EmulatorSite } from './emulator-client.js';

/** One conversation as Wix Inbox holds it (in the local mode, the emulator plays Wix Inbox). */
export const ConversationView: FC<{ site?: EmulatorSite; conversationId: string }> = ({ site, conversationId }) => {
  const merged = new Set([conversationId, ...(site?.conversations.filter((c) => c.mergedInto === conversationId).map((c) => c.id) ?? [])]);
  const messages = site?.messages.filter((message) => merged.has(message.conversationId)) ?? [];
  return (
    <Card dataHook="sim-conversation">
      <Card.Header title="Wix Inbox (emulated)" subtitle={`Conversation ${conversationId}`} />
      <Card.Divider />
      <Card.Content>
        <Box direction="vertical" gap="SP2">
          {messages.length === 0 ? <Text size="small" secondary>No messages in this conversation.</Text> : messages.map((message, index) => {
            const fromBusiness = message.direction === 'BUSINESS_TO_PARTICIPANT';
            return (
              <Box key={index} direction="vertical" align={fromBusiness ? 'right' : 'left'}>
                <Box padding="SP2" borderRadius="8px" backgroundColor={fromBusiness ? 'B50' : 'D70'} maxWidth="70%">
                  <Text size="small">{message.content?.previewText ?? ''}</Text>
                </Box>
                <Text size="tiny" secondary>{`${fromBusiness ? (message.sender?.appId ? 'Auto-reply' : 'Business') : 'Participant'} · ${dateTime(message.createdDate)}`}</Text>
              </Box>
            );
          })}
        </Box>
      </Card.Content>
    </Card>
  );
};
