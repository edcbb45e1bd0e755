import type { contacts } from '@wix/crm';
import type { conversations } from '@wix/inbox';
import type { members } from '@wix/members';
import type { Directory, DirectoryEntry } from '../core/ports.js';
import type { PersonDetails } from '../core/display-name.js';
import type { ParticipantIds } from '../core/participant.js';

/** The SDK calls the Directory needs, bound to one site (a client's modules, or the ambient elevated ones). */
export interface DirectoryModules {
  contacts: { getContact(contactId: string): Promise<contacts.Contact> };
  conversations: { getConversation(conversationId: string): Promise<conversations.Conversation> };
  members: {
    getMember(memberId: string, options?: { fieldsets?: 'FULL'[] }): Promise<members.Member>;
  };
}

type Contact = contacts.Contact;
type Member = members.Member;

/** Contacts (`@wix/crm`) and Members (`@wix/members`) as one Directory. */
export function createWixDirectory(modulesFor: (instanceId: string) => DirectoryModules | Promise<DirectoryModules>): Directory {
  return {
    async lookup(instanceId, ids) {
      const sdk = await modulesFor(instanceId);
      // One call per person. A member (FULL fieldset) carries their contact's name, emails and phones. A contact
      // is asked about as a contact only: a contact who registers becomes a member under a new conversation that
      // Wix merges the old one into, and that merge (or their next message, as a member) is when the app learns it.
      const member = ids.memberId ? await getMember(sdk, ids.memberId) : undefined;
      const contact = ids.contactId && !member ? await getContact(sdk, ids.contactId) : undefined;
      return entryOf(ids, contact, member);
    },
    async participantOf(instanceId, conversationId) {
      const sdk = await modulesFor(instanceId);
      const conversation = await orMissing(() => sdk.conversations.getConversation(inPath(conversationId)));
      const { anonymousVisitorId, contactId, memberId } = conversation?.participant ?? {};
      if (!anonymousVisitorId && !contactId && !memberId) return undefined;
      return {
        ...(anonymousVisitorId ? { anonymousVisitorId } : {}),
        ...(contactId ? { contactId } : {}),
        ...(memberId ? { memberId } : {}),
      };
    },
  };
}

function entryOf(ids: ParticipantIds, contact: Contact | undefined, member: Member | undefined): DirectoryEntry {
  const details: PersonDetails = {
    firstName: contact?.info?.name?.first ?? member?.contact?.firstName ?? undefined,
    lastName: contact?.info?.name?.last ?? member?.contact?.lastName ?? undefined,
    nickname: member?.profile?.nickname ?? undefined,
    email: contact?.primaryInfo?.email ?? member?.loginEmail ?? contact?.info?.emails?.items?.[0]?.email ?? member?.contact?.emails?.[0] ?? undefined,
    phone: contact?.primaryInfo?.phone ?? contact?.info?.phones?.items?.[0]?.phone ?? member?.contact?.phones?.[0] ?? undefined,
  };
  return {
    ids: {
      ...ids,
      ...(contact?._id ? { contactId: contact._id } : member?.contactId ? { contactId: member.contactId } : {}),
      ...(member?._id ? { memberId: member._id } : {}),
    },
    details,
    memberStatus: member?.status ?? undefined,
  };
}

async function getMember(sdk: DirectoryModules, memberId: string): Promise<Member | undefined> {
  return orMissing(() => sdk.members.getMember(inPath(memberId), { fieldsets: ['FULL'] }));
}

async function getContact(sdk: DirectoryModules, contactId: string): Promise<Contact | undefined> {
  return orMissing(() => sdk.contacts.getContact(inPath(contactId)));
}

/**
 * An ID as a URL path segment. The SDK puts path IDs into the URL as given (`/contacts/v4/contacts/{id}`); IDs are
 * checked at the boundary (core/inbox-event.ts), and encoded here too, so none can reach another route.
 */
const inPath = (id: string) => encodeURIComponent(id);

/** A person deleted from the site is not an error to retry: they are simply unknown now. */
async function orMissing<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if ((error as { response?: { status?: number }; status?: number })?.status === 404
      || (error as { response?: { status?: number } })?.response?.status === 404) return undefined;
    throw error;
  }
}
