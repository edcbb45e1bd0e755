import type { FC } from 'react';
import { Box, Card, Cell, Layout, SectionHelper, StatisticsWidget } from '@wix/design-system';
import type { StatsView } from './load-stats.js';

interface Props {
  view?: StatsView;
  loading: boolean;
  periodLabel: string;
}

const number = (value: number | undefined, partial = false) => (partial || value === undefined ? '—' : value.toLocaleString());

type StatItem = { value: string; description: string; descriptionInfo?: string };

/** One card of figures under a title. */
const StatCard: FC<{ span: number; title: string; subtitle: string; busy: boolean; dataHook: string; items: StatItem[] }> = ({ span, title, subtitle, busy, dataHook, items }) => (
  <Cell span={span}>
    <Card stretchVertically>
      <Card.Header title={title} subtitle={subtitle} />
      <Card.Divider />
      <Card.Content>
        <StatisticsWidget size="tiny" isLoading={busy} dataHook={dataHook} items={items} />
      </Card.Content>
    </Card>
  </Cell>
);

/** The three cards at the top: who is writing, who moved along the lifecycle, and what the auto-replies did. */
export const StatsCards: FC<Props> = ({ view, loading, periodLabel }) => {
  const stats = view?.stats;
  const partial = view?.partial ?? false;
  const busy = loading && !view;
  return (
    <Box direction="vertical" gap="SP2" dataHook="stats-cards">
      <Layout gap="24px">
        <StatCard span={5} title="Conversations by participant" subtitle="Everyone on record, as they are now" busy={busy} dataHook="stats-by-type"
          items={[
            { value: number(stats?.byType.ANONYMOUS_VISITOR), description: 'Visitors' },
            { value: number(stats?.byType.CONTACT), description: 'Contacts' },
            { value: number(stats?.byType.MEMBER), description: 'Members' },
          ]}
        />
        <StatCard span={4} title="Moved along" subtitle={periodLabel} busy={busy} dataHook="stats-conversions"
          items={[
            { value: number(stats?.becameContact, partial), description: 'Became contacts' },
            { value: number(stats?.becameMember, partial), description: 'Became members' },
          ]}
        />
        <StatCard span={3} title="Auto-replies" subtitle={periodLabel} busy={busy} dataHook="stats-auto-replies"
          items={[
            { value: number(stats?.autoReplies.replied, partial), description: 'Sent' },
            {
              value: number(stats?.autoReplies.skipped, partial),
              description: 'Skipped',
              ...(stats?.autoReplies.failed ? { descriptionInfo: `${stats.autoReplies.failed} failed to send` } : {}),
            },
          ]}
        />
      </Layout>
      {partial ? (
        <SectionHelper skin="standard" size="small" fullWidth dataHook="stats-partial">
          Lifecycle and auto-reply figures appear once the server is updated to the version with statistics.
        </SectionHelper>
      ) : null}
    </Box>
  );
};
