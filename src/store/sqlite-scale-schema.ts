/** The list's sort columns, as the conversations table names them (sqlite-schema.ts). */
export const SORT_COLUMNS = {
  lastMessageAt: 'last_message_at',
  firstMessageAt: 'first_message_at',
  displayName: 'display_name_key',
  messageCount: 'message_count',
} as const;

/** The sorts a type filter has its own index for (the dashboard's newest first and by name); the others check the type in the site-wide index. */
const TYPE_LED = new Set<keyof typeof SORT_COLUMNS>(['lastMessageAt', 'displayName']);

/** The index a list sorted by `field` walks: the type-led one for a type filter without a search, where there is one; else the site-wide one. */
export const listIndex = (field: keyof typeof SORT_COLUMNS, byType: boolean) =>
  `conversations_${byType && TYPE_LED.has(field) ? 'type_' : 'list_'}${field}`;

/** When the record's type history reached `type` (not its first step), as `becameAt` in core/conversation-stats.ts. */
const becameAtSql = (type: string) => `(SELECT json_extract(h.value, '$.at') FROM json_each(record, '$.typeHistory') h
    WHERE h.key > 0 AND json_extract(h.value, '$.type') = '${type}' ORDER BY h.key LIMIT 1)`;

/**
 * Schema step: the dashboard at 100,000 conversations of a site (issue 10).
 * - Each list shape walks an index in its own order and stops after a page: per sort field, a site-wide index
 *   led by the sort column and conversationId (the keyset), carrying the type, name and email keys so that a
 *   type filter, a search, or both are checked in the index without reading a record; and for the dashboard's
 *   own sorts (newest first, by name) a type-led one for a type filter alone, so a rare type is no longer a walk. The type-led newest-first index carries first_message_at too: the
 *   cards' "who is writing" is a range of it per type.
 * - The total of an unsearched list is kept as it changes (conversation_counts, by triggers), not counted per page.
 * - When a conversation became a contact or member is a column with its own index, so the cards count a range.
 * - Auto-reply outcomes by time: an index that carries the outcome. The old single-column indexes are dropped.
 */
export const SCALE_SCHEMA = `
  DROP INDEX conversations_by_type;
  DROP INDEX conversations_by_name;
  DROP INDEX conversations_by_email;
  DROP INDEX conversations_by_last_message;
  DROP INDEX conversations_by_first_message;
  DROP INDEX conversations_by_message_count;
  CREATE INDEX ${listIndex('lastMessageAt', false)} ON conversations
    (instance_id, last_message_at, conversation_id, display_name_key, email_key, participant_type);
  CREATE INDEX ${listIndex('firstMessageAt', false)} ON conversations
    (instance_id, first_message_at, conversation_id, display_name_key, email_key, participant_type);
  CREATE INDEX ${listIndex('displayName', false)} ON conversations
    (instance_id, display_name_key, conversation_id, email_key, participant_type);
  CREATE INDEX ${listIndex('messageCount', false)} ON conversations
    (instance_id, message_count, conversation_id, display_name_key, email_key, participant_type);
  CREATE INDEX ${listIndex('lastMessageAt', true)} ON conversations (instance_id, participant_type, last_message_at, conversation_id, first_message_at);
  CREATE INDEX ${listIndex('displayName', true)} ON conversations (instance_id, participant_type, display_name_key, conversation_id);

  CREATE TABLE conversation_counts (
    instance_id      TEXT NOT NULL,
    participant_type TEXT NOT NULL,
    n                INTEGER NOT NULL,
    PRIMARY KEY (instance_id, participant_type)
  ) WITHOUT ROWID;
  INSERT INTO conversation_counts (instance_id, participant_type, n)
    SELECT instance_id, participant_type, count(*) FROM conversations GROUP BY instance_id, participant_type;
  -- Writes are upserts (an INSERT OR REPLACE would not fire the delete trigger); a site's deletion may drop
  -- its counts first, so a decrement never creates a row.
  CREATE TRIGGER conversation_counted AFTER INSERT ON conversations BEGIN
    INSERT INTO conversation_counts (instance_id, participant_type, n) VALUES (new.instance_id, new.participant_type, 1)
      ON CONFLICT (instance_id, participant_type) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER conversation_uncounted AFTER DELETE ON conversations BEGIN
    UPDATE conversation_counts SET n = n - 1 WHERE instance_id = old.instance_id AND participant_type = old.participant_type;
  END;
  CREATE TRIGGER conversation_recounted AFTER UPDATE OF instance_id, participant_type ON conversations
    WHEN old.instance_id IS NOT new.instance_id OR old.participant_type IS NOT new.participant_type BEGIN
    UPDATE conversation_counts SET n = n - 1 WHERE instance_id = old.instance_id AND participant_type = old.participant_type;
    INSERT INTO conversation_counts (instance_id, participant_type, n) VALUES (new.instance_id, new.participant_type, 1)
      ON CONFLICT (instance_id, participant_type) DO UPDATE SET n = n + 1;
  END;

  ALTER TABLE conversations ADD COLUMN became_contact_at TEXT;
  ALTER TABLE conversations ADD COLUMN became_member_at TEXT;
  UPDATE conversations SET became_contact_at = ${becameAtSql('CONTACT')}, became_member_at = ${becameAtSql('MEMBER')};
  CREATE INDEX conversations_became_contact ON conversations (instance_id, became_contact_at) WHERE became_contact_at IS NOT NULL;
  CREATE INDEX conversations_became_member ON conversations (instance_id, became_member_at) WHERE became_member_at IS NOT NULL;

  DROP INDEX decisions_by_time;
  CREATE INDEX decisions_by_outcome ON decisions (instance_id, outcome, decided_at);
  `;

/**
 * Schema step: each conversation's list item (core/conversation-item.ts) kept as JSON beside its record, so that a
 * page of the dashboard's list is written out as read — parsing and re-serialising 50 records was most of a page's
 * cost. Backfilled with SQLite's JSON functions: the participant's IDs lifted to the top, four fields dropped.
 */
export const LIST_ITEM_SCHEMA = `
  ALTER TABLE conversations ADD COLUMN item TEXT;
  UPDATE conversations SET item = json_remove(json_patch(record, record -> '$.participant'),
    '$.participant', '$.instanceId', '$.resolution', '$.updatedAt');
  `;
