import { claimKeys, type DecisionRecord, type ReplyClaim } from '../../core/auto-reply/ledger.js';
import type { AutoReplySettings } from '../../core/auto-reply/settings.js';
import type { ConversationRecord } from '../../core/conversation.js';
import { participantKeys, type ParticipantType } from '../../core/participant.js';
import type { JournalEntry, PersonRecord } from '../../core/ports.js';
import { foldCase } from '../../core/conversation-order.js';
import { becameAt } from '../../core/conversation-stats.js';
import { funnelPersonOf } from '../../core/conversion-funnel.js';
import type { ItemKind } from './collection.js';
import { dateField, definedFields, type ItemFields } from './data-items.js';
import { itemId } from './item-id.js';

/**
 * Each kind of item in the site-items collection: its `_id` (deterministic, so an insert is a durable claim), the
 * fields queries filter and sort on, and the whole domain object as JSON in `value` (round-trips exactly).
 * `conversationIds` and `participantKeys` are the array fields one `hasSome` query finds a person's items by.
 */
const item = (kind: ItemKind, _id: string, instanceId: string, fields: Record<string, ItemFields[string] | string[] | undefined>, value: unknown) =>
  ({ _id, instanceId, kind, ...definedFields(fields as never), value: JSON.stringify(value) }) as ItemFields;

/** The types a participant can become after their first message (the dashboard's "became" cards). */
const BECAME: ParticipantType[] = ['CONTACT', 'MEMBER'];

export const ids = {
  event: (instanceId: string, eventId: string) => itemId('event', instanceId, eventId),
  conversation: (instanceId: string, conversationId: string) => itemId('conversation', instanceId, conversationId),
  alias: (instanceId: string, oldId: string) => itemId('alias', instanceId, oldId),
  person: (instanceId: string, key: string) => itemId('person', instanceId, key),
  claim: (instanceId: string, personKey: string, seq: number) => itemId('claim', instanceId, `${personKey}#${seq}`),
  decision: (instanceId: string, eventId: string) => itemId('decision', instanceId, eventId),
  typeChange: (instanceId: string, conversationId: string, type: ParticipantType) => itemId('type-change', instanceId, `${conversationId}#${type}`),
  settings: (instanceId: string) => itemId('settings', instanceId, 'auto-reply'),
};

export const siteItems = {
  async event(entry: JournalEntry) {
    return item('event', await ids.event(entry.instanceId, entry.eventId), entry.instanceId, {
      eventId: entry.eventId, eventType: entry.eventType, receivedAt: dateField(entry.receivedAt),
      nextAttemptAt: dateField(entry.nextAttemptAt), done: Boolean(entry.doneAt),
    }, entry);
  },
  async conversation(record: ConversationRecord) {
    return item('conversation', await ids.conversation(record.instanceId, record.conversationId), record.instanceId, {
      conversationId: record.conversationId,
      conversationIds: [record.conversationId, ...record.mergedFrom],
      participantKeys: participantKeys(record.participant),
      participantType: record.participantType,
      displayName: record.displayName,
      displayNameKey: foldCase(record.displayName),
      email: record.email,
      lastMessageAt: dateField(record.lastMessageAt),
      firstMessageAt: dateField(record.firstMessageAt),
      messageCount: record.messageCount,
      becameContactAt: dateField(becameAt(record, 'CONTACT')),
      becameMemberAt: dateField(becameAt(record, 'MEMBER')),
      // for the conversion funnel (site-funnel.ts)
      startedAs: funnelPersonOf(record)?.startedAs,
      channel: record.channel,
    }, record);
  },
  /**
   * A conversation's items: the conversation, and one `type-change` item for each type its participant became (a
   * contact, a member), so the dashboard's cards are one aggregation that counts each item once (site-stats.ts).
   */
  async conversationItems(record: ConversationRecord) {
    const changes = await Promise.all(BECAME.map(async (type) => {
      const at = becameAt(record, type);
      return at === undefined ? [] : [item('type-change', await ids.typeChange(record.instanceId, record.conversationId, type), record.instanceId,
        { conversationId: record.conversationId, participantType: type, changedAt: dateField(at) }, { conversationId: record.conversationId, type, at })];
    }));
    return [await siteItems.conversation(record), ...changes.flat()];
  },
  /**
   * A conversation folded into another: its items stay (kind `merged`), found by nothing but their `_id`. Its
   * type changes live on in the target's history, so they are retired with it: those its record shows, when the
   * caller holds it, else every type it may have become.
   */
  async mergedItems(instanceId: string, conversationId: string, record?: ConversationRecord) {
    const retired = (_id: string) => item('merged', _id, instanceId, { conversationId }, null);
    const became = record ? BECAME.filter((type) => becameAt(record, type) !== undefined) : BECAME;
    return [
      retired(await ids.conversation(instanceId, conversationId)),
      ...await Promise.all(became.map(async (type) => retired(await ids.typeChange(instanceId, conversationId, type)))),
    ];
  },
  async alias(instanceId: string, oldId: string, targetId: string) {
    return item('alias', await ids.alias(instanceId, oldId), instanceId, { conversationIds: [oldId, targetId], aliasId: oldId, targetId }, { oldId, targetId });
  },
  /** A person is stored once under each ID they are known by, each item holding the whole person. */
  async person(person: PersonRecord, key: string) {
    return item('person', await ids.person(person.instanceId, key), person.instanceId, { participantKeys: [key] }, person);
  },
  async claim(claim: ReplyClaim) {
    return item('claim', await ids.claim(claim.instanceId, claim.personKey, claim.seq), claim.instanceId, {
      participantKeys: claimKeys(claim), seq: claim.seq, status: claim.status, claimedAt: dateField(claim.claimedAt),
    }, claim);
  },
  async decision(d: DecisionRecord) {
    return item('decision', await ids.decision(d.instanceId, d.eventId), d.instanceId, {
      eventId: d.eventId, decisionConversationId: d.conversationId, outcome: d.outcome, decidedAt: dateField(d.decidedAt),
    }, d);
  },
  async settings(instanceId: string, settings: AutoReplySettings) {
    return item('settings', await ids.settings(instanceId), instanceId, { autoReplyEnabled: settings.enabled }, settings);
  },
};

/** The domain object an item holds; undefined for a missing item or one of another kind. */
export function valueOf<T>(found: Record<string, unknown> | null | undefined, kind: ItemKind): T | undefined {
  if (!found || found.kind !== kind || typeof found.value !== 'string') return undefined;
  return JSON.parse(found.value) as T;
}
