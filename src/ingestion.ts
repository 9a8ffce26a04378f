import type { Config } from './config.js';
import { DEFAULT_POLL_TIMING, type PollTimingPolicy } from './core/poll-timing.js';
import { createFetcher, DEFAULT_FETCHER_OPTIONS, type Fetcher, type FetcherOptions } from './feeds/fetch.js';
import { createParsePool } from './feeds/parse-pool.js';
import type { CondenseBudget } from './core/condense/index.js';
import { createFullTextExtractor, type ExtractPage } from './fulltext/extract.js';
import { fetchPageWith, type FetchPageOptions, type PageFetcher } from './fulltext/fetch-page.js';
import { createOncePerPageExtractor } from './fulltext/once-per-page.js';
import { createFeedPoller, type FeedPoller, type Summarize } from './jobs/poll-feeds.js';
import { createResummarizer, createSummarizer } from './jobs/summarize-article.js';
import type { Logger } from './log.js';
import type { ArticleRepository } from './store/article-repository.js';
import { openDatabase, type SqliteDatabase } from './store/database.js';
import type { FeedRepository } from './store/feed-repository.js';
import type { PageRepository } from './store/page-repository.js';
import { createSqliteArticleRepository } from './store/sqlite/article-repository.js';
import { createSqliteFeedRepository } from './store/sqlite/feed-repository.js';
import { createSqlitePageRepository } from './store/sqlite/page-repository.js';
import { startWalCheckpointer } from './store/wal-checkpointer.js';

/**
 * The fetcher the configuration asks for (every FETCH_* setting: timeout, size limit, per-host
 * concurrency), for every fetch the application makes, so none forgets a setting. `manners`
 * adjusts what is not configured: a one-off fetch (`newsbrief brief`) has no feeds to spread out
 * and waits no jitter.
 */
export function createConfiguredFetcher(config: Config, manners: Partial<Pick<FetcherOptions, 'jitterMs'>> = {}): Fetcher {
  return createFetcher({
    ...DEFAULT_FETCHER_OPTIONS,
    timeoutMs: config.fetch.timeoutMs,
    maxBytes: config.fetch.maxBytes,
    perHostConcurrency: config.fetch.perHost,
    ...manners,
  });
}

/** The poll timing policy with the configured default interval. */
function pollTimingFor(config: Config): PollTimingPolicy {
  return { ...DEFAULT_POLL_TIMING, defaultIntervalMinutes: config.pollIntervalMinutes };
}

/** What the ingestion's summarizer is built from. */
export interface IngestionSummarizerDeps {
  readonly budget: CondenseBudget;
  readonly fetcher: Fetcher;
  /** Reads a page's main text; the parse pool's in the bot, this thread's by default. */
  readonly extractPage?: ExtractPage;
  /** Where each page's answer is kept, so it is fetched once per article across restarts and processes. */
  readonly pages: PageRepository;
  /** The clock that decides how long a page's text is reused. */
  readonly now: () => number;
  readonly logger: Logger;
  /** fetchPageWith's options; the default lets page URLs reach public hosts only. */
  readonly page?: FetchPageOptions;
}

/**
 * The summarizer new articles are condensed with: a teaser-only article's page is fetched and
 * read once, however many feeds carry the article and whichever process on the database meets
 * them (see fulltext/once-per-page.ts), so every copy gets its briefing from the same text and
 * the site is asked once.
 */
export function createIngestionSummarizer(deps: IngestionSummarizerDeps): Summarize & Pick<PageFetcher, 'close'> {
  const fetchPage = fetchPageWith(deps.fetcher, deps.page ?? { allowPrivateHosts: false });
  const extractor = createFullTextExtractor({
    fetchPage,
    ...(deps.extractPage ? { extractPage: deps.extractPage } : {}),
    logger: deps.logger,
  });
  const fullText = createOncePerPageExtractor(extractor, { pages: deps.pages, now: deps.now, logger: deps.logger });
  return Object.assign(createSummarizer({ budget: deps.budget, fullText }), { close: fetchPage.close });
}

/** An open database with the feed pipeline on it: fetch, parse, store, condense. Close `db` when done. */
export interface Ingestion {
  readonly db: SqliteDatabase;
  readonly feeds: FeedRepository;
  readonly articles: ArticleRepository;
  /** The article pages fetched for full text; housekeeping deletes the old ones. */
  readonly pages: PageRepository;
  readonly poller: FeedPoller;
  readonly summarize: Summarize;
  /** Stops the parse and checkpoint workers, closes the page connections and the database. */
  close(): Promise<void>;
}

/**
 * Wires the ingestion pipeline the same way for the bot and the CLI. Feeds are parsed, and the
 * article pages of teaser-only items read, in a worker-thread pool (in this thread when workers
 * cannot start). Every new article is condensed as it is stored (full text fetched for
 * teaser-only items, per the feed's fullText setting, once per page across feeds, restarts and
 * processes on the database); an article edited upstream is condensed again from the feed's new
 * text. The database's WAL is checkpointed from a worker thread, so a poll's writes never stall
 * this one.
 */
export function createIngestion(config: Config, logger: Logger): Ingestion {
  const db = openDatabase(config.databasePath);
  const checkpointer = startWalCheckpointer(db, { logger });
  const feeds = createSqliteFeedRepository(db);
  const articles = createSqliteArticleRepository(db);
  const pages = createSqlitePageRepository(db);
  const fetcher = createConfiguredFetcher(config);
  const pool = createParsePool({ logger });
  const summarize = createIngestionSummarizer({ budget: config.briefBudget, fetcher, extractPage: pool.extractPage, pages, now: Date.now, logger });
  const poller = createFeedPoller({
    feeds,
    articles,
    fetcher,
    parse: pool.parse,
    summarize,
    resummarize: createResummarizer({ budget: config.briefBudget }),
    timing: pollTimingFor(config),
    now: Date.now,
    logger,
  });
  const close = async (): Promise<void> => {
    await Promise.all([pool.close(), checkpointer.stop(), summarize.close()]);
    try {
      feeds.flushFeeds();
    } finally {
      db.close();
    }
  };
  return { db, feeds, articles, pages, poller, summarize, close };
}
