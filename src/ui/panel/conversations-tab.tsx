import { useState, type FC } from 'react';
import { Box, Button, Card, EmptyState, Loader, SegmentedToggle, Text } from '@wix/design-system';
import type { ConversationItem, DashboardApi } from '../api/dashboard-api.js';
import type { ContactLinker, InboxLinker } from '../timeline/inbox-link.js';
import { useLoad } from '../hooks/use-load.js';
import { PersonTimeline } from '../timeline/person-timeline.js';
import { ConversationTable } from './conversation-table.js';
import { ConversationToolbar } from './conversation-toolbar.js';
import { INITIAL_CONTROLS, listParamsOf, type ListControls } from './list-controls.js';
import { loadStats } from './load-stats.js';
import { StatsCards } from './stats-cards.js';
import { STATS_PERIODS, periodRange, type StatsPeriodId } from './stats-period.js';

export interface ConversationsTabProps {
  api: DashboardApi;
  refreshMs: number;
  inboxLink?: InboxLinker;
  contactLink?: ContactLinker;
}

/** The everyday view: the summary cards, then everyone who wrote, filtered, searched, sorted and paged on the server. */
export const ConversationsTab: FC<ConversationsTabProps> = ({ api, refreshMs, inboxLink, contactLink }) => {
  const [controls, setControls] = useState<ListControls>(INITIAL_CONTROLS);
  const [period, setPeriod] = useState<StatsPeriodId>('30');
  const [open, setOpen] = useState<ConversationItem>();
  const change = (next: Partial<ListControls>) => setControls((previous) => ({ ...previous, ...next }));
  const list = useLoad(() => api.list(listParamsOf(controls)), [api, controls.type, controls.search, controls.sort, controls.page], refreshMs);
  const stats = useLoad(() => loadStats(api, periodRange(period)), [api, period], refreshMs);
  const periodLabel = STATS_PERIODS.find((entry) => entry.id === period)!.label;
  const filtered = controls.type !== 'ALL' || controls.search.trim() !== '';

  return (
    <Box direction="vertical" gap="SP4">
      <Box align="space-between" verticalAlign="middle">
        <Text size="small" secondary>Figures for lifecycle and auto-replies cover the chosen period.</Text>
        <Box minWidth="330px"><SegmentedToggle size="small" fullWidth ariaLabel="Period" dataHook="period" selected={period} onClick={(_event, value) => setPeriod(value as StatsPeriodId)}>
          {STATS_PERIODS.map((entry) => <SegmentedToggle.Button key={entry.id} value={entry.id}>{entry.short}</SegmentedToggle.Button>)}
        </SegmentedToggle></Box>
      </Box>
      <StatsCards view={stats.data} loading={stats.loading} periodLabel={periodLabel} />
      <Card hideOverflow>
        <ConversationToolbar controls={controls} onChange={change} />
        {list.data && (list.data.items.length > 0 || controls.page > 1) ? (
          <ConversationTable list={list.data} controls={controls} onChange={change} onOpen={setOpen} selectedId={open?.conversationId} />
        ) : list.error && !list.data ? (
          <EmptyState skin="section" dataHook="list-error" title="We couldn't load your conversations"
            subtitle={`${(list.error as Error).message} Check that the app's server is running, then try again.`}>
            <Button size="small" onClick={list.reload}>Try again</Button>
          </EmptyState>
        ) : list.data && filtered ? (
          <EmptyState skin="section" dataHook="no-results" title="No one matches these filters"
            subtitle={controls.search ? `Nobody's name or email contains “${controls.search}”. Check the spelling, or search by email.` : 'Nobody of this type has written yet.'}>
            <Button size="small" priority="secondary" onClick={() => setControls(INITIAL_CONTROLS)}>Clear search and filters</Button>
          </EmptyState>
        ) : list.data ? (
          <EmptyState skin="section" dataHook="no-conversations" title="No conversations yet"
            subtitle="When someone writes to your business — in the site chat, by email or on social — they appear here within seconds. Make sure your site has Wix Chat turned on, then send yourself a test message." />
        ) : (
          <Box align="center" padding="SP6" dataHook="list-loading"><Loader size="medium" text="Loading conversations…" /></Box>
        )}
      </Card>
      {open ? (
        <Box dataHook="timeline-overlay" style={{ position: 'fixed', top: 0, right: 0, height: '100vh', zIndex: 1000, boxShadow: '0 0 18px rgba(22,45,61,.18)' }}>
          <PersonTimeline key={open.conversationId} api={api} item={open} inboxLink={inboxLink} contactLink={contactLink} refreshMs={refreshMs} onClose={() => setOpen(undefined)} />
        </Box>
      ) : null}
    </Box>
  );
};
