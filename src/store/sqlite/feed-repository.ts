import type { SqliteDatabase } from '../database.js';
import type { FeedRecord, FeedRepository } from '../feed-repository.js';
import { fromFeedRow, toFeedParams, UPSERT_FEED_SQL, type FeedRow } from './feed-rows.js';

/** FeedRepository on the `feeds` table; statements are prepared once per repository. */
export function createSqliteFeedRepository(db: SqliteDatabase): FeedRepository {
  const select = db.prepare<[string], FeedRow>('SELECT * FROM feeds WHERE feed_id = ?');
  const selectAll = db.prepare<[], FeedRow>('SELECT * FROM feeds ORDER BY feed_id');
  const upsert = db.prepare<[FeedRow]>(UPSERT_FEED_SQL);
  return {
    getFeed(feedId: string): FeedRecord | null {
      const row = select.get(feedId);
      return row === undefined ? null : fromFeedRow(row);
    },
    listFeeds: () => selectAll.all().map(fromFeedRow),
    saveFeed(record: FeedRecord): void {
      upsert.run(toFeedParams(record));
    },
  };
}
