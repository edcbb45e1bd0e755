import { messages } from '@wix/inbox';
import { messageEventFrom } from '../../../../core/inbox-event';
import { handleHostedEvent } from '../../../../wix/hosted/handle-event';

// A visitor, contact or member wrote to the business: record it (and reply) through the core.
export default messages.onMessageSentToBusiness(async (envelope) => {
  await handleHostedEvent(() => messageEventFrom(envelope, new Date()));
});
