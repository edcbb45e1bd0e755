import type { FC } from 'react';
import { Avatar, Box, Text } from '@wix/design-system';
import type { ConversationItem } from '../api/dashboard-api.js';

/** The person: their name and email, or a recognisable "Anonymous visitor" with a short ID to tell them apart. */
export const PersonCell: FC<{ item: ConversationItem }> = ({ item }) => {
  const anonymous = item.participantType === 'ANONYMOUS_VISITOR' && !item.email;
  const name = anonymous ? 'Anonymous visitor' : item.displayName || item.email || 'Unnamed contact';
  const detail = anonymous ? `Visitor ${shortId(item.anonymousVisitorId)}` : item.email ?? item.phone ?? '';
  return (
    <Box gap="SP2" verticalAlign="middle">
      <Avatar size="size30" name={anonymous ? undefined : name} ariaLabel={name} />
      <Box direction="vertical" minWidth={0}>
        <Text size="small" weight="normal" ellipsis dataHook="person-name">{name}</Text>
        {detail ? <Text size="tiny" secondary ellipsis dataHook="person-detail">{detail}</Text> : null}
      </Box>
    </Box>
  );
};

export function shortId(id: string | undefined): string {
  return id ? `#${id.replace(/[^a-z0-9]/gi, '').slice(-6)}` : '';
}
