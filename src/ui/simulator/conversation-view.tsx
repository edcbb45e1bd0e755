import type { FC } from 'react';
import { Box, Card, Text } from '@wix/design-system';
import { dateTime } from '../format/time.js';
import type { EmulatorSite } from './emulator-client.js';

/**
 * The conversation a link points at, where it lives now (an old ID follows its merges forward), and every
 * conversation merged into it at any depth: visitor → contact → member is two merges, and all their messages show.
 */
export function mergedChain(site: EmulatorSite | undefined, conversationId: string): { currentId: string; ids: Set<string> } {
  const conversations = site?.conversations ?? [];
  const mergedInto = new Map(conversations.flatMap((c) => (c.mergedInto ? [[c.id, c.mergedInto] as const] : [])));
  let currentId = conversationId;
  for (const seen = new Set<string>(); mergedInto.has(currentId) && !seen.has(currentId);) {
    seen.add(currentId);
    currentId = mergedInto.get(currentId)!;
  }
  const ids = new Set([currentId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [from, into] of mergedInto) if (ids.has(into) && !ids.has(from)) { ids.add(from); grew = true; }
  }
  return { currentId, ids };
}

/** One conversation as Wix Inbox holds it (in the local mode, the emulator plays Wix Inbox), with everything merged into it. */
export const ConversationView: FC<{ site?: EmulatorSite; conversationId: string }> = ({ site, conversationId }) => {
  const { currentId, ids } = mergedChain(site, conversationId);
  const messages = (site?.messages.filter((message) => ids.has(message.conversationId)) ?? [])
    .sort((a, b) => (a.createdDate ?? '').localeCompare(b.createdDate ?? ''));
  const merged = ids.size - 1;
  return (
    <Card dataHook="sim-conversation">
      <Card.Header title="Wix Inbox (emulated)"
        subtitle={`Conversation ${currentId}${merged ? ` · ${merged === 1 ? 'one earlier conversation' : `${merged} earlier conversations`} merged in` : ''}`} />
      <Card.Divider />
      <Card.Content>
        <Box direction="vertical" gap="SP2">
          {messages.length === 0 ? <Text size="small" secondary>No messages in this conversation.</Text> : messages.map((message, index) => {
            const fromBusiness = message.direction === 'BUSINESS_TO_PARTICIPANT';
            return (
              <Box key={index} direction="vertical" align={fromBusiness ? 'right' : 'left'} dataHook="sim-message-bubble">
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
