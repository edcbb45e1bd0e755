import type { items } from '@wix/data';
import type { ConversationStats, StatsPeriod } from '../../core/auto-reply/ledger.js';
import { PARTICIPANT_TYPES, type ParticipantType } from '../../core/participant.js';
import { statusOf } from '../retry.js';
import { type DataItems, dateField, READ } from './data-items.js';

const OUTCOMES = ['replied', 'skipped', 'failed'] as const;
type Outcome = (typeof OUTCOMES)[number];

/**
 * The dashboard's cards for a period (definitions: core/conversation-stats.ts) in ONE Wix Data aggregation — a
 * dashboard route on Wix hosting has a budget of 4 sub-requests, 3 of them the runtime's. It counts three kinds of
 * item, each once: conversations with a message in the period (by type), type changes in the period (by the type
 * became) and decisions in the period (by outcome). Aggregation is a Developer Preview API: if Wix refuses it, the
 * same cards come from 8 counts (within the 15 any request may make).
 */
export async function siteStats(items: DataItems, collection: string, instanceId: string, period: StatsPeriod): Promise<ConversationStats> {
  try {
    return await aggregatedStats(items, collection, instanceId, period);
  } catch (error) {
    if (!isUnsupported(error)) throw error;
    return countedStats(() => items.query(collection), instanceId, period);
  }
}

async function aggregatedStats(items: DataItems, collection: string, instanceId: string, { from, to }: StatsPeriod): Promise<ConversationStats> {
  const [start, end] = [dateField(from), dateField(to)];
  const where = () => items.filter();
  const active = where().eq('kind', 'conversation').lt('firstMessageAt', end).ge('lastMessageAt', start);
  const changed = where().eq('kind', 'type-change').ge('changedAt', start).lt('changedAt', end);
  const decided = where().eq('kind', 'decision').ge('decidedAt', start).lt('decidedAt', end);
  const result = await items.aggregate(collection)
    .filter(where().eq('instanceId', instanceId).and(active.or(changed).or(decided)))
    .group('kind', 'participantType', 'outcome')
    .count()
    .run(READ);
  const stats: ConversationStats = {
    byType: { ANONYMOUS_VISITOR: 0, CONTACT: 0, MEMBER: 0 }, becameContact: 0, becameMember: 0, autoReplies: { replied: 0, skipped: 0, failed: 0 },
  };
  for (const group of result.items as Record<string, unknown>[]) {
    const kind = groupValue(group, 'kind');
    const type = groupValue(group, 'participantType') as ParticipantType;
    const outcome = groupValue(group, 'outcome') as Outcome;
    const count = Number(group.count ?? 0);
    if (kind === 'conversation' && PARTICIPANT_TYPES.includes(type)) stats.byType[type] += count;
    else if (kind === 'type-change' && type === 'CONTACT') stats.becameContact += count;
    else if (kind === 'type-change' && type === 'MEMBER') stats.becameMember += count;
    else if (kind === 'decision' && OUTCOMES.includes(outcome)) stats.autoReplies[outcome] += count;
  }
  return stats;
}

/** A grouping field's value: Wix answers it at the top level and inside `_id` (an object of the grouping fields). */
function groupValue(group: Record<string, unknown>, field: string): unknown {
  const id = group._id;
  if (id && typeof id === 'object' && field in id) return (id as Record<string, unknown>)[field];
  return group[field];
}

/** Wix does not offer aggregation here (no such endpoint, or not for this collection): anything else goes up. */
function isUnsupported(error: unknown): boolean {
  // The Wix Data SDK replaces an HTTP error that carries an application error with one that has only the code.
  const code = (error as { details?: { applicationError?: { code?: unknown } } })?.details?.applicationError?.code;
  return [404, 405, 501].includes(statusOf(error) ?? 0) || ['NOT_FOUND', 'METHOD_NOT_ALLOWED', 'UNIMPLEMENTED'].includes(String(code));
}

/** The same cards as 8 counts, for a site where aggregation is refused. */
async function countedStats(query: () => items.WixDataQuery, instanceId: string, { from, to }: StatsPeriod): Promise<ConversationStats> {
  const [start, end] = [dateField(from), dateField(to)];
  const of = (kind: string) => query().eq('instanceId', instanceId).eq('kind', kind);
  const active = (type: string) => of('conversation').eq('participantType', type).lt('firstMessageAt', end).ge('lastMessageAt', start).count(READ);
  const became = (field: string) => of('conversation').ge(field, start).lt(field, end).count(READ);
  const decided = (outcome: string) => of('decision').eq('outcome', outcome).ge('decidedAt', start).lt('decidedAt', end).count(READ);
  const [types, contact, member, outcomes] = await Promise.all([
    Promise.all(PARTICIPANT_TYPES.map(active)), became('becameContactAt'), became('becameMemberAt'), Promise.all(OUTCOMES.map(decided)),
  ]);
  return {
    byType: { ANONYMOUS_VISITOR: types[0]!, CONTACT: types[1]!, MEMBER: types[2]! },
    becameContact: contact,
    becameMember: member,
    autoReplies: { replied: outcomes[0]!, skipped: outcomes[1]!, failed: outcomes[2]! },
  };
}
