import type { Database } from 'better-sqlite3';
import type { StatsPeriod } from '../core/auto-reply/ledger.js';
import { funnelFromGroups, median, UNKNOWN_CHANNEL, type ConversionFunnel, type FunnelGroup } from '../core/conversion-funnel.js';
import type { ParticipantType } from '../core/participant.js';
import { FUNNEL_COLUMNS as F } from './sqlite-funnel-index.js';

/**
 * The conversion funnel in ONE statement. `cohort` reads the people of [from, to) from the covering index
 * `conversations_funnel` alone (MATERIALIZED: grouping by the indexed columns directly would read every record);
 * `people` says when, before `to`, a visitor reached contact and a visitor or contact became a member. The statement
 * answers the counted groups and, for each conversion, its middle one or two times (ms) — the rest is the core's.
 */
const FUNNEL = `WITH cohort AS MATERIALIZED (
    SELECT ${F.channel} AS channel, ${F.startedAs} AS started_as, first_message_at AS first_at,
      ${F.secondAt} AS second_at, ${F.lastType} AS last_type, ${F.lastAt} AS last_at
    FROM conversations INDEXED BY conversations_funnel
    WHERE instance_id = @instanceId AND first_message_at >= @from AND first_message_at < @to
  ), people AS (
    SELECT coalesce(nullif(channel, ''), '${UNKNOWN_CHANNEL}') AS channel, started_as, first_at,
      CASE WHEN started_as = 'ANONYMOUS_VISITOR' AND second_at < @to THEN second_at END AS contact_at,
      CASE WHEN started_as <> 'MEMBER' AND last_type = 'MEMBER' AND last_at < @to THEN last_at END AS member_at
    FROM cohort
  ), waits AS (
    SELECT 'contact' AS conversion, max(0, round((julianday(contact_at) - julianday(first_at)) * 86400000)) AS ms FROM people WHERE contact_at IS NOT NULL
    UNION ALL
    SELECT 'member', max(0, round((julianday(member_at) - julianday(first_at)) * 86400000)) FROM people WHERE member_at IS NOT NULL
  ), ranked AS (
    SELECT conversion, ms, row_number() OVER (PARTITION BY conversion ORDER BY ms) AS position, count(*) OVER (PARTITION BY conversion) AS n FROM waits
  )
  SELECT channel, started_as AS startedAs, (started_as <> 'ANONYMOUS_VISITOR' OR contact_at IS NOT NULL) AS contact,
    (started_as = 'MEMBER' OR member_at IS NOT NULL) AS member, count(*) AS people, NULL AS conversion, NULL AS ms
  FROM people GROUP BY 1, 2, 3, 4
  UNION ALL
  SELECT NULL, NULL, NULL, NULL, NULL, conversion, ms FROM ranked WHERE position IN ((n + 1) / 2, n / 2 + 1)`;

type Row =
  | { channel: string; startedAs: ParticipantType; contact: number; member: number; people: number; conversion: null; ms: null }
  | { channel: null; startedAs: null; contact: null; member: null; people: null; conversion: 'contact' | 'member'; ms: number };

/** The conversion funnel in SQLite: one indexed statement (see above), its figures derived by the core. */
export function sqliteConversionFunnel(db: Database) {
  const statement = db.prepare<{ instanceId: string; from: string; to: string }, Row>(FUNNEL);
  return (instanceId: string, { from, to }: StatsPeriod): ConversionFunnel => {
    const groups: FunnelGroup[] = [];
    const middle = { contact: [] as number[], member: [] as number[] };
    for (const row of statement.all({ instanceId, from, to })) {
      if (row.conversion === null) groups.push({ ...row, contact: row.contact === 1, member: row.member === 1 });
      else middle[row.conversion].push(row.ms);
    }
    return funnelFromGroups(groups, { toContactMs: median(middle.contact), toMemberMs: median(middle.member) });
  };
}
