import type { Database } from 'better-sqlite3';
import { FUNNEL_COLUMNS_SCHEMA, FUNNEL_INDEX } from './sqlite-funnel-index.js';
import { LIST_ITEM_SCHEMA, SCALE_SCHEMA } from './sqlite-scale-schema.js';
import { STAT_DAYS_SCHEMA } from './sqlite-stat-days.js';

/**
 * The schema as a list of steps; step i takes the file from `user_version` i to i + 1. Add a step to change
 * the schema, never edit a shipped one. Every table leads with instance_id: nothing crosses between sites.
 * Whole records are kept as JSON; the other columns exist only to find and order them.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE journal (
    instance_id     TEXT NOT NULL,
    event_id        TEXT NOT NULL,
    received_at     TEXT NOT NULL,
    next_attempt_at TEXT NOT NULL,
    done            INTEGER NOT NULL,
    entry           TEXT NOT NULL,
    PRIMARY KEY (instance_id, event_id)
  ) WITHOUT ROWID;
  CREATE INDEX journal_pending ON journal (received_at, instance_id, event_id) WHERE done = 0;

  CREATE TABLE conversations (
    instance_id         TEXT NOT NULL,
    conversation_id     TEXT NOT NULL,
    participant_type    TEXT NOT NULL,
    display_name_key    TEXT NOT NULL,  -- display name, case-folded: sort and search
    email_key           TEXT,           -- email, case-folded: search
    last_message_at     TEXT,
    first_message_at    TEXT,
    message_count       INTEGER NOT NULL,
    member_id           TEXT,
    contact_id          TEXT,
    anonymous_visitor_id TEXT,
    record              TEXT NOT NULL,
    PRIMARY KEY (instance_id, conversation_id)
  );
  CREATE INDEX conversations_by_type ON conversations (instance_id, participant_type);
  CREATE INDEX conversations_by_name ON conversations (instance_id, display_name_key);
  CREATE INDEX conversations_by_email ON conversations (instance_id, email_key);
  CREATE INDEX conversations_by_last_message ON conversations (instance_id, last_message_at);
  CREATE INDEX conversations_by_first_message ON conversations (instance_id, first_message_at);
  CREATE INDEX conversations_by_message_count ON conversations (instance_id, message_count);
  CREATE INDEX conversations_by_member ON conversations (instance_id, member_id);
  CREATE INDEX conversations_by_contact ON conversations (instance_id, contact_id);
  CREATE INDEX conversations_by_visitor ON conversations (instance_id, anonymous_visitor_id);

  CREATE TABLE aliases (
    instance_id            TEXT NOT NULL,
    old_conversation_id    TEXT NOT NULL,
    target_conversation_id TEXT NOT NULL,
    PRIMARY KEY (instance_id, old_conversation_id)
  ) WITHOUT ROWID;
  CREATE INDEX aliases_by_target ON aliases (instance_id, target_conversation_id);

  -- One row per ID a person is known by ("member:…", "contact:…", "visitor:…"), each holding the whole person.
  CREATE TABLE persons (
    instance_id     TEXT NOT NULL,
    participant_key TEXT NOT NULL,
    person          TEXT NOT NULL,
    PRIMARY KEY (instance_id, participant_key)
  ) WITHOUT ROWID;
  `,
  `
  CREATE TABLE settings (
    instance_id TEXT NOT NULL PRIMARY KEY,
    settings    TEXT NOT NULL
  ) WITHOUT ROWID;

  -- The primary key is the durable "at most once": every delivery that wants to reply computes the same seq.
  CREATE TABLE reply_claims (
    instance_id TEXT NOT NULL,
    person_key  TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    claimed_at  TEXT NOT NULL,
    claim       TEXT NOT NULL,
    PRIMARY KEY (instance_id, person_key, seq)
  ) WITHOUT ROWID;
  CREATE INDEX reply_claims_recent ON reply_claims (instance_id, person_key, claimed_at);

  CREATE TABLE decisions (
    instance_id     TEXT NOT NULL,
    event_id        TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    outcome         TEXT NOT NULL,
    decided_at      TEXT NOT NULL,
    decision        TEXT NOT NULL,
    PRIMARY KEY (instance_id, event_id)
  ) WITHOUT ROWID;
  CREATE INDEX decisions_by_conversation ON decisions (instance_id, conversation_id, decided_at);
  CREATE INDEX decisions_by_time ON decisions (instance_id, decided_at);
  `,
  `
  -- Every key a reply claim is filed under (its anchor, the person's IDs, their conversations).
  CREATE TABLE reply_claim_keys (
    instance_id TEXT NOT NULL,
    claim_key   TEXT NOT NULL,
    person_key  TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    PRIMARY KEY (instance_id, claim_key, person_key, seq)
  ) WITHOUT ROWID;
  INSERT INTO reply_claim_keys (instance_id, claim_key, person_key, seq) SELECT instance_id, person_key, person_key, seq FROM reply_claims;
  `,
  FUNNEL_INDEX,
  SCALE_SCHEMA,
  STAT_DAYS_SCHEMA,
  LIST_ITEM_SCHEMA,
  FUNNEL_COLUMNS_SCHEMA,
  // The journal as a rowid table. An entry is ~1 kB of JSON: as a WITHOUT ROWID row (near the ~1,000 bytes such a
  // row keeps in its page, four to a page) each new entry landed at a random place and split pages — about 7 pages
  // written an event for the journal alone. Now entries are appended and found by the key's index: about 4.
  `
  CREATE TABLE journal_rows (
    instance_id     TEXT NOT NULL,
    event_id        TEXT NOT NULL,
    received_at     TEXT NOT NULL,
    next_attempt_at TEXT NOT NULL,
    done            INTEGER NOT NULL,
    entry           TEXT NOT NULL,
    PRIMARY KEY (instance_id, event_id)
  );
  INSERT INTO journal_rows (instance_id, event_id, received_at, next_attempt_at, done, entry)
    SELECT instance_id, event_id, received_at, next_attempt_at, done, entry FROM journal ORDER BY received_at;
  DROP TABLE journal;
  ALTER TABLE journal_rows RENAME TO journal;
  CREATE INDEX journal_pending ON journal (received_at, instance_id, event_id) WHERE done = 0;
  `,
];

/** Brings the file up to the newest schema in one transaction; refuses a file written by a newer build. */
export function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `SQLite store ${db.name} has schema version ${current}, but this build knows only up to ${MIGRATIONS.length}. ` +
        'Run the newer build, or point DATA_DIR at another folder.',
    );
  }
  // Up to date (every start but the first after an upgrade): no write transaction at all.
  if (current === MIGRATIONS.length) return;
  db.transaction(() => {
    for (let version = current; version < MIGRATIONS.length; version++) db.exec(MIGRATIONS[version]);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  })();
}
