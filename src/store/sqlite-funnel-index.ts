import type { ConversationRecord } from '../core/conversation.js';

/**
 * What the conversion funnel reads of a conversation, as SQL over its stored record: a type history is kept
 * normalised (oldest first, one entry per type, each later type a step up), so the first entry is how the person
 * started, the second when a visitor reached contact (or member), and a last entry of MEMBER when they registered.
 * These expressions made the first covering index (FUNNEL_INDEX); they now backfill the columns of FUNNEL_COLUMNS_SCHEMA.
 */
export const FUNNEL_EXPRESSIONS = {
  channel: `json_extract(record, '$.channel')`,
  startedAs: `coalesce(json_extract(record, '$.typeHistory[0].type'), participant_type)`,
  secondAt: `json_extract(record, '$.typeHistory[1].at')`,
  lastType: `json_extract(record, '$.typeHistory[#-1].type')`,
  lastAt: `json_extract(record, '$.typeHistory[#-1].at')`,
} as const;

/** Schema step (shipped): the funnel's covering index over the expressions, cohort by first message. */
export const FUNNEL_INDEX = `
  CREATE INDEX conversations_funnel ON conversations (instance_id, first_message_at, ${Object.values(FUNNEL_EXPRESSIONS).join(', ')});
  `;

/** The funnel's columns (sqlite-funnel.ts reads them from the covering index conversations_funnel). */
export const FUNNEL_COLUMNS = {
  channel: 'funnel_channel',
  startedAs: 'funnel_started_as',
  secondAt: 'funnel_second_at',
  lastType: 'funnel_last_type',
  lastAt: 'funnel_last_at',
} as const;

/** The same values as FUNNEL_EXPRESSIONS, from the record itself (sqlite-conversations.ts writes them). */
export function funnelValuesOf(record: ConversationRecord): Record<keyof typeof FUNNEL_COLUMNS, string | null> {
  const history = record.typeHistory;
  return {
    channel: record.channel ?? null,
    startedAs: history[0]?.type ?? record.participantType,
    secondAt: history[1]?.at ?? null,
    lastType: history.at(-1)?.type ?? null,
    lastAt: history.at(-1)?.at ?? null,
  };
}

/**
 * Schema step: the funnel's values as columns, so the index is kept over columns, not expressions. An expression
 * index over `record` is rewritten (its JSON parsed twice, old and new) whenever the record is, that is on every
 * message; the columns change only when the channel or the type history does, and only then is the index written.
 */
export const FUNNEL_COLUMNS_SCHEMA = `
  ${Object.values(FUNNEL_COLUMNS).map((column) => `ALTER TABLE conversations ADD COLUMN ${column} TEXT;`).join('\n  ')}
  UPDATE conversations SET ${Object.entries(FUNNEL_COLUMNS).map(([name, column]) => `${column} = ${FUNNEL_EXPRESSIONS[name as keyof typeof FUNNEL_COLUMNS]}`).join(', ')};
  DROP INDEX conversations_funnel;
  CREATE INDEX conversations_funnel ON conversations (instance_id, first_message_at, ${Object.values(FUNNEL_COLUMNS).join(', ')});
  `;
