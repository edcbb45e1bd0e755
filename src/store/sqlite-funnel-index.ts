/**
 * What the conversion funnel reads of a conversation, as SQL over its stored record: a type history is kept
 * normalised (oldest first, one entry per type, each later type a step up), so the first entry is how the person
 * started, the second when a visitor reached contact (or member), and a last entry of MEMBER when they registered.
 * The same expressions make the covering index below, so the funnel reads the index only, never the records.
 */
export const FUNNEL_COLUMNS = {
  channel: `json_extract(record, '$.channel')`,
  startedAs: `coalesce(json_extract(record, '$.typeHistory[0].type'), participant_type)`,
  secondAt: `json_extract(record, '$.typeHistory[1].at')`,
  lastType: `json_extract(record, '$.typeHistory[#-1].type')`,
  lastAt: `json_extract(record, '$.typeHistory[#-1].at')`,
} as const;

/** Schema step: the funnel's covering index, cohort by first message (see sqlite-funnel.ts). */
export const FUNNEL_INDEX = `
  CREATE INDEX conversations_funnel ON conversations (instance_id, first_message_at, ${Object.values(FUNNEL_COLUMNS).join(', ')});
  `;
