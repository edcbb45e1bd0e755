import { useEffect, useState, type FC } from 'react';
import { dashboard } from '@wix/dashboard';
import { WixDesignSystemProvider } from '@wix/design-system';
import '@wix/design-system/styles.global.css';
import { wixHostedApi } from '../../../../ui/api/wix-hosted-api';
import { ContactIdentityModal } from '../../../../ui/contact/contact-identity-modal';

const api = wixHostedApi();

/** Opened from the CRM contact page's "More actions" menu with `{ contactId }`: that contact's conversations and identity timeline. */
const ContactIdentityWixModal: FC = () => {
  const [contactId, setContactId] = useState<string>();
  useEffect(() => {
    const subscription = dashboard.observeState((state: { contactId?: string }) => setContactId(state.contactId));
    return () => subscription.disconnect();
  }, []);
  return (
    <WixDesignSystemProvider features={{ newColorsBranding: true }}>
      <ContactIdentityModal api={api} contactId={contactId} onClose={() => dashboard.closeModal()} />
    </WixDesignSystemProvider>
  );
};

export default ContactIdentityWixModal;
