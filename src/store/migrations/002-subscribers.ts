import type { Migration } from './index.js';

/**
 * Schema for subscribers, their subscriptions and what each chat received.
 * `chat_deliveries` is the per-chat memory that keeps /latest and digests from repeating an article;
 * its foreign keys cascade so that moving a chat (migrate_to_chat_id) or deleting it carries its rows along.
 */
export const SUBSCRIBERS: Migration = {
  version: 2,
  name: '002-subscribers',
  sql: `
    CREATE TABLE subscribers (
      chat_id          INTEGER PRIMARY KEY,
      chat_type        TEXT    NOT NULL CHECK (chat_type IN ('private', 'group', 'supergroup', 'channel')),
      title            TEXT,
      language         TEXT    NOT NULL CHECK (language IN ('nl', 'en')),
      timezone         TEXT    NOT NULL,
      digest_time      TEXT    CHECK (digest_time IS NULL OR digest_time GLOB '[0-2][0-9]:[0-5][0-9]'),
      active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      blocked_reason   TEXT,
      created_at       INTEGER NOT NULL,
      updated_at       INTEGER NOT NULL,
      last_digest_date TEXT,
      last_digest_at   INTEGER
    );
    CREATE INDEX subscribers_active_digest_time ON subscribers (active, digest_time);

    CREATE TABLE subscriptions (
      chat_id INTEGER NOT NULL REFERENCES subscribers (chat_id) ON DELETE CASCADE ON UPDATE CASCADE,
      kind    TEXT    NOT NULL CHECK (kind IN ('topic', 'feed')),
      value   TEXT    NOT NULL,
      PRIMARY KEY (chat_id, kind, value)
    ) WITHOUT ROWID;

    CREATE TABLE chat_deliveries (
      chat_id      INTEGER NOT NULL REFERENCES subscribers (chat_id) ON DELETE CASCADE ON UPDATE CASCADE,
      article_seq  INTEGER NOT NULL,
      delivered_at INTEGER NOT NULL,
      via          TEXT    NOT NULL CHECK (via IN ('latest', 'digest')),
      PRIMARY KEY (chat_id, article_seq)
    ) WITHOUT ROWID;
    CREATE INDEX chat_deliveries_article ON chat_deliveries (article_seq);
  `,
};
