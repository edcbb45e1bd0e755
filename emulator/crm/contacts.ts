import { newGuid } from '../util/ids.js';
import type { SiteState } from '../state/site-state.js';
import type { Json } from '../state/types.js';

export interface ContactInput {
  firstName: string;
  lastName?: string;
  email?: string;
  phone?: string;
}

/** Creates a Contacts v4 contact, shaped as Get Contact returns it. */
export function createContact(state: SiteState, input: ContactInput, nowIso: string, sourceType = 'WIX_CHAT'): Json {
  const id = newGuid();
  const email = input.email?.trim().toLowerCase();
  const contact: Json = {
    id,
    revision: 1,
    source: { sourceType },
    createdDate: nowIso,
    updatedDate: nowIso,
    lastActivity: { activityDate: nowIso, activityType: 'CONTACT_CREATED' },
    primaryInfo: { ...(email ? { email } : {}), ...(input.phone ? { phone: input.phone } : {}) },
    info: {
      name: { first: input.firstName, ...(input.lastName ? { last: input.lastName } : {}) },
      emails: { items: email ? [{ id: newGuid(), tag: 'MAIN', email, primary: true }] : [] },
      phones: { items: input.phone ? [{ id: newGuid(), tag: 'MOBILE', phone: input.phone, primary: true }] : [] },
      addresses: { items: [] },
      labelKeys: { items: [] },
      extendedFields: { items: {} },
    },
    ...(email ? { primaryEmail: { email, subscriptionStatus: 'NOT_SET', deliverabilityStatus: 'NOT_SET' } } : {}),
    ...(input.phone ? { primaryPhone: { phone: input.phone, subscriptionStatus: 'NOT_SET' } } : {}),
  };
  state.contacts.set(id, contact);
  return contact;
}

/** The contact with this primary email, if the site has one (Wix keeps one contact per email). */
export function contactByEmail(state: SiteState, email: string | undefined): Json | undefined {
  const wanted = email?.trim().toLowerCase();
  if (!wanted) return undefined;
  return [...state.contacts.values()].find((c) => (c.primaryInfo as { email?: string }).email === wanted);
}
