import type { ServedFeeds } from '../../core/served-feeds.js';
import type { SqliteDatabase } from '../database.js';

interface ServedRow {
  enabled_feed_ids: string;
  loaded_at: number;
}

const SELECT_SERVED = 'SELECT enabled_feed_ids, loaded_at FROM served_feeds WHERE id = 1';

/** The `served_feeds` row (migration 016): what the running bot polls. */
export interface ServedFeedsStore {
  /** Replaces the recorded list with `served`. */
  record(served: ServedFeeds): void;
  /** Drops the recorded list: the bot stopped and serves nothing. */
  clear(): void;
}

/**
 * The list the bot last loaded, for a command that only looks (`newsbrief health`): null when none
 * is recorded, which includes a database from before migration 016 (a read-only look does not
 * migrate it) and one only `newsbrief poll --once` has written.
 */
export function readServedFeeds(db: SqliteDatabase): ServedFeeds | null {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'served_feeds'").get();
  if (table === undefined) return null;
  const row = db.prepare<[], ServedRow>(SELECT_SERVED).get();
  if (row === undefined) return null;
  return { enabledFeedIds: JSON.parse(row.enabled_feed_ids) as string[], loadedAt: row.loaded_at };
}

export function createSqliteServedFeeds(db: SqliteDatabase): ServedFeedsStore {
  const upsert = db.prepare<[string, number]>(
    `INSERT INTO served_feeds (id, enabled_feed_ids, loaded_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET enabled_feed_ids = excluded.enabled_feed_ids, loaded_at = excluded.loaded_at`,
  );
  const remove = db.prepare('DELETE FROM served_feeds WHERE id = 1');
  return {
    record: (served) => void upsert.run(JSON.stringify(served.enabledFeedIds), Math.round(served.loadedAt)),
    clear: () => void remove.run(),
  };
}
