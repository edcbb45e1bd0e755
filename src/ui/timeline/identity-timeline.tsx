import type { FC } from 'react';
import { Box, Loader, SectionHelper, Text, Timeline } from '@wix/design-system';
import type { AutoReplyDecision, ConversationItem } from '../api/dashboard-api.js';
import { clockTime, dateTime } from '../format/time.js';
import { ParticipantBadge } from '../panel/participant-badge.js';
import { DecisionLine } from './decision-line.js';
import { IdentityDetails } from './identity-details.js';
import { delayAfter, identityStory } from './identity-story.js';

/** Where the decisions stand: loaded, still loading, or not offered by this server. */
export type DecisionsState = { decisions: AutoReplyDecision[] } | 'loading' | 'unavailable' | { error: string };

interface Props {
  item: ConversationItem;
  decisions: DecisionsState;
}

/**
 * The person's story in words, oldest first: "Wrote as an anonymous visitor in the site chat → Left their email,
 * became a contact → Registered, became a member", each with its time and the auto-reply decisions taken then.
 * IDs only behind "Show IDs".
 */
export const IdentityTimeline: FC<Props> = ({ item, decisions }) => {
  const loaded = typeof decisions === 'object' && 'decisions' in decisions ? decisions.decisions : undefined;
  const steps = identityStory(item, loaded);
  const items = steps.map((step, index) => ({
    label: (
      <Box direction="vertical" gap="SP1" dataHook="type-change">
        <Box gap="SP2" verticalAlign="middle">
          <Text size="small" weight="bold" dataHook="story-headline">{step.where ? `${step.headline} ${step.where}` : step.headline}</Text>
        </Box>
        <Box gap="SP2" verticalAlign="middle">
          <ParticipantBadge type={step.type} size="tiny" />
          <Text size="tiny" secondary><span title={dateTime(step.at)}>{clockTime(step.at)}</span></Text>
          {index > 0 ? <Text size="tiny" secondary>{delayAfter(steps[index - 1]!.at, step.at)}</Text> : null}
        </Box>
        {step.decisions.map((decision) => (
          <DecisionLine key={decision.eventId} decision={decision} />
        ))}
      </Box>
    ),
  }));
  const merged = item.mergedFrom.length;
  return (
    <Box direction="vertical" gap="SP3" dataHook="identity-story">
      <Timeline items={items} gap="18px" dataHook="identity-timeline" />
      {decisions === 'loading' ? <Box gap="SP2" verticalAlign="middle"><Loader size="tiny" /><Text size="tiny" secondary>Loading the auto-reply decisions…</Text></Box> : null}
      {decisions === 'unavailable' ? (
        <SectionHelper skin="standard" size="small">The auto-reply decisions appear once the app's server is updated to the version with auto-replies.</SectionHelper>
      ) : null}
      {typeof decisions === 'object' && 'error' in decisions ? <Text size="tiny" skin="error">{`Auto-reply decisions: ${decisions.error}`}</Text> : null}
      {loaded && loaded.length === 0 ? <Text size="tiny" secondary>No auto-reply decisions yet for this person.</Text> : null}
      <Box direction="vertical" gap="SP1" dataHook="merged-from">
        <Text size="small" secondary>
          {merged === 0 ? 'They have written in one conversation only.'
            : `Wix merged ${merged === 1 ? 'their earlier conversation' : `their ${merged} earlier conversations`} into this one as they ${mergedBecause(item)}, so the whole history is here.`}
        </Text>
        <IdentityDetails item={item} />
      </Box>
    </Box>
  );
};

function mergedBecause(item: ConversationItem): string {
  const types = new Set(item.typeHistory.slice(1).map((step) => step.type));
  if (types.has('CONTACT') && types.has('MEMBER')) return 'left their details and registered';
  if (types.has('MEMBER')) return 'registered';
  if (types.has('CONTACT')) return 'left their details';
  return 'wrote again';
}
