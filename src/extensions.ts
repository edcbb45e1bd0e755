import { app } from '@wix/astro/builders';
// Backend: the two Inbox webhooks, App Removed, and the app's Wix Data collections.
import messageSentToBusiness from './extensions/backend/events/message-sent-to-business/message-sent-to-business.extension';
import conversationsMerged from './extensions/backend/events/conversations-merged/conversations-merged.extension';
import appRemoved from './extensions/backend/events/app-removed/app-removed.extension';
import dataCollections from './extensions/backend/data-collections/data-collections.extension';
// Dashboard: the panel page, and the CRM contact-page menu item with the modal it opens.
import conversationsPage from './extensions/dashboard/pages/conversations/conversations.extension';
import contactIdentityMenuPlugin from './extensions/dashboard/menu-plugins/contact-identity/contact-identity.extension';
import contactIdentityModal from './extensions/dashboard/modals/contact-identity/contact-identity.extension';

/** Every Wix extension of the app. `wix build` reads this list; HTTP endpoints live in src/pages/api/. */
export default app()
  .use(messageSentToBusiness)
  .use(conversationsMerged)
  .use(appRemoved)
  .use(dataCollections)
  .use(conversationsPage)
  .use(contactIdentityMenuPlugin)
  .use(contactIdentityModal);
