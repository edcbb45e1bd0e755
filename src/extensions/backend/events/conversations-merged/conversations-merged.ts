import { conversations } from '@wix/inbox';
import { mergeEventFrom } from '../../../../core/inbox-event';
import { handleHostedEvent } from '../../../../wix/hosted/handle-event';

// Wix merged conversations (a visitor became a contact, a contact a member): fold them in the registry.
export default conversations.onConversationConversationsMerged(async (envelope) => {
  await handleHostedEvent(() => mergeEventFrom(envelope, new Date()));
});
