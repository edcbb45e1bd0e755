import { createRoot } from 'react-dom/client';
import { Box, WixDesignSystemProvider } from '@wix/design-system';
import '@wix/design-system/styles.global.css';
import { selfHostedApi } from '../api/self-hosted-api.js';
import { ContactIdentityModal } from '../contact/contact-identity-modal.js';

/**
 * The contact-page modal as the self-hosted server serves it at /dashboard/contact?contactId=…&instance=…: the same
 * component Wix opens from the CRM contact page's "More actions" menu, centred where the Wix dashboard would show it.
 */
const params = new URLSearchParams(location.search);
const close = () => (window.opener ? window.close() : history.back());
const phone = window.innerWidth < 640;

createRoot(document.getElementById('root')!).render(
  <WixDesignSystemProvider features={{ newColorsBranding: true }}>
    <Box align="center" padding={phone ? 'SP2' : 'SP6'}>
      <ContactIdentityModal api={selfHostedApi(params.get('instance') ?? '')} contactId={params.get('contactId') ?? undefined} onClose={close}
        maxHeight={phone ? 'calc(100vh - 24px)' : undefined} />
    </Box>
  </WixDesignSystemProvider>,
);
