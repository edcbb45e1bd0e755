import type { FC } from 'react';
import { CustomModalLayout } from '@wix/design-system';
import type { DashboardApi } from '../api/dashboard-api.js';
import { ContactIdentity } from './contact-identity.js';
import { CONTACT_MODAL } from './contact-modal-frame.js';

interface Props {
  api: DashboardApi;
  /** The CRM contact the modal was opened for; nothing is shown until the host passes it. */
  contactId?: string;
  onClose(): void;
  /** Taller than Wix's 500 px frame where the host has the room (the local mode's page on a phone). */
  maxHeight?: string;
}

/** The contact-page modal: the contact's conversations and identity timeline. Wix hosting and the local mode both render this. */
export const ContactIdentityModal: FC<Props> = ({ api, contactId, onClose, maxHeight }) => (
  <CustomModalLayout
    dataHook="contact-modal"
    width={`min(${CONTACT_MODAL.width}px, 100%)`}
    // The layout's own minimum (510 px) is wider than a phone; Wix opens the modal at 600 px, a phone browser less.
    style={{ minWidth: 0 }}
    maxHeight={maxHeight ?? CONTACT_MODAL.height}
    title={CONTACT_MODAL.title}
    subtitle="This contact's conversations and how they became who they are"
    primaryButtonText="Close"
    primaryButtonOnClick={onClose}
    onCloseButtonClick={onClose}
    content={contactId ? <ContactIdentity api={api} contactId={contactId} /> : null}
  />
);
