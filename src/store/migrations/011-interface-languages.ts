import type { Migration } from './index.js';

/**
 * The interface speaks more than Dutch and English now (German, French), and may learn more: a
 * chat's language is any two-letter code, and the code decides which it serves (UI_LANGUAGES).
 * SQLite cannot change a column's CHECK in place, so `subscribers` is rebuilt as SQLite prescribes
 * (a new table, the rows copied, the old one dropped, the new one renamed) with foreign keys off,
 * so dropping the old table does not cascade to the chats' subscriptions and receipts (see
 * `rebuildsTables`).
 */
export const INTERFACE_LANGUAGES: Migration = {
  version: 11,
  name: '011-interface-languages',
  rebuildsTables: true,
  sql: `
    CREATE TABLE subscribers_rebuilt (
      chat_id          INTEGER PRIMARY KEY,
      chat_type        TEXT    NOT NULL CHECK (chat_type IN ('private', 'group', 'supergroup', 'channel')),
      title            TEXT,
      language         TEXT    NOT NULL CHECK (language GLOB '[a-z][a-z]'),
      timezone         TEXT    NOT NULL,
      digest_time      TEXT    CHECK (digest_time IS NULL OR digest_time GLOB '[0-2][0-9]:[0-5][0-9]'),
      active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      blocked_reason   TEXT,
      created_at       INTEGER NOT NULL,
      updated_at       INTEGER NOT NULL,
      last_digest_date TEXT,
      last_digest_at   INTEGER,
      last_delivery_at INTEGER
    );
    INSERT INTO subscribers_rebuilt (chat_id, chat_type, title, language, timezone, digest_time, active, blocked_reason,
                                     created_at, updated_at, last_digest_date, last_digest_at, last_delivery_at)
      SELECT chat_id, chat_type, title, language, timezone, digest_time, active, blocked_reason,
             created_at, updated_at, last_digest_date, last_digest_at, last_delivery_at
      FROM subscribers;
    DROP TABLE subscribers;
    ALTER TABLE subscribers_rebuilt RENAME TO subscribers;
    CREATE INDEX subscribers_active_digest_time ON subscribers (active, digest_time);
  `,
};
