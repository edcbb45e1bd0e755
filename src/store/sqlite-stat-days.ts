/**
 * The cards' counts kept per day (schema step after sqlite-scale-schema.ts), so that a period of any length is a
 * sum over its whole days plus two part-days read from an index: at most a few hundred rows per figure, not one
 * per conversation. Each row: (site, metric, UTC day, how many). Metrics: `first:<type>` and `last:<type>` (the
 * day of a conversation's first and last message, by its type now), `contact` and `member` (the day it became
 * one), `decision:<outcome>` (the day of an auto-reply decision). Triggers keep them as rows change; a site's
 * deletion may drop its rows first, so a decrement never creates one.
 */
const day = (column: string) => `substr(${column}, 1, 10)`;

/** The (metric, time column) pairs of a conversations row, as SQL over `row` (new or old). */
const conversationMetrics = (row: 'new' | 'old') => [
  [`'first:' || ${row}.participant_type`, `${row}.first_message_at`],
  [`'last:' || ${row}.participant_type`, `${row}.last_message_at`],
  [`'contact'`, `${row}.became_contact_at`],
  [`'member'`, `${row}.became_member_at`],
] as const;
const decisionMetrics = (row: 'new' | 'old') => [[`'decision:' || ${row}.outcome`, `${row}.decided_at`]] as const;

const add = (row: 'new' | 'old', [metric, at]: readonly [string, string]) => `
    INSERT INTO stat_days (instance_id, metric, day, n) SELECT ${row}.instance_id, ${metric}, ${day(at)}, 1 WHERE ${at} IS NOT NULL
      ON CONFLICT (instance_id, metric, day) DO UPDATE SET n = n + 1;`;
const remove = (row: 'new' | 'old', [metric, at]: readonly [string, string]) => `
    UPDATE stat_days SET n = n - 1 WHERE ${at} IS NOT NULL AND instance_id = ${row}.instance_id AND metric = ${metric} AND day = ${day(at)};`;

function triggers(table: string, metrics: typeof conversationMetrics | typeof decisionMetrics, columns: string[]): string {
  const changed = columns.map((c) => (c.endsWith('_at') ? `${day(`old.${c}`)} IS NOT ${day(`new.${c}`)}` : `old.${c} IS NOT new.${c}`)).join(' OR ');
  return `
  CREATE TRIGGER ${table}_days_added AFTER INSERT ON ${table} BEGIN${metrics('new').map((m) => add('new', m)).join('')}
  END;
  CREATE TRIGGER ${table}_days_removed AFTER DELETE ON ${table} BEGIN${metrics('old').map((m) => remove('old', m)).join('')}
  END;
  CREATE TRIGGER ${table}_days_moved AFTER UPDATE OF ${columns.join(', ')} ON ${table} WHEN ${changed} BEGIN${metrics('old').map((m) => remove('old', m)).join('')}${metrics('new').map((m) => add('new', m)).join('')}
  END;`;
}

const backfill = (table: string, metrics: typeof conversationMetrics | typeof decisionMetrics) => metrics('new').map(([metric, at]) => {
  const [m, a] = [metric.replaceAll('new.', ''), at.replace('new.', '')];
  return `
  INSERT INTO stat_days (instance_id, metric, day, n) SELECT instance_id, ${m}, ${day(a)}, count(*) FROM ${table} WHERE ${a} IS NOT NULL
    GROUP BY 1, 2, 3;`;
}).join('');

export const STAT_DAYS_SCHEMA = `
  CREATE TABLE stat_days (
    instance_id TEXT NOT NULL,
    metric      TEXT NOT NULL,
    day         TEXT NOT NULL,
    n           INTEGER NOT NULL,
    PRIMARY KEY (instance_id, metric, day)
  ) WITHOUT ROWID;
  ${backfill('conversations', conversationMetrics)}
  ${backfill('decisions', decisionMetrics)}
  ${triggers('conversations', conversationMetrics, ['instance_id', 'participant_type', 'first_message_at', 'last_message_at', 'became_contact_at', 'became_member_at'])}
  ${triggers('decisions', decisionMetrics, ['instance_id', 'outcome', 'decided_at'])}
  `;
