import type { FeedState } from '../core/types.js';

/**
 * What the store keeps about a feed beyond the domain FeedState: the URL it was configured with
 * (to notice an operator's edit) and the feed's own timing hints, remembered so a 304 poll can
 * still honour `<ttl>` / `sy:updatePeriod` without parsing anything.
 */
export interface FeedRecord extends FeedState {
  readonly configuredUrl: string;
  readonly ttlMinutes: number | null;
  readonly updatePeriodMinutes: number | null;
  /** The title the feed gave itself on its last successful parse. */
  readonly title: string | null;
  readonly lastErrorAt: number | null;
}

/** The port to feed state; one row per feed id, written whole. */
export interface FeedRepository {
  /** The stored state of one feed, or null before its first poll. */
  getFeed(feedId: string): FeedRecord | null;
  /** Every stored feed state, ordered by feed id. */
  listFeeds(): FeedRecord[];
  /** Inserts or replaces the state of `record.feedId`. */
  saveFeed(record: FeedRecord): void;
  /**
   * Like saveFeed, for a state whose loss would cost no more than one early conditional GET (a
   * 304's new poll time): it may be committed a moment later, together with others, in one
   * transaction. getFeed and listFeeds see it at once.
   */
  saveFeedSoon(record: FeedRecord): void;
  /** Commits whatever saveFeedSoon still holds; if that fails, forgets it and throws. */
  flushFeeds(): void;
  /**
   * A feed renamed in feeds.json (see core/feed-renames.ts): the state, articles, briefings and
   * followers of `from` become those of `to` in one transaction, article seqs unchanged, so
   * nothing is announced again and every chat's receipts stay valid. False, with nothing changed,
   * when `from` has nothing stored or `to` has something already.
   */
  takeOverFeed(from: string, to: string): boolean;
}

/** The state of a feed never polled: due now, the configured URL, no validators. */
export function initialFeedRecord(feedId: string, url: string): FeedRecord {
  return {
    feedId,
    configuredUrl: url,
    currentUrl: url,
    etag: null,
    lastModified: null,
    lastPolledAt: null,
    lastSuccessAt: null,
    nextPollAt: 0,
    consecutiveFailures: 0,
    lastError: null,
    lastErrorAt: null,
    failing: false,
    ttlMinutes: null,
    updatePeriodMinutes: null,
    title: null,
  };
}
