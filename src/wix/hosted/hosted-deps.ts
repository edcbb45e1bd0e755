import { contacts } from '@wix/crm';
import { items } from '@wix/data';
import { auth } from '@wix/essentials';
import { conversations, messages } from '@wix/inbox';
import { members } from '@wix/members';
import wixConfig from '../../../wix.config.json';
import type { Clock, Directory, Inbox, Store } from '../../core/ports.js';
import type { EventDeps } from '../../services/event-steps.js';
import { createWixDataStore } from '../data-store.js';
import type { DataItems } from '../data-store/data-items.js';
import { openDataSession, type WixDataSession } from '../data-store/data-session.js';
import { createWixDirectory, type DirectoryModules } from '../directory.js';
import { createWixInbox, type InboxModules } from '../inbox.js';

/**
 * The app's ports on Wix hosting: the ambient SDK modules, elevated (this is backend code acting for the app), and
 * the app's own Wix Data collection as the Store. Directory, Inbox and the plain store are made once per isolate;
 * each webhook request gets its own Store session (see data-session.ts), so its reads and writes fit the budget.
 */
let shared: { directory: Directory; inbox: Inbox; clock: Clock; store: Store } | undefined;

function sharedPorts() {
  shared ??= {
    directory: createWixDirectory(() => elevatedDirectoryModules()),
    inbox: createWixInbox(() => elevatedInboxModules(), { appId: wixConfig.appId, retry: { attempts: 1 } }),
    clock: { now: () => new Date() },
    store: createWixDataStore(dataOptions()),
  };
  return shared;
}

/** The Store for a dashboard call: plain Wix Data reads and writes. */
export function hostedStore(): Store {
  return sharedPorts().store;
}

/** The ports for one webhook request, with a fresh Store session. */
export function hostedEventDeps(): EventDeps & { store: WixDataSession } {
  const { directory, inbox, clock } = sharedPorts();
  return { directory, inbox, clock, store: openDataSession(dataOptions()) };
}

const dataOptions = () => ({ items: elevatedItems(), collectionPrefix: wixConfig.namespace });

function elevatedItems(): DataItems {
  return {
    insert: auth.elevate(items.insert),
    save: auth.elevate(items.save),
    bulkSave: auth.elevate(items.bulkSave),
    get: auth.elevate(items.get),
    remove: auth.elevate(items.remove),
    query: auth.elevate(items.query),
  } as unknown as DataItems;
}

function elevatedDirectoryModules(): DirectoryModules {
  return {
    contacts: { getContact: auth.elevate(contacts.getContact) },
    members: { getMember: auth.elevate(members.getMember), queryMembers: auth.elevate(members.queryMembers) },
    conversations: { getConversation: auth.elevate(conversations.getConversation) },
  } as DirectoryModules;
}

function elevatedInboxModules(): InboxModules {
  return {
    conversations: { getOrCreateConversation: auth.elevate(conversations.getOrCreateConversation) },
    messages: { sendMessage: auth.elevate(messages.sendMessage), listMessages: auth.elevate(messages.listMessages) },
  } as InboxModules;
}
