import { useState, type FC } from 'react';
import { Box, Text, TextButton } from '@wix/design-system';
import type { ConversationItem } from '../api/dashboard-api.js';

/** The IDs behind the story, for support and for finding the person in Wix: hidden until asked for. */
export const IdentityDetails: FC<{ item: ConversationItem }> = ({ item }) => {
  const [open, setOpen] = useState(false);
  const rows: [string, string | undefined][] = [
    ['Conversation', item.conversationId],
    ...item.mergedFrom.map((id, index): [string, string] => [item.mergedFrom.length > 1 ? `Merged conversation ${index + 1}` : 'Merged conversation', id]),
    ['Member ID', item.memberId],
    ['Contact ID', item.contactId],
    ['Visitor ID', item.anonymousVisitorId],
  ];
  return (
    <Box direction="vertical" gap="SP1">
      <Box>
        <TextButton size="tiny" onClick={() => setOpen(!open)} ariaExpanded={open} dataHook="show-ids">{open ? 'Hide IDs' : 'Show IDs'}</TextButton>
      </Box>
      {open ? (
        <Box direction="vertical" gap="SP1" dataHook="identity-ids">
          {rows.filter(([, id]) => id).map(([label, id]) => (
            <Box key={`${label}${id}`} direction="vertical">
              <Text size="tiny" secondary>{label}</Text>
              <Text size="tiny"><span style={{ wordBreak: 'break-all' }}>{id}</span></Text>
            </Box>
          ))}
        </Box>
      ) : null}
    </Box>
  );
};
