import type { FC } from 'react';
import { dashboard } from '@wix/dashboard';
import { Box, CustomModalLayout, Text, WixDesignSystemProvider } from '@wix/design-system';
import '@wix/design-system/styles.global.css';
import config from './contact-identity.config';

// Placeholder: later work shows this contact's conversations and identity history here.
const ContactIdentityModal: FC = () => (
  <WixDesignSystemProvider features={{ newColorsBranding: true }}>
    <CustomModalLayout
      width={config.width}
      maxHeight={config.height}
      title={config.title}
      primaryButtonText="Close"
      primaryButtonOnClick={() => dashboard.closeModal()}
      onCloseButtonClick={() => dashboard.closeModal()}
      content={
        <Box direction="vertical">
          <Text>Conversations and identity history for this contact.</Text>
        </Box>
      }
    />
  </WixDesignSystemProvider>
);

export default ContactIdentityModal;
