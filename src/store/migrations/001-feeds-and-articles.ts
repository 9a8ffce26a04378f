import type { Migration } from './index.js';

/**
 * Schema for feed state, articles and briefings.
 *
 * - `feeds` keeps what the poller remembers between polls; `configured_url` is the URL from
 *   feeds.json when the state was made, so an operator's edit of the URL resets the redirects.
 * - `articles.seq` is a monotonic surrogate key: readers use it as a cursor ("since seq N")
 *   and deliveries refer to it; `(feed_id, id)` is the dedupe identity.
 * - `briefings` has one row per article once condensing was tried: `ok`, or `failed` with the
 *   error and the number of attempts, so a later run can retry.
 */
export const FEEDS_AND_ARTICLES: Migration = {
  version: 1,
  name: '001-feeds-and-articles',
  sql: `
    CREATE TABLE feeds (
      feed_id               TEXT PRIMARY KEY,
      configured_url        TEXT NOT NULL,
      current_url           TEXT NOT NULL,
      etag                  TEXT,
      last_modified         TEXT,
      ttl_minutes           INTEGER,
      update_period_minutes INTEGER,
      title                 TEXT,
      last_polled_at        INTEGER,
      last_success_at       INTEGER,
      next_poll_at          INTEGER NOT NULL DEFAULT 0,
      consecutive_failures  INTEGER NOT NULL DEFAULT 0,
      failing               INTEGER NOT NULL DEFAULT 0 CHECK (failing IN (0, 1)),
      last_error            TEXT,
      last_error_at         INTEGER
    ) STRICT;

    CREATE INDEX feeds_next_poll ON feeds (next_poll_at);

    CREATE TABLE articles (
      seq           INTEGER PRIMARY KEY AUTOINCREMENT,
      feed_id       TEXT NOT NULL,
      id            TEXT NOT NULL,
      guid          TEXT,
      url           TEXT,
      title         TEXT NOT NULL,
      published_at  INTEGER NOT NULL,
      first_seen_at INTEGER NOT NULL,
      updated_at    INTEGER NOT NULL,
      content_hash  TEXT NOT NULL,
      author        TEXT,
      categories    TEXT NOT NULL DEFAULT '[]',
      summary       TEXT NOT NULL DEFAULT '',
      content       TEXT NOT NULL DEFAULT '',
      summary_html  TEXT,
      content_html  TEXT,
      UNIQUE (feed_id, id)
    ) STRICT;

    CREATE INDEX articles_feed_published ON articles (feed_id, published_at DESC);

    CREATE TABLE briefings (
      article_seq INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
      headline    TEXT NOT NULL DEFAULT '',
      sentences   TEXT NOT NULL DEFAULT '[]',
      language    TEXT NOT NULL DEFAULT '',
      words       INTEGER NOT NULL DEFAULT 0,
      chars       INTEGER NOT NULL DEFAULT 0,
      method      TEXT,
      created_at  INTEGER NOT NULL,
      status      TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
      attempts    INTEGER NOT NULL DEFAULT 1,
      error       TEXT
    ) STRICT;

    CREATE INDEX briefings_created ON briefings (created_at) WHERE status = 'ok';
    CREATE INDEX briefings_failed ON briefings (attempts) WHERE status = 'failed';
  `,
};
