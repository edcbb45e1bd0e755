import { shortTag } from '../../core/display-name.js';
import type { EmulatorSite } from './emulator-client.js';

/** One person on the emulated site, at their current point in the lifecycle. */
export type SitePerson =
  | { type: 'ANONYMOUS_VISITOR'; visitorId: string; label: string }
  | { type: 'CONTACT'; contactId: string; visitorId?: string; label: string; email?: string }
  | { type: 'MEMBER'; memberId: string; contactId?: string; label: string; email?: string };

/** Everyone on the site: members, contacts who have not registered, and visitors who stayed anonymous. */
export function sitePeople(site: EmulatorSite): SitePerson[] {
  const contactName = (id?: string) => {
    const contact = site.contacts.find((entry) => entry.id === id);
    const name = [contact?.info?.name?.first, contact?.info?.name?.last].filter(Boolean).join(' ');
    return { name, email: contact?.primaryInfo?.email };
  };
  const memberContacts = new Set(site.members.map((member) => member.contactId));
  const members: SitePerson[] = site.members.map((member) => {
    const { name, email } = contactName(member.contactId);
    return { type: 'MEMBER', memberId: member.id, contactId: member.contactId, label: name || member.profile?.nickname || 'Member', email: email ?? member.loginEmail };
  });
  const contacts: SitePerson[] = site.contacts.filter((contact) => !memberContacts.has(contact.id)).map((contact) => {
    const { name, email } = contactName(contact.id);
    return { type: 'CONTACT', contactId: contact.id, visitorId: site.visitors.find((visitor) => visitor.contactId === contact.id)?.id, label: name || email || 'Contact', email };
  });
  const visitors: SitePerson[] = site.visitors.filter((visitor) => !visitor.contactId)
    .map((visitor) => ({ type: 'ANONYMOUS_VISITOR', visitorId: visitor.id, label: visitorName(visitor.id) }));
  return [...visitors, ...contacts, ...members];
}

/** An anonymous visitor as the dashboard names them ("Visitor #1A2B"), so the simulator and the panel agree. */
export function visitorName(visitorId: string): string {
  return `Visitor ${shortTag(visitorId)}`;
}
