import type { items } from '@wix/data';
import type { ConversationStats, StatsPeriod } from '../../core/auto-reply/ledger.js';
import { PARTICIPANT_TYPES } from '../../core/participant.js';
import { dateField, READ } from './data-items.js';

const OUTCOMES = ['replied', 'skipped', 'failed'] as const;

/** The dashboard's cards for a period, as Wix Data counts (see core/conversation-stats.ts for the definitions). */
export async function siteStats(query: () => items.WixDataQuery, instanceId: string, { from, to }: StatsPeriod): Promise<ConversationStats> {
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
