import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_POLL_TIMING, type PollTimingPolicy } from '../../src/core/poll-timing.js';
import type { FeedSpec } from '../../src/core/types.js';
import { createFetcher, DEFAULT_FETCHER_OPTIONS } from '../../src/feeds/fetch.js';
import { parseFeed } from '../../src/feeds/parse.js';
import { createFeedPoller, type FeedParser, type FeedPoller, type Resummarize, type Summarize } from '../../src/jobs/poll-feeds.js';
import { createSilentLogger } from '../../src/log.js';
import { openDatabase, type SqliteDatabase } from '../../src/store/database.js';
import type { ArticleRepository } from '../../src/store/article-repository.js';
import type { FeedRepository } from '../../src/store/feed-repository.js';
import { createSqliteArticleRepository } from '../../src/store/sqlite/article-repository.js';
import { createSqliteFeedRepository } from '../../src/store/sqlite/feed-repository.js';

/** Reads a fixture under tests/fixtures/poll. */
export function pollFixture(name: string): string {
  return readFileSync(new URL(`../fixtures/poll/${name}`, import.meta.url), 'utf8');
}

/** A temp directory removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'newsbrief-poll-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A feed spec with test defaults. */
export function spec(id: string, url: string, extra: Partial<FeedSpec> = {}): FeedSpec {
  return { id, url, title: id, language: 'en', topics: ['news'], enabled: true, fullText: 'never', weight: 1, ...extra };
}

/** A settable clock. */
export interface Clock {
  now: () => number;
  set(ms: number): void;
  advance(ms: number): void;
}

export function createClock(start = Date.UTC(2024, 4, 6, 12, 0, 0)): Clock {
  let at = start;
  return { now: () => at, set: (ms) => { at = ms; }, advance: (ms) => { at += ms; } };
}

/** A poller on a real SQLite file, with a counting parser and a fixed clock. */
export interface PollRig {
  readonly db: SqliteDatabase;
  readonly feeds: FeedRepository;
  readonly articles: ArticleRepository;
  readonly poller: FeedPoller;
  readonly parseCalls: () => number;
  close(): void;
}

export function openPollRig(path: string, clock: Clock, options: { summarize?: Summarize; resummarize?: Resummarize; timing?: Partial<PollTimingPolicy> } = {}): PollRig {
  const db = openDatabase(path);
  const feeds = createSqliteFeedRepository(db);
  const articles = createSqliteArticleRepository(db);
  let calls = 0;
  const parse: FeedParser = (source, context) => {
    calls += 1;
    return parseFeed(source, context);
  };
  const poller = createFeedPoller({
    feeds,
    articles,
    fetcher: createFetcher({ ...DEFAULT_FETCHER_OPTIONS, jitterMs: 0, timeoutMs: 3_000, perHostConcurrency: 4 }),
    parse,
    summarize: options.summarize ?? null,
    resummarize: options.resummarize ?? null,
    timing: { ...DEFAULT_POLL_TIMING, ...options.timing },
    now: clock.now,
    random: () => 0,
    logger: createSilentLogger(),
  });
  return { db, feeds, articles, poller, parseCalls: () => calls, close: () => db.close() };
}
