import { extensions } from '@wix/astro/builders';
import config from './contact-identity.config';

/** Opened from the CRM contact page's "More actions" menu; receives `{ contactId }`. */
export default extensions.dashboardModal({
  id: 'ccd65935-5a48-4ff4-976a-59d646b383d2',
  title: config.title,
  width: config.width,
  height: config.height,
  component: './extensions/dashboard/modals/contact-identity/contact-identity.tsx',
});
