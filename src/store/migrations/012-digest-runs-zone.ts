import type { Migration } from './index.js';

/**
 * A digest claim names the zone its local date is in: `digest_runs` is keyed (chat, local date,
 * zone). A chat that moves west may be due for a date it already had in its old zone (Tokyo's
 * 7 December goes out while it is still 6 December in Honolulu); keyed by chat and date alone,
 * Honolulu's run for the 7th was refused as already sent and the chat heard nothing for 43 hours.
 *
 * Claims made before this version get the zone '' ("not recorded"), which no new claim uses. They
 * need not refuse anything any more: a claim only ever refuses a tick that read the chats before
 * the claim was committed, and every tick of this version reads them after this migration, so
 * after every older claim (the chat's `last_digest_date` and `last_digest_at`, committed with the
 * claim, say what it had). A process of the old version still running on the file cannot claim
 * at all (its insert names no zone and the column has no default), so its commit fails whole and
 * the chats stay due for this version's tick. Guessing the zone instead (the chat's current one)
 * would refuse the very run this migration exists for when a chat moved west just before the
 * upgrade.
 */
export const DIGEST_RUNS_ZONE: Migration = {
  version: 12,
  name: '012-digest-runs-zone',
  sql: `
    CREATE TABLE digest_runs_by_zone (
      chat_id    INTEGER NOT NULL,
      local_date TEXT    NOT NULL,
      timezone   TEXT    NOT NULL,
      created_at INTEGER NOT NULL,
      messages   INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (chat_id, local_date, timezone)
    ) WITHOUT ROWID;
    INSERT INTO digest_runs_by_zone (chat_id, local_date, timezone, created_at, messages)
      SELECT chat_id, local_date, '', created_at, messages FROM digest_runs;
    DROP TABLE digest_runs;
    ALTER TABLE digest_runs_by_zone RENAME TO digest_runs;
    CREATE INDEX digest_runs_created ON digest_runs (created_at);
  `,
};
