/**
 * The feeds the running bot serves, read from feeds.json at start and again on request
 * (SIGHUP, an admin's /reload). A file that does not validate changes nothing: the bot keeps
 * serving the list it had, and the log (and /reload's answer) names every problem the file has.
 */
import { compareCatalogs, isUnchanged, type FeedReload } from './core/catalog-change.js';
import { namesAfterReload, type TopicNames } from './core/topic-names.js';
import type { CurrentFeeds, FeedSpec } from './core/types.js';
import { loadFeedsDocument, warnFeedList, type FeedsDocument } from './feeds-file.js';
import type { Logger } from './log.js';

export interface FeedCatalog {
  readonly current: CurrentFeeds;
  /**
   * What readers call the topics, from the same file as `current` (read again with it), plus the
   * names earlier files gave topics no feed carries any more (namesAfterReload): a chat still
   * following such a topic is told of it by name.
   */
  readonly topicNames: () => TopicNames;
  /**
   * Reads the file again and logs the outcome (and the start's warnings about the new list),
   * naming what asked for it (`SIGHUP`, `/reload`).
   * The new list is served from the next use on; polls already running finish with the old one.
   * Never throws.
   */
  reload(trigger: string): FeedReload;
}

export interface FeedCatalogOptions {
  readonly path: string;
  readonly initial: FeedsDocument;
  readonly logger: Logger;
  /** Reads and validates the file; feeds-file.ts's loader unless a test passes another. */
  readonly load?: (path: string) => FeedsDocument;
  /**
   * Called after a reload that added feeds or changed their settings, with those feeds (enabled
   * ones only): main polls them at once instead of at their next turn.
   */
  readonly onNewFeeds?: (feeds: readonly FeedSpec[]) => void;
  /**
   * Called with each list that validated, before it is served: main lets the store hand a
   * renamed feed's history to its new id here (jobs/take-over-renamed-feeds.ts), so its first
   * poll under the new id finds its articles known. Must not throw.
   */
  readonly beforeServing?: (feeds: readonly FeedSpec[]) => void;
  /**
   * Called with each reloaded list once it is served: main records it in the database, where
   * `newsbrief health` reads what the bot polls (jobs/record-served-feeds.ts). Must not throw.
   */
  readonly onServed?: (feeds: readonly FeedSpec[]) => void;
}

export function createFeedCatalog({ path, initial, logger, load = loadFeedsDocument, onNewFeeds, beforeServing, onServed }: FeedCatalogOptions): FeedCatalog {
  let document = initial;
  let names = initial.topicNames;
  return {
    current: () => document.feeds,
    topicNames: () => names,
    reload(trigger) {
      let result: FeedReload;
      try {
        const next = load(path);
        const change = compareCatalogs(document.feeds, next.feeds, { before: document.topicNames, after: next.topicNames });
        result = { ok: true, change, warnings: warnFeedList(next.feeds) };
        beforeServing?.(next.feeds);
        names = namesAfterReload(names, next.topicNames, next.feeds.flatMap((feed) => feed.topics));
        document = next;
        onServed?.(next.feeds);
      } catch (error) {
        result = { ok: false, error: error instanceof Error ? error.message : String(error), kept: document.feeds.length };
      }
      if (!result.ok) logger.error({ trigger, err: result.error, feeds: result.kept }, 'feeds.json not reloaded: still serving the feeds loaded before');
      else if (isUnchanged(result.change)) logger.info({ trigger, enabled: result.change.enabled }, 'feeds.json reloaded: nothing changed');
      else logger.info({ trigger, ...result.change }, 'feeds.json reloaded');
      // A SIGHUP's only answer is the log: the start's warnings, for the list now served.
      if (result.ok) for (const warning of result.warnings) logger.warn({ trigger, feeds_file: path }, `${path}: ${warning}`);
      if (result.ok && onNewFeeds) {
        const fresh = new Set([...result.change.added, ...result.change.changed]);
        const toPoll = document.feeds.filter((feed) => feed.enabled && fresh.has(feed.id));
        if (toPoll.length > 0) onNewFeeds(toPoll);
      }
      return result;
    },
  };
}
