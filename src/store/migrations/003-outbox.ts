import type { Migration } from './index.js';

/**
 * Schema for the outbox of outgoing messages and digest runs.
 *
 * - `outbox`: every message is written here before it is sent, under a unique `key`
 *   (`digest:<chat>:<local date>:<part>`), so enqueueing twice is a no-op. `state` walks
 *   pending -> sending -> sent; `sending` is committed before the HTTP call, so a row found in
 *   `sending` after a crash is the one message that was in flight. `failed` means retries ran out,
 *   `dead` that Telegram refused it for good (chat gone, message rejected).
 * - `digest_runs`: one row per chat and local date, written in the same transaction as the
 *   digest's outbox rows: the primary key makes a second digest for that date impossible.
 * No foreign keys to `subscribers`: a chat that moves or is deleted must not take undelivered or
 * historical rows with it.
 */
export const OUTBOX: Migration = {
  version: 3,
  name: '003-outbox',
  sql: `
    CREATE TABLE outbox (
      id                  INTEGER PRIMARY KEY AUTOINCREMENT,
      key                 TEXT    NOT NULL UNIQUE,
      chat_id             INTEGER NOT NULL,
      kind                TEXT    NOT NULL CHECK (kind IN ('digest', 'push', 'reply')),
      priority            INTEGER NOT NULL DEFAULT 0,
      payload             TEXT    NOT NULL,
      state               TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'dead')),
      attempts            INTEGER NOT NULL DEFAULT 0,
      next_attempt_at     INTEGER NOT NULL,
      last_error          TEXT,
      telegram_message_id INTEGER,
      created_at          INTEGER NOT NULL,
      sent_at             INTEGER
    );
    CREATE INDEX outbox_open ON outbox (state, next_attempt_at) WHERE state IN ('pending', 'sending');
    CREATE INDEX outbox_due ON outbox (priority DESC, id) WHERE state = 'pending';
    CREATE INDEX outbox_chat ON outbox (chat_id, id);
    CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE state = 'sent';

    CREATE TABLE digest_runs (
      chat_id    INTEGER NOT NULL,
      local_date TEXT    NOT NULL,
      created_at INTEGER NOT NULL,
      messages   INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (chat_id, local_date)
    ) WITHOUT ROWID;
  `,
};
