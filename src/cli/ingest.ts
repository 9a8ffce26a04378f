import type { Config } from '../config.js';
import { DEFAULT_POLL_TIMING, type PollTimingPolicy } from '../core/poll-timing.js';
import { createFetcher, DEFAULT_FETCHER_OPTIONS, type Fetcher } from '../feeds/fetch.js';
import { parseFeed } from '../feeds/parse.js';
import { createFeedPoller, type FeedPoller, type Summarize } from '../jobs/poll-feeds.js';
import type { Logger } from '../log.js';
import { openDatabase, type SqliteDatabase } from '../store/database.js';
import { createSqliteArticleRepository } from '../store/sqlite/article-repository.js';
import { createSqliteFeedRepository } from '../store/sqlite/feed-repository.js';

/** The fetcher the configuration asks for (timeout, size limit, per-host concurrency). */
export function createConfiguredFetcher(config: Config): Fetcher {
  return createFetcher({
    ...DEFAULT_FETCHER_OPTIONS,
    timeoutMs: config.fetch.timeoutMs,
    maxBytes: config.fetch.maxBytes,
    perHostConcurrency: config.fetch.perHost,
  });
}

/** The poll timing policy with the configured default interval. */
export function pollTimingFor(config: Config): PollTimingPolicy {
  return { ...DEFAULT_POLL_TIMING, defaultIntervalMinutes: config.pollIntervalMinutes };
}

/** An open database and a poller on it, for the CLI; close the database when done. */
export interface Ingestion {
  readonly db: SqliteDatabase;
  readonly poller: FeedPoller;
}

/** Wires database, repositories, fetcher, parser and poll job the way the bot does. */
export function createIngestion(config: Config, logger: Logger, summarize: Summarize | null = null): Ingestion {
  const db = openDatabase(config.databasePath);
  const poller = createFeedPoller({
    feeds: createSqliteFeedRepository(db),
    articles: createSqliteArticleRepository(db),
    fetcher: createConfiguredFetcher(config),
    parse: parseFeed,
    summarize,
    timing: pollTimingFor(config),
    now: Date.now,
    logger,
  });
  return { db, poller };
}
