import type { ConversationRecord, DataItem, Json, Site, StoredMessage, Visitor } from './types.js';

/** Everything one site instance holds. Nothing here is reachable from another instance. */
export interface SiteState {
  site: Site;
  visitors: Map<string, Visitor>;
  /** Contacts v4 wire objects. */
  contacts: Map<string, Json>;
  /** Members v1 wire objects with every fieldset (FULL). */
  members: Map<string, Json>;
  /** contactId → memberId: Contacts v4 carries no member ID, but the platform knows the link. */
  memberOfContact: Map<string, string>;
  conversations: Map<string, ConversationRecord>;
  messages: StoredMessage[];
  collections: Map<string, Map<string, DataItem>>;
  nextSequence: number;
}

export function emptySiteState(site: Site): SiteState {
  return {
    site,
    visitors: new Map(),
    contacts: new Map(),
    members: new Map(),
    memberOfContact: new Map(),
    conversations: new Map(),
    messages: [],
    collections: new Map(),
    nextSequence: 1,
  };
}
