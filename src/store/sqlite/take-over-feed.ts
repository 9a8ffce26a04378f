import type { SqliteDatabase } from '../database.js';

/** FeedRepository.takeOverFeed on SQLite, once the held feed states are committed. */
export type FeedTakeOver = (from: string, to: string) => boolean;

/**
 * Moves everything stored under feed id `from` to `to` in one transaction: the feed's state
 * (validators, schedule, health), its articles (and with them their briefings, which hang on the
 * article seq), and the chats that followed `from`. Seqs stay as they were, so every chat's
 * record of what it received, and /latest's horizon, still hold. Refuses (false, nothing
 * changed) when `from` has nothing stored or `to` already has a feed row or an article: merging
 * two histories could break the (feed id, item id) identity.
 */
export function createFeedTakeOver(db: SqliteDatabase): FeedTakeOver {
  const hasFeedRow = db.prepare<[string], number>('SELECT 1 FROM feeds WHERE feed_id = ?').pluck();
  const hasArticle = db.prepare<[string], number>('SELECT 1 FROM articles WHERE feed_id = ? LIMIT 1').pluck();
  const moveFeedRow = db.prepare<[string, string]>('UPDATE feeds SET feed_id = ? WHERE feed_id = ?');
  const moveArticles = db.prepare<[string, string]>('UPDATE articles SET feed_id = ? WHERE feed_id = ?');
  // A chat that somehow follows both keeps one row: the old one is dropped after the move.
  const moveFollowers = db.prepare<[string, string]>("UPDATE OR IGNORE subscriptions SET value = ? WHERE kind = 'feed' AND value = ?");
  const dropFollowers = db.prepare<[string]>("DELETE FROM subscriptions WHERE kind = 'feed' AND value = ?");
  const move = db.transaction((from: string, to: string): boolean => {
    if (from === to) return false;
    if (hasFeedRow.get(to) !== undefined || hasArticle.get(to) !== undefined) return false;
    if (hasFeedRow.get(from) === undefined && hasArticle.get(from) === undefined) return false;
    moveFeedRow.run(to, from);
    moveArticles.run(to, from);
    moveFollowers.run(to, from);
    dropFollowers.run(from);
    return true;
  });
  return (from, to) => move.immediate(from, to);
}
