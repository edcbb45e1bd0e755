import type { FC } from 'react';
import { Box, Text, Timeline } from '@wix/design-system';
import type { ConversationItem } from '../api/dashboard-api.js';
import { dateTime } from '../format/time.js';
import { PARTICIPANT_LABEL } from '../format/participant-labels.js';
import { ParticipantBadge } from '../panel/participant-badge.js';

const FIRST_SEEN = { ANONYMOUS_VISITOR: 'First wrote as an anonymous visitor', CONTACT: 'First wrote as a contact', MEMBER: 'First wrote as a member' };

/** Each type change, oldest first, with its time and the conversation it happened in; then the merged IDs. */
export const IdentityHistory: FC<{ item: ConversationItem }> = ({ item }) => {
  const items = item.typeHistory.map((change, index) => {
    const merged = change.conversationId !== item.conversationId;
    return {
      label: (
        <Box direction="vertical" gap="SP1" dataHook="type-change">
          <Box gap="SP1" verticalAlign="middle">
            <ParticipantBadge type={change.type} size="tiny" />
            <Text size="small" weight="bold">
              {index === 0 ? FIRST_SEEN[change.type] : `Became a ${PARTICIPANT_LABEL[change.type].toLowerCase()}`}
            </Text>
          </Box>
          <Text size="tiny" secondary>
            {merged ? `In conversation ${change.conversationId}, since merged into this one` : `In conversation ${change.conversationId}`}
          </Text>
        </Box>
      ),
      suffix: <Text size="tiny" secondary>{dateTime(change.at)}</Text>,
    };
  });
  return (
    <Box direction="vertical" gap="SP3">
      {items.length ? <Timeline items={items} dataHook="identity-timeline" /> : <Text size="small" secondary>No type changes recorded yet.</Text>}
      <Box direction="vertical" gap="SP1" dataHook="merged-from">
        <Text size="small" weight="bold">Merged conversations</Text>
        {item.mergedFrom.length ? (
          item.mergedFrom.map((id) => <Text key={id} size="small" secondary>{id}</Text>)
        ) : (
          <Text size="small" secondary>None: this person has written in one conversation only.</Text>
        )}
      </Box>
    </Box>
  );
};
