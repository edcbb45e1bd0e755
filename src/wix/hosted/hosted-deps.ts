import { contacts } from '@wix/crm';
import { items } from '@wix/data';
import { auth } from '@wix/essentials';
import { conversations, messages } from '@wix/inbox';
import { members } from '@wix/members';
import wixConfig from '../../../wix.config.json';
import type { EventDeps } from '../../services/event-steps.js';
import { createWixDataStore } from '../data-store.js';
import type { DataItems } from '../data-store/data-items.js';
import { createWixDirectory, type DirectoryModules } from '../directory.js';
import { createWixInbox, type InboxModules } from '../inbox.js';

/**
 * The app's ports on Wix hosting: the ambient SDK modules, elevated (this is backend code acting for the
 * app), and the app's own Wix Data collections as the Store. Made once per backend instance.
 */
let deps: EventDeps | undefined;

export function hostedDeps(): EventDeps {
  deps ??= {
    store: createWixDataStore({ items: elevatedItems(), collectionPrefix: wixConfig.namespace }),
    directory: createWixDirectory(() => elevatedDirectoryModules()),
    inbox: createWixInbox(() => elevatedInboxModules(), { appId: wixConfig.appId }),
    clock: { now: () => new Date() },
  };
  return deps;
}

function elevatedItems(): DataItems {
  return {
    insert: auth.elevate(items.insert),
    save: auth.elevate(items.save),
    get: auth.elevate(items.get),
    remove: auth.elevate(items.remove),
    query: auth.elevate(items.query),
  } as DataItems;
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
