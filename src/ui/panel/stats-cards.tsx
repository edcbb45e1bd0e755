import type { FC } from 'react';
import { Box, Card, Cell, Layout, SectionHelper, StatisticsWidget } from '@wix/design-system';
import type { WidthClass } from '../layout/use-width.js';
import type { StatsView } from './load-stats.js';

interface Props {
  view?: StatsView;
  loading: boolean;
  periodLabel: string;
  width: WidthClass;
}

const number = (value: number | undefined, partial = false) => (partial || value === undefined ? '—' : value.toLocaleString());

type StatItem = { value: string; description: string; descriptionInfo?: string };

/** One card of figures under a title; the figures large, as on Wix's own analytics cards. */
const StatCard: FC<{ span: number; title: string; subtitle: string; busy: boolean; dataHook: string; items: StatItem[]; compact?: boolean }> = ({ span, title, subtitle, busy, dataHook, items, compact }) => (
  <Cell span={span}>
    <Card stretchVertically>
      <Card.Header title={title} subtitle={subtitle} />
      {compact ? null : <Card.Divider />}
      {compact ? (
        // On a phone the figures get the card's whole width (the content padding would cut their labels short).
        <Box direction="vertical" paddingBottom="SP4"><StatisticsWidget size="tiny" isLoading={busy} dataHook={dataHook} items={items} /></Box>
      ) : (
        <Card.Content>
          <StatisticsWidget size="large" isLoading={busy} dataHook={dataHook} items={items} />
        </Card.Content>
      )}
    </Card>
  </Cell>
);

/** The three cards at the top: who is writing, who became a contact or member, and what the auto-replies did. */
export const StatsCards: FC<Props> = ({ view, loading, periodLabel, width }) => {
  const stats = view?.stats;
  const partial = view?.partial ?? false;
  const busy = loading && !view;
  const span = (wide: number, medium: number) => (width === 'wide' ? wide : width === 'medium' ? medium : 12);
  return (
    <Box direction="vertical" gap="SP2" dataHook="stats-cards">
      <Layout gap={width === 'narrow' ? '12px' : '24px'}>
        <StatCard span={span(5, 12)} title="Who is writing" subtitle="Everyone on record, by what they are now" busy={busy} compact={width === 'narrow'} dataHook="stats-by-type"
          items={[
            { value: number(stats?.byType.ANONYMOUS_VISITOR), description: 'Visitors' },
            { value: number(stats?.byType.CONTACT), description: 'Contacts' },
            { value: number(stats?.byType.MEMBER), description: 'Members' },
          ]}
        />
        <StatCard span={span(4, 6)} title="New contacts and members" subtitle={periodLabel} busy={busy} compact={width === 'narrow'} dataHook="stats-conversions"
          items={[
            { value: number(stats?.becameContact, partial), description: 'Contacts', descriptionInfo: 'People who left their details (or first wrote as a contact) in the period' },
            { value: number(stats?.becameMember, partial), description: 'Members', descriptionInfo: 'People who registered as site members in the period' },
          ]}
        />
        <StatCard span={span(3, 6)} title="Auto-replies" subtitle={periodLabel} busy={busy} compact={width === 'narrow'} dataHook="stats-auto-replies"
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
