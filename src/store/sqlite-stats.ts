import type { Database, Statement } from 'better-sqlite3';
import type { ConversationStats, StatsPeriod } from '../core/auto-reply/ledger.js';
import { PARTICIPANT_TYPES } from '../core/participant.js';
import { listIndex } from './sqlite-scale-schema.js';

type Edge = Statement<{ instanceId: string; key: string; start: string; before: string }, number>;
const OUTCOMES = ['replied', 'skipped', 'failed'] as const;

/**
 * The dashboard's cards in SQLite (definitions in core/conversation-stats.ts) in time independent of the site's
 * size and of the period's length. Every figure is "how many before t" taken at `to` and at `from`: the whole days
 * before t summed from the kept day counts (sqlite-stat-days.ts), plus the part of t's own day read from an index.
 * - who is writing (first message before `to`, last at or after `from`) = first-before-`to` − last-before-`from`,
 *   per type: a conversation's last message is never before its first, and the two are set together;
 * - became a contact / a member, and auto-replies by outcome: before-`to` − before-`from`.
 */
export function sqliteConversationStats(db: Database) {
  const daysBefore = db.prepare<{ instanceId: string; day: string }, { metric: string; n: number }>(
    'SELECT metric, sum(n) AS n FROM stat_days WHERE instance_id = @instanceId AND day < @day GROUP BY metric',
  );
  const edge = (sql: string): Edge => db.prepare<{ instanceId: string; key: string; start: string; before: string }, number>(sql).pluck();
  const partDay: Record<string, Edge> = {
    first: edge(`SELECT count(*) FROM conversations INDEXED BY ${listIndex('firstMessageAt', false)} WHERE instance_id = @instanceId
      AND first_message_at >= @start AND first_message_at < @before AND participant_type = @key`),
    last: edge(`SELECT count(*) FROM conversations INDEXED BY ${listIndex('lastMessageAt', true)} WHERE instance_id = @instanceId
      AND participant_type = @key AND last_message_at >= @start AND last_message_at < @before`),
    contact: edge(`SELECT count(*) FROM conversations INDEXED BY conversations_became_contact WHERE instance_id = @instanceId
      AND became_contact_at >= @start AND became_contact_at < @before AND @key = ''`),
    member: edge(`SELECT count(*) FROM conversations INDEXED BY conversations_became_member WHERE instance_id = @instanceId
      AND became_member_at >= @start AND became_member_at < @before AND @key = ''`),
    decision: edge(`SELECT count(*) FROM decisions INDEXED BY decisions_by_outcome WHERE instance_id = @instanceId
      AND outcome = @key AND decided_at >= @start AND decided_at < @before`),
  };

  /** How many of each metric happened before `before`. */
  const countsBefore = (instanceId: string, before: string) => {
    const day = before.slice(0, 10);
    const days = new Map(daysBefore.all({ instanceId, day }).map((row) => [row.metric, row.n]));
    const start = `${day}T00:00:00.000Z`;
    return (kind: keyof typeof partDay, key = '') =>
      (days.get(key ? `${kind}:${key}` : kind) ?? 0) + (start < before ? partDay[kind]!.get({ instanceId, key, start, before })! : 0);
  };

  return (instanceId: string, { from, to }: StatsPeriod): ConversationStats => {
    const atTo = countsBefore(instanceId, to);
    const atFrom = countsBefore(instanceId, from);
    const during = (kind: keyof typeof partDay, key = '') => atTo(kind, key) - atFrom(kind, key);
    return {
      byType: Object.fromEntries(PARTICIPANT_TYPES.map((type) => [type, atTo('first', type) - atFrom('last', type)])) as ConversationStats['byType'],
      becameContact: during('contact'),
      becameMember: during('member'),
      autoReplies: Object.fromEntries(OUTCOMES.map((outcome) => [outcome, during('decision', outcome)])) as ConversationStats['autoReplies'],
    };
  };
}
