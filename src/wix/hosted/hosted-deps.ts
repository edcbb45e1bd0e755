import { contacts } from '@wix/crm';
import { items } from '@wix/data';
import { auth } from '@wix/essentials';
import { conversations, messages } from '@wix/inbox';
import { members } from '@wix/members';
import wixConfig from '../../../wix.config.json';
import type { DataItems } from '../data-store/data-items.js';
import { openDataSession, type WixDataSession } from '../data-store/data-session.js';
import { createWixDataStore } from '../data-store.js';
import { createWixDirectory, type DirectoryModules } from '../directory.js';
import { createWixInbox, type InboxModules } from '../inbox.js';
import { callCount } from './call-count.js';
import type { HostedEventDeps } from './event-request.js';

/**
 * The app's ports for a webhook on Wix hosting: the ambient SDK modules, elevated (the runtime gives an event
 * handler the app's identity for the event's site), and a fresh Store session per request (see data-session.ts),
 * so a request's reads and writes fit its 20 sub-requests. (The app secret is not available to event handlers, so
 * the token is the runtime's: one call per request.) Every call a request makes through them is counted, so the
 * request knows whether it has room for upkeep (see journal-upkeep.ts).
 */
type Counted = ReturnType<typeof callCount>['counted'];
/** The name Send Message is counted under: a request that sent a reply has the budget of one. */
const SEND_MESSAGE = 'sendMessage';

function directoryOf(counted: Counted) {
  return createWixDirectory(() => ({
    contacts: { getContact: counted(auth.elevate(contacts.getContact)) },
    members: { getMember: counted(auth.elevate(members.getMember)) },
    conversations: { getConversation: counted(auth.elevate(conversations.getConversation)) },
  }) as DirectoryModules);
}

function inboxOf(counted: Counted) {
  // No retries inside a request: Wix resends the webhook, and the journal resumes it.
  return createWixInbox(() => ({
    conversations: { getOrCreateConversation: counted(auth.elevate(conversations.getOrCreateConversation)) },
    messages: { sendMessage: counted(auth.elevate(messages.sendMessage), SEND_MESSAGE), listMessages: counted(auth.elevate(messages.listMessages)) },
  }) as InboxModules, { appId: wixConfig.appId, retry: { attempts: 1 } });
}

function elevatedItems(): DataItems {
  return {
    insert: auth.elevate(items.insert),
    save: auth.elevate(items.save),
    bulkSave: auth.elevate(items.bulkSave),
    get: auth.elevate(items.get),
    query: auth.elevate(items.query),
    bulkRemove: auth.elevate(items.bulkRemove),
    asyncRemoveByFilter: auth.elevate(items.asyncRemoveByFilter),
    aggregate: auth.elevate(items.aggregate),
    filter: items.filter,
  } as unknown as DataItems;
}

/** Wix Inbox with the app's elevated identity (the dry run asks it for the site's business name). */
export const hostedInbox = inboxOf((fn) => fn);

/** The site's data on Wix hosting, with the app's elevated identity, no session (App Removed). */
export const hostedSiteItems = () => createWixDataStore({ items: elevatedItems(), collectionPrefix: wixConfig.namespace });

/** The ports for one webhook request, with a fresh Store session, and the Wix calls made through them so far. */
export function hostedEventDeps(): HostedEventDeps & { wixCalls: () => number; repliesSent: () => number } {
  const calls = callCount();
  const store = openDataSession({ items: calls.items(elevatedItems()), collectionPrefix: wixConfig.namespace });
  return {
    directory: directoryOf(calls.counted), inbox: inboxOf(calls.counted), clock: { now: () => new Date() }, store,
    wixCalls: () => calls.made(), repliesSent: () => calls.made(SEND_MESSAGE),
  };
}
