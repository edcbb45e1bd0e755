import type { FC } from 'react';
import { EmptyState, Page, WixDesignSystemProvider } from '@wix/design-system';
import '@wix/design-system/styles.global.css';

// Placeholder: the panel itself (src/ui) is mounted here by later work.
const ConversationsPage: FC = () => (
  <WixDesignSystemProvider features={{ newColorsBranding: true }}>
    <Page>
      <Page.Header title="Inbox identity" subtitle="Who is writing to your business, across every conversation." />
      <Page.Content>
        <EmptyState title="No conversations yet" subtitle="Conversations appear here as visitors write to you." skin="page" />
      </Page.Content>
    </Page>
  </WixDesignSystemProvider>
);

export default ConversationsPage;
