import { newGuid } from '../util/ids.js';
import type { SiteState } from '../state/site-state.js';
import type { Json } from '../state/types.js';

export interface MemberInput {
  nickname: string;
  loginEmail?: string;
}

/** Creates a site member for an existing contact (status APPROVED), stored with every field (FULL). */
export function createMember(state: SiteState, contactId: string, input: MemberInput, nowIso: string): Json {
  const contact = state.contacts.get(contactId)!;
  const info = contact.info as { name: { first?: string; last?: string }; emails: { items: { email: string }[] };
    phones: { items: { phone: string }[] } };
  const primaryEmail = (contact.primaryInfo as { email?: string }).email;
  const id = newGuid();
  const member: Json = {
    id,
    loginEmail: input.loginEmail ?? primaryEmail ?? `${id.slice(0, 8)}@members.example`,
    loginEmailVerified: false,
    status: 'APPROVED',
    contactId,
    contact: {
      firstName: info.name.first ?? null,
      lastName: info.name.last ?? null,
      emails: info.emails.items.map((e) => e.email),
      phones: info.phones.items.map((p) => p.phone),
      addresses: [],
    },
    profile: { nickname: input.nickname, slug: slugOf(input.nickname) },
    privacyStatus: 'PUBLIC',
    activityStatus: 'ACTIVE',
    createdDate: nowIso,
    updatedDate: nowIso,
    lastLoginDate: nowIso,
  };
  state.members.set(id, member);
  state.memberOfContact.set(contactId, id);
  return member;
}

const PUBLIC_KEYS = ['id', 'contactId', 'profile', 'createdDate', 'updatedDate'];
const EXTENDED_KEYS = [...PUBLIC_KEYS, 'loginEmail', 'loginEmailVerified', 'status', 'privacyStatus', 'activityStatus'];

/** What a fieldset shows: PUBLIC (default) hides status and login email; FULL shows everything. */
export function memberView(member: Json, fieldsets: string[]): Json {
  if (fieldsets.includes('FULL')) return structuredClone(member);
  const extended = fieldsets.includes('EXTENDED');
  const view: Json = {};
  for (const key of extended ? EXTENDED_KEYS : PUBLIC_KEYS) {
    if (member[key] !== undefined) view[key] = structuredClone(member[key]);
  }
  if (!extended) Object.assign(view, { status: 'UNKNOWN', privacyStatus: 'UNKNOWN', activityStatus: 'UNKNOWN' });
  return view;
}

const slugOf = (nickname: string): string =>
  nickname.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'member';
