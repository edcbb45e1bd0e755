import { useRef, useState, type FC } from 'react';
import { Box, Button, Card, EmptyState, Loader, SegmentedToggle, Text } from '@wix/design-system';
import type { ConversationItem, DashboardApi } from '../api/dashboard-api.js';
import { failureText } from '../api/failure-text.js';
import type { ContactLinker, InboxLinker } from '../timeline/inbox-link.js';
import { useLoad } from '../hooks/use-load.js';
import { useWidthClass } from '../layout/use-width.js';
import { PersonTimeline } from '../timeline/person-timeline.js';
import { ConversationTable } from './conversation-table.js';
import { ConversionCard } from './conversion-card.js';
import { loadFunnel } from './load-funnel.js';
import { ConversationToolbar } from './conversation-toolbar.js';
import { INITIAL_CONTROLS, listParamsOf, pageCursors, type ListControls } from './list-controls.js';
import { loadStats } from './load-stats.js';
import { StaleNotice } from './stale-notice.js';
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
  const width = useWidthClass();
  const [controls, setControls] = useState<ListControls>(INITIAL_CONTROLS);
  const [period, setPeriod] = useState<StatsPeriodId>('30');
  const [open, setOpen] = useState<ConversationItem>();
  const change = (next: Partial<ListControls>) => setControls((previous) => ({ ...previous, ...next }));
  const cursors = useRef(pageCursors()).current;
  const list = useLoad(async () => {
    const page = await api.list(listParamsOf(controls, cursors.cursorFor(controls)));
    cursors.answered(controls, controls.page, page.nextCursor);
    return page;
  }, [api, controls.type, controls.search, controls.sort, controls.page], refreshMs);
  // The cards change slowly and cost the most to count: refreshed at a quarter of the list's pace.
  const stats = useLoad(() => loadStats(api, periodRange(period)), [api, period], refreshMs * 4);
  // The conversion funnel, at the cards' pace; a server without /api/funnel shows no card.
  const funnel = useLoad(() => loadFunnel(api, periodRange(period)), [api, period], refreshMs * 4);
  const periodLabel = STATS_PERIODS.find((entry) => entry.id === period)!.label;
  const filtered = controls.type !== 'ALL' || controls.search.trim() !== '';
  // Data on screen while its refresh fails is stale: say how old it is and that it is retrying.
  const stale = list.data && list.error ? list : stats.data && stats.error ? stats : funnel.data && funnel.error ? funnel : undefined;

  return (
    <Box direction="vertical" gap="SP4">
      <Box align="space-between" verticalAlign="middle" gap="SP2" direction={width === 'narrow' ? 'vertical' : 'horizontal'}>
        <Text size="small" secondary>New contacts and members, and the auto-replies, are counted over the chosen period.</Text>
        <Box minWidth={width === 'narrow' ? undefined : '330px'} width={width === 'narrow' ? '100%' : undefined} direction="vertical">
          <SegmentedToggle size="small" fullWidth ariaLabel="Period" dataHook="period" selected={period} onClick={(_event, value) => setPeriod(value as StatsPeriodId)}>
            {STATS_PERIODS.map((entry) => <SegmentedToggle.Button key={entry.id} value={entry.id}>{entry.short}</SegmentedToggle.Button>)}
          </SegmentedToggle>
        </Box>
      </Box>
      {stale ? <StaleNotice loadedAt={stale.loadedAt} error={stale.error} retrying={refreshMs > 0} onRetry={() => { list.reload(); stats.reload(); funnel.reload(); }} /> : null}
      <StatsCards view={stats.data} loading={stats.loading} periodLabel={periodLabel} width={width} />
      {funnel.data === null ? null : <ConversionCard funnel={funnel.data} loading={funnel.loading} periodLabel={periodLabel} width={width} />}
      <Card hideOverflow>
        <ConversationToolbar controls={controls} width={width} onChange={change} />
        {list.data && (list.data.items.length > 0 || controls.page > 1) ? (
          <ConversationTable list={list.data} controls={controls} width={width} onChange={change} onOpen={setOpen} selectedId={open?.conversationId} />
        ) : list.error && !list.data ? (
          <EmptyState skin="section" dataHook="list-error" title="We couldn't load your conversations" subtitle={failureText(list.error)}>
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
        <PersonTimeline key={open.conversationId} api={api} item={open} inboxLink={inboxLink} contactLink={contactLink} refreshMs={refreshMs * 2}
          fullWidth={width === 'narrow'} onClose={() => setOpen(undefined)} />
      ) : null}
    </Box>
  );
};
