import type { SqliteDatabase } from '../database.js';
import type { FeedRecord, FeedRepository } from '../feed-repository.js';
import { fromFeedRow, toFeedParams, UPSERT_FEED_SQL, type FeedRow } from './feed-rows.js';
import { createFeedTakeOver, type FeedTakeOver } from './take-over-feed.js';

/**
 * FeedRepository on the `feeds` table; statements are prepared once per repository.
 *
 * saveFeedSoon holds states until the event loop's next check phase and commits them in one
 * transaction: a round of polls answered 304 would otherwise commit once per feed, and those
 * commits were the largest share of such a round after the HTTP requests themselves. The
 * held states are never stale to this repository's readers, and a held state lost (to a crash,
 * or to a database too busy for the poll run's closing flush) only means the feed is asked
 * again, with the same validators.
 */
export function createSqliteFeedRepository(db: SqliteDatabase): FeedRepository {
  const select = db.prepare<[string], FeedRow>('SELECT * FROM feeds WHERE feed_id = ?');
  const selectAll = db.prepare<[], FeedRow>('SELECT * FROM feeds ORDER BY feed_id');
  const upsert = db.prepare<[FeedRow]>(UPSERT_FEED_SQL);
  const upsertAll = db.transaction((records: readonly FeedRecord[]) => {
    for (const record of records) upsert.run(toFeedParams(record));
  });
  // Prepared on first use: `newsbrief feeds` and `health` read databases that may predate `subscriptions`.
  let takeOver: FeedTakeOver | null = null;
  const held = new Map<string, FeedRecord>();
  let flushScheduled: NodeJS.Immediate | null = null;

  /** Commits the held states; on failure they stay held and the error is thrown. */
  const commitHeld = (): void => {
    if (flushScheduled !== null) clearImmediate(flushScheduled);
    flushScheduled = null;
    if (held.size === 0) return;
    upsertAll([...held.values()]);
    held.clear();
  };
  const flushInBackground = (): void => {
    flushScheduled = null;
    try {
      commitHeld();
    } catch {
      // Still held: the poll run commits them again at its end, and reports it if that fails.
    }
  };

  const flushFeeds = (): void => {
    try {
      commitHeld();
    } finally {
      // Dropped even when the commit failed: kept longer, a held state could outlive a newer
      // one written through ArticleRepository.recordPoll and overwrite it.
      held.clear();
    }
  };

  return {
    getFeed(feedId: string): FeedRecord | null {
      const pending = held.get(feedId);
      if (pending !== undefined) return pending;
      const row = select.get(feedId);
      return row === undefined ? null : fromFeedRow(row);
    },
    listFeeds(): FeedRecord[] {
      const stored = selectAll.all().map(fromFeedRow);
      if (held.size === 0) return stored;
      const merged = new Map(stored.map((record) => [record.feedId, record]));
      for (const [feedId, record] of held) merged.set(feedId, record);
      return [...merged.values()].sort((a, b) => (a.feedId < b.feedId ? -1 : a.feedId > b.feedId ? 1 : 0));
    },
    saveFeed(record: FeedRecord): void {
      upsert.run(toFeedParams(record));
      held.delete(record.feedId);
    },
    saveFeedSoon(record: FeedRecord): void {
      held.set(record.feedId, record);
      flushScheduled ??= setImmediate(flushInBackground);
    },
    flushFeeds,
    takeOverFeed(from: string, to: string): boolean {
      // A state still held for `from` would otherwise be written back under `from` after the move.
      flushFeeds();
      return (takeOver ??= createFeedTakeOver(db))(from, to);
    },
  };
}
