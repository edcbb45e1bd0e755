import { useEffect, useState, type FC } from 'react';
import { dashboard } from '@wix/dashboard';
import { CustomModalLayout, WixDesignSystemProvider } from '@wix/design-system';
import '@wix/design-system/styles.global.css';
import { wixHostedApi } from '../../../../ui/api/wix-hosted-api';
import { ContactIdentity } from '../../../../ui/contact/contact-identity';
import config from './contact-identity.config';

const api = wixHostedApi();

/** Opened from the CRM contact page's "More actions" menu with `{ contactId }`: that contact's conversations and identity timeline. */
const ContactIdentityModal: FC = () => {
  const [contactId, setContactId] = useState<string>();
  useEffect(() => {
    const subscription = dashboard.observeState((state: { contactId?: string }) => setContactId(state.contactId));
    return () => subscription.disconnect();
  }, []);
  return (
    <WixDesignSystemProvider features={{ newColorsBranding: true }}>
      <CustomModalLayout
        width={config.width}
        maxHeight={config.height}
        title={config.title}
        subtitle="This contact's conversations and how they became who they are"
        primaryButtonText="Close"
        primaryButtonOnClick={() => dashboard.closeModal()}
        onCloseButtonClick={() => dashboard.closeModal()}
        content={contactId ? <ContactIdentity api={api} contactId={contactId} /> : null}
      />
    </WixDesignSystemProvider>
  );
};

export default ContactIdentityModal;
