import { extensions } from '@wix/astro/builders';

/** Inbox "Message Sent To Business" webhook → ./message-sent-to-business.ts */
export default extensions.event({
  id: 'fa2b9b77-d513-4a0c-b749-2af91d473652',
  source: './extensions/backend/events/message-sent-to-business/message-sent-to-business.ts',
});
