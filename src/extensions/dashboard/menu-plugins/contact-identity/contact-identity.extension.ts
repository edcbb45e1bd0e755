import { extensions } from '@wix/astro/builders';
import contactIdentityModal from '../../modals/contact-identity/contact-identity.extension';

/** CRM Contact page, "More actions" menu slot (passes `{ contactId }`). */
export const CONTACT_PAGE_MORE_ACTIONS_SLOT = '79963a99-8680-4164-8961-8867fcb1751a';

export default extensions.dashboardMenuPlugin({
  id: '7dac871f-f31d-4d77-a16e-738a842f3a1f',
  title: 'Inbox identity',
  description: "See this contact's conversations and identity history",
  extends: CONTACT_PAGE_MORE_ACTIONS_SLOT,
  iconKey: 'Chat',
  action: { openModal: { componentId: contactIdentityModal.options.id } },
});
