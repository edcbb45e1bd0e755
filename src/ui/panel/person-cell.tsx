import type { FC } from 'react';
import { Avatar, Box, Text } from '@wix/design-system';
import type { ConversationItem } from '../api/dashboard-api.js';

/**
 * A person as the owner sees them everywhere: the name the app gives them (the one the table sorts by — "Visitor
 * #1A2B" for an anonymous visitor), and under it how to reach them, or that they have left no details yet.
 */
export function personName(item: ConversationItem): { name: string; detail: string } {
  const name = item.displayName || item.email || item.phone || 'Unnamed contact';
  const reach = [item.email, item.phone].filter((value) => value && value !== name).join(' · ');
  const detail = reach || (item.participantType === 'ANONYMOUS_VISITOR' ? 'Anonymous, no details left yet' : '');
  return { name, detail };
}

export const PersonCell: FC<{ item: ConversationItem }> = ({ item }) => {
  const { name, detail } = personName(item);
  const anonymous = item.participantType === 'ANONYMOUS_VISITOR' && !item.email;
  return (
    <Box gap="SP2" verticalAlign="middle" minWidth={0}>
      <Avatar size="size30" name={anonymous ? undefined : name} ariaLabel={name} />
      <Box direction="vertical" minWidth={0}>
        <Text size="small" weight="normal" ellipsis dataHook="person-name">{name}</Text>
        {detail ? <Text size="tiny" secondary ellipsis dataHook="person-detail">{detail}</Text> : null}
      </Box>
    </Box>
  );
};
