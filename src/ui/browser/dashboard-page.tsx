import { createRoot } from 'react-dom/client';
import { WixDesignSystemProvider } from '@wix/design-system';
import '@wix/design-system/styles.global.css';
import { selfHostedApi } from '../api/self-hosted-api.js';
import { DashboardPanel } from '../panel/dashboard-panel.js';

/**
 * The panel as the self-hosted server serves it at /dashboard: Wix (or the local mode) opens it with
 * `?instance=<token>`, and every API call carries that token.
 */
const params = new URLSearchParams(location.search);
const instance = params.get('instance') ?? '';
const refreshMs = Number(params.get('refreshMs') ?? 5000);
// Where "Open in Wix Inbox" goes: `?inbox=<url with {conversationId}>` (the local mode points it at its simulator),
// else the site's Inbox in the Wix dashboard when the instance names the site.
const inboxBase = params.get('inbox') ?? wixInboxTemplate(instance);

function wixInboxTemplate(token: string): string | undefined {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { metaSiteId?: string; siteId?: string };
    const siteId = payload.metaSiteId ?? payload.siteId;
    return siteId ? `https://manage.wix.com/dashboard/${siteId}/inbox?conversationId={conversationId}` : undefined;
  } catch {
    return undefined;
  }
}

createRoot(document.getElementById('root')!).render(
  <WixDesignSystemProvider features={{ newColorsBranding: true }}>
    <DashboardPanel
      api={selfHostedApi(instance)}
      refreshMs={refreshMs}
      inboxLink={inboxBase ? (id) => ({ href: inboxBase.replace('{conversationId}', encodeURIComponent(id)) }) : undefined}
      contactLink={(contactId) => ({ href: `/dashboard/contact?${new URLSearchParams({ contactId, instance })}` })}
    />
  </WixDesignSystemProvider>,
);
