import { findFeedRenames, type FeedRename } from '../core/feed-renames.js';
import type { FeedSpec } from '../core/types.js';
import type { Logger } from '../log.js';
import type { FeedRepository } from '../store/feed-repository.js';

/**
 * Run whenever feeds.json is loaded (start, `newsbrief poll`, SIGHUP, /reload), before the list is
 * served: a feed the operator renamed but left at its URL keeps its history and its followers
 * under the new id, instead of announcing its articles again while the old id's readers hear
 * nothing more (see core/feed-renames.ts). Returns the renames made. Never throws: a rename the
 * store could not make is logged and the rest go on, and the feed is then simply new.
 */
export function takeOverRenamedFeeds(feeds: Pick<FeedRepository, 'listFeeds' | 'takeOverFeed'>, listed: readonly FeedSpec[], logger: Logger): FeedRename[] {
  let renames: FeedRename[];
  try {
    renames = findFeedRenames(listed, feeds.listFeeds());
  } catch (error) {
    logger.error({ err: error }, 'jobs/take-over-renamed-feeds: could not read the stored feeds');
    return [];
  }
  return renames.filter((rename) => {
    try {
      if (!feeds.takeOverFeed(rename.from, rename.to)) return false;
      logger.info({ feed_id: rename.to, was: rename.from }, `feed ${rename.from} is now ${rename.to}`);
      return true;
    } catch (error) {
      logger.error({ err: error, feed_id: rename.to, was: rename.from }, `jobs/take-over-renamed-feeds: feed ${rename.from} could not become ${rename.to}`);
      return false;
    }
  });
}
