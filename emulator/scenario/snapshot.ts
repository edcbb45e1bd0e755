import type { World } from '../state/world.js';

/** A JSON view of every site, for `state()` and `GET /_emulator/state`. */
export function snapshot(world: World) {
  return {
    sites: world.allSites().map((state) => ({
      site: state.site,
      visitors: [...state.visitors.values()],
      contacts: [...state.contacts.values()],
      members: [...state.members.values()],
      conversations: [...state.conversations.values()].map((record) => ({
        ...record.conversation,
        createdDate: record.createdDate,
        ...(record.mergedInto ? { mergedInto: record.mergedInto } : {}),
      })),
      messages: state.messages.map((stored) => ({ conversationId: stored.conversationId, ...stored.message })),
      collections: Object.fromEntries(
        [...state.collections.entries()].map(([id, items]) => [id, [...items.values()].map((item) => item.data)]),
      ),
    })),
  };
}
