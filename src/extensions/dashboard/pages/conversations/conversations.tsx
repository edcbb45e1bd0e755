import type { FC } from 'react';
import { dashboard } from '@wix/dashboard';
import { WixDesignSystemProvider } from '@wix/design-system';
import '@wix/design-system/styles.global.css';
import { wixHostedApi } from '../../../../ui/api/wix-hosted-api';
import { DashboardPanel } from '../../../../ui/panel/dashboard-panel';
import { WIX_INBOX_PAGE_ID } from '../../../../ui/timeline/inbox-link';

const api = wixHostedApi();

/** The panel in the Wix dashboard: the shared components, talking to the app's endpoints on Wix hosting. */
const ConversationsPage: FC = () => (
  <WixDesignSystemProvider features={{ newColorsBranding: true }}>
    <DashboardPanel
      api={api}
      inboxLink={(conversationId) => ({
        open: () => dashboard.navigate({ pageId: WIX_INBOX_PAGE_ID, relativeUrl: `?conversationId=${encodeURIComponent(conversationId)}` }),
      })}
    />
  </WixDesignSystemProvider>
);

export default ConversationsPage;
