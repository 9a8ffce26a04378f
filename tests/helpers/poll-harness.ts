import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { DEFAULT_POLL_TIMING, type PollTimingPolicy } from '../../src/core/poll-timing.js';
import type { FeedSpec } from '../../src/core/types.js';
import { createFetcher, DEFAULT_FETCHER_OPTIONS } from '../../src/feeds/fetch.js';
import { parseFeed } from '../../src/feeds/parse.js';
import { createFeedPoller, type FeedParser, type FeedPoller, type Resummarize, type Summarize } from '../../src/jobs/poll-feeds.js';
import { createSilentLogger, type Logger } from '../../src/log.js';
import { openDatabase, type SqliteDatabase } from '../../src/store/database.js';
import type { ArticleRepository } from '../../src/store/article-repository.js';
import type { FeedRepository } from '../../src/store/feed-repository.js';
import { createSqliteArticleRepository } from '../../src/store/sqlite/article-repository.js';
import { createSqliteFeedRepository } from '../../src/store/sqlite/feed-repository.js';
import { createSqliteSubscriberRepository } from '../../src/store/sqlite/subscriber-repository.js';
import type { SubscriberRepository } from '../../src/store/subscriber-repository.js';
import { startFeedServer, type FeedServer } from './feed-server.js';

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
  /** The newest briefings of `feedIds` as /latest reads them (the subscriber store's query). */
  readonly recentBriefings: SubscriberRepository['recentBriefings'];
  close(): void;
}

export function openPollRig(path: string, clock: Clock, options: { summarize?: Summarize; resummarize?: Resummarize; timing?: Partial<PollTimingPolicy>; logger?: Logger } = {}): PollRig {
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
    logger: options.logger ?? createSilentLogger(),
  });
  const subscribers = createSqliteSubscriberRepository(db);
  return { db, feeds, articles, poller, parseCalls: () => calls, recentBriefings: subscribers.recentBriefings, close: () => db.close() };
}

/** What a poll test file works with: one loopback feed server, and per test a temp dir, a clock and the rig it opened. */
export interface PollBed {
  readonly server: FeedServer;
  readonly dir: string;
  readonly clock: Clock;
  /** The test's rig (closed after the test); set it to open another. */
  rig: PollRig;
}

/**
 * Registers the hooks every poll test file needs and returns the bed they fill in: the server
 * for the file, a fresh temp dir and clock per test, and (with `openRig`) a rig on `<openRig>`.
 */
export function usePollBed(openRig?: string): PollBed {
  const state: { server?: FeedServer; dir?: { dir: string; cleanup: () => void }; clock?: Clock; rig?: PollRig } = {};
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`poll-harness: ${what} is only there inside a test`);
    return value;
  };
  beforeAll(async () => {
    state.server = await startFeedServer();
  });
  afterAll(async () => {
    await state.server?.close();
  });
  beforeEach(() => {
    state.dir = tempDir();
    state.clock = createClock();
    if (openRig !== undefined) state.rig = openPollRig(join(state.dir.dir, openRig), state.clock);
  });
  afterEach(() => {
    state.rig?.close();
    state.rig = undefined;
    state.dir?.cleanup();
  });
  return {
    get server() { return need(state.server, 'the server'); },
    get dir() { return need(state.dir, 'the temp dir').dir; },
    get clock() { return need(state.clock, 'the clock'); },
    get rig() { return need(state.rig, 'a rig'); },
    set rig(rig: PollRig) { state.rig = rig; },
  };
}
