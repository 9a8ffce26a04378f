import type { Migration } from './index.js';

/**
 * Who runs the bot on this database: one row at most (`id` is always 1), taken at start, its
 * `heartbeat_at` renewed while the bot runs, deleted at a clean stop. A second bot started on the
 * same file (a second `npm start`, a container restarted while the old one still runs) finds it
 * and refuses, instead of both polling every feed; a row whose heartbeat is old is a crashed
 * bot's and is taken over.
 */
export const INSTANCE_LEASE: Migration = {
  version: 15,
  name: '015-instance-lease',
  sql: `
    CREATE TABLE instance_lease (
      id           INTEGER PRIMARY KEY CHECK (id = 1),
      host         TEXT    NOT NULL,
      pid          INTEGER NOT NULL,
      started_at   INTEGER NOT NULL,
      heartbeat_at INTEGER NOT NULL
    ) STRICT;
  `,
};
