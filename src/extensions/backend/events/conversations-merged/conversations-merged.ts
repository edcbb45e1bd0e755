import { conversations } from '@wix/inbox';

// Wix merged conversations (e.g. a visitor became a contact). Hand the event to the core (to be wired in).
export default conversations.onConversationConversationsMerged(async (event) => {
  console.info('inbox-identity: conversations merged', event.metadata._id);
});
