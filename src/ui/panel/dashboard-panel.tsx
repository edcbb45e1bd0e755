import { useState, type FC } from 'react';
import { Box, Page, Tabs } from '@wix/design-system';
import type { DashboardApi } from '../api/dashboard-api.js';
import type { ContactLinker, InboxLinker } from '../timeline/inbox-link.js';
import { useWidthClass } from '../layout/use-width.js';
import { SettingsTab } from '../settings/settings-tab.js';
import { ConversationsTab } from './conversations-tab.js';

export interface DashboardPanelProps {
  api: DashboardApi;
  /** How often the panel refreshes by itself (ms); 0 turns it off. */
  refreshMs?: number;
  /** How "Open in Wix Inbox" opens a conversation; no link when undefined. */
  inboxLink?: InboxLinker;
  /** How the person timeline opens a contact's contact-page view; no link when undefined. */
  contactLink?: ContactLinker;
}

const TABS = [
  { id: 'conversations', title: 'Conversations' },
  { id: 'settings', title: 'Auto-reply settings' },
];

/**
 * The app's panel, the same in the Wix dashboard and in the local mode: a host passes its API. It fits the width
 * it is given, from a wide dashboard down to a phone (390 px): no minimum width, narrower side padding there.
 */
/**
 * How often an open panel refreshes its list on Wix hosting. Every refresh costs the site Wix API calls (its Wix Data
 * reads count toward the 200 a minute): the list every 15 s, the cards every minute and an open timeline every 30 s
 * come to 20 calls a minute (`npm run bench`), and nothing is asked while the tab is hidden.
 */
export const LIST_REFRESH_MS = 15_000;

export const DashboardPanel: FC<DashboardPanelProps> = ({ api, refreshMs = LIST_REFRESH_MS, inboxLink, contactLink }) => {
  const [tab, setTab] = useState('conversations');
  const width = useWidthClass();
  return (
    <Page dataHook="dashboard-panel" minWidth={0} sidePadding={width === 'narrow' ? 12 : undefined}>
      <Page.Header title="Inbox identity"
        subtitle={width === 'narrow' ? 'Who is writing, and what the auto-replies did.' : 'Who is writing to your business — visitors, contacts and members — and what the auto-replies did.'} />
      <Page.Tail>
        <Tabs items={TABS} activeId={tab} onClick={(item) => setTab(String(item.id))} dataHook="panel-tabs" />
      </Page.Tail>
      <Page.Content>
        <Box direction="vertical" paddingBottom="SP6">
          {tab === 'conversations' ? <ConversationsTab api={api} refreshMs={refreshMs} inboxLink={inboxLink} contactLink={contactLink} /> : <SettingsTab api={api} width={width} />}
        </Box>
      </Page.Content>
    </Page>
  );
};
