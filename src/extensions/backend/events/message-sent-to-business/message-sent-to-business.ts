import { messages } from '@wix/inbox';

// A visitor, contact or member wrote to the business. Hand the event to the core (to be wired in).
export default messages.onMessageSentToBusiness(async (event) => {
  console.info('inbox-identity: message sent to business', event.metadata._id);
});
