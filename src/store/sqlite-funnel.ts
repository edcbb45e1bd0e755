import type { Database } from 'better-sqlite3';
import type { StatsPeriod } from '../core/auto-reply/ledger.js';
import { funnelFromGroups, median, UNKNOWN_CHANNEL, type ConversionFunnel, type FunnelGroup } from '../core/conversion-funnel.js';
import type { ParticipantType } from '../core/participant.js';
import { FUNNEL_COLUMNS as F } from './sqlite-funnel-index.js';

/**
 * The cohort of [from, to), one row a person, read from the covering index `conversations_funnel`: how they started,
 * and when (before `to`) a visitor reached contact and a visitor or contact became a member.
 */
const COHORT = `WITH cohort AS (
    SELECT coalesce(nullif(${F.channel}, ''), '${UNKNOWN_CHANNEL}') AS channel, ${F.startedAs} AS started_as, first_message_at AS first_at,
      ${F.secondAt} AS second_at, ${F.lastType} AS last_type, ${F.lastAt} AS last_at
    FROM conversations INDEXED BY conversations_funnel
    WHERE instance_id = @instanceId AND first_message_at >= @from AND first_message_at < @to
  ), people AS (
    SELECT channel, started_as, first_at,
      CASE WHEN started_as = 'ANONYMOUS_VISITOR' AND second_at < @to THEN second_at END AS contact_at,
      CASE WHEN started_as <> 'MEMBER' AND last_type = 'MEMBER' AND last_at < @to THEN last_at END AS member_at
    FROM cohort
  )`;

const GROUPS = `${COHORT} SELECT channel, started_as AS startedAs,
    (started_as <> 'ANONYMOUS_VISITOR' OR contact_at IS NOT NULL) AS contact, (started_as = 'MEMBER' OR member_at IS NOT NULL) AS member,
    count(*) AS people
  FROM people GROUP BY 1, 2, 3, 4`;

/** The middle one or two of the conversion times (ms); a conversion stamped before the first message took no time. */
const middle = (at: 'contact_at' | 'member_at') => `${COHORT} SELECT max(0, round((julianday(${at}) - julianday(first_at)) * 86400000)) AS ms
  FROM people WHERE ${at} IS NOT NULL ORDER BY ms LIMIT CAST(2 - @n % 2 AS INTEGER) OFFSET CAST((@n - 1) / 2 AS INTEGER)`;

type Row = { channel: string; startedAs: ParticipantType; contact: number; member: number; people: number };

/** The conversion funnel in SQLite: one grouped count over the covering index, and one query per median. */
export function sqliteConversionFunnel(db: Database) {
  const groups = db.prepare<{ instanceId: string; from: string; to: string }, Row>(GROUPS);
  const toContact = db.prepare<{ instanceId: string; from: string; to: string; n: number }, { ms: number }>(middle('contact_at'));
  const toMember = db.prepare<{ instanceId: string; from: string; to: string; n: number }, { ms: number }>(middle('member_at'));
  return (instanceId: string, { from, to }: StatsPeriod): ConversionFunnel => {
    const read = db.transaction(() => {
      const counted: FunnelGroup[] = groups.all({ instanceId, from, to })
        .map((row) => ({ ...row, contact: row.contact === 1, member: row.member === 1 }));
      const shell = funnelFromGroups(counted, { toContactMs: null, toMemberMs: null });
      const medianOf = (query: typeof toContact, n: number) => (n === 0 ? null : median(query.all({ instanceId, from, to, n }).map((row) => row.ms)));
      return funnelFromGroups(counted, { toContactMs: medianOf(toContact, shell.becameContact), toMemberMs: medianOf(toMember, shell.becameMember) });
    });
    return read();
  };
}
