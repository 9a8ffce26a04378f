import { servedFeedsOf } from '../core/served-feeds.js';
import type { FeedSpec } from '../core/types.js';
import type { Logger } from '../log.js';
import type { ServedFeedsStore } from '../store/sqlite/served-feeds.js';

/**
 * Run by the bot whenever it serves a list of feeds (start, SIGHUP, /reload): records it in the
 * database, so `newsbrief health` judges the feeds polled rather than feeds.json on disk (which
 * may be mid-edit, or hold feeds not yet reloaded). `newsbrief poll --once` and `newsbrief chat` do
 * not run it: they poll on no schedule, and may run beside a bot whose list they must not replace.
 * Never throws: a list
 * not recorded leaves health judging the one before (or the file), and serving goes on.
 */
export function recordServedFeeds(store: ServedFeedsStore, feeds: readonly FeedSpec[], now: number, logger: Logger): void {
  try {
    store.record(servedFeedsOf(feeds, now));
  } catch (error) {
    logger.error({ err: error }, 'jobs/record-served-feeds: could not record the served feeds; `newsbrief health` may judge an older list');
  }
}

/**
 * Run by the bot as it stops cleanly: a stopped bot serves nothing, so `newsbrief health` and
 * `feeds` judge feeds.json again (a database `poll --once` goes on using, say). A crash keeps the
 * list, which stays the best guess of what a restart serves. Never throws: stopping goes on.
 */
export function forgetServedFeeds(store: ServedFeedsStore, logger: Logger): void {
  try {
    store.clear();
  } catch (error) {
    logger.error({ err: error }, 'jobs/record-served-feeds: could not clear the served feeds; `newsbrief health` judges the list of the bot that stopped');
  }
}
