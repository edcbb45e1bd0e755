import type { Database } from 'better-sqlite3';
import type { ConversationStats, DecisionRecord, StatsPeriod } from '../core/auto-reply/ledger.js';
import { PARTICIPANT_TYPES, type ParticipantType } from '../core/participant.js';
import { listIndex } from './sqlite-scale-schema.js';

/**
 * The dashboard's cards in SQLite (definitions in core/conversation-stats.ts), each figure a range of an index:
 * who is writing is, per type, the conversations whose last message is at or after `from` (the type-led newest-first
 * index, which carries the first message time), those whose first is before `to` counted; became a contact or a
 * member is a range of its own column's index; auto-replies a range of the decisions' (outcome, time) index per outcome.
 */
export function sqliteConversationStats(db: Database) {
  const byType = db.prepare<StatsPeriod & { instanceId: string }, { type: ParticipantType; n: number }>(`SELECT participant_type AS type, count(*) AS n
    FROM conversations INDEXED BY ${listIndex('lastMessageAt', true)}
    WHERE instance_id = @instanceId AND participant_type IN (${PARTICIPANT_TYPES.map((t) => `'${t}'`).join(', ')})
      AND last_message_at >= @from AND first_message_at < @to GROUP BY participant_type`);
  const became = db.prepare<StatsPeriod & { instanceId: string }, { contact: number; member: number }>(`SELECT
    (SELECT count(*) FROM conversations INDEXED BY conversations_became_contact
      WHERE instance_id = @instanceId AND became_contact_at >= @from AND became_contact_at < @to) AS contact,
    (SELECT count(*) FROM conversations INDEXED BY conversations_became_member
      WHERE instance_id = @instanceId AND became_member_at >= @from AND became_member_at < @to) AS member`);
  const outcomes = db.prepare<StatsPeriod & { instanceId: string }, { outcome: DecisionRecord['outcome']; n: number }>(`SELECT outcome, count(*) AS n
    FROM decisions INDEXED BY decisions_by_outcome
    WHERE instance_id = @instanceId AND outcome IN ('replied', 'skipped', 'failed') AND decided_at >= @from AND decided_at < @to GROUP BY outcome`);

  return (instanceId: string, { from, to }: StatsPeriod): ConversationStats => {
    const params = { instanceId, from, to };
    const stats: ConversationStats = {
      byType: { ANONYMOUS_VISITOR: 0, CONTACT: 0, MEMBER: 0 },
      becameContact: 0,
      becameMember: 0,
      autoReplies: { replied: 0, skipped: 0, failed: 0 },
    };
    for (const row of byType.all(params)) stats.byType[row.type] = row.n;
    const { contact, member } = became.get(params)!;
    stats.becameContact = contact;
    stats.becameMember = member;
    for (const row of outcomes.all(params)) stats.autoReplies[row.outcome] = row.n;
    return stats;
  };
}
