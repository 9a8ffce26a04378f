import type { Migration } from './index.js';

/**
 * The feeds the running bot serves: one row at most (`id` is always 1), written whenever the bot
 * loads feeds.json (at start, SIGHUP, /reload). `enabled_feed_ids` is a JSON array of the ids it
 * polls, `loaded_at` when that list was loaded. `newsbrief health` judges this list rather than
 * the file on disk, which may be mid-edit (broken) or hold feeds no reload has served yet. No row:
 * no bot has started on the file since this migration (`poll --once` alone writes none).
 */
export const SERVED_FEEDS: Migration = {
  version: 16,
  name: '016-served-feeds',
  sql: `
    CREATE TABLE served_feeds (
      id               INTEGER PRIMARY KEY CHECK (id = 1),
      enabled_feed_ids TEXT    NOT NULL CHECK (json_valid(enabled_feed_ids) AND json_type(enabled_feed_ids) = 'array'),
      loaded_at        INTEGER NOT NULL
    ) STRICT;
  `,
};
