/**
 * `npm run bench:poll`: ingestion speed. Serves FEEDS realistic feeds (~50 items each) from a
 * loopback server with ETag support (a child process, so its heap and event loop are not the
 * poller's; on two cores it still takes about 0.13 CPU-s beside the first poll), polls all of them
 * twice into a temp database (no condensing), and parses the same bytes with rss-parser alone.
 * Parsing goes through the worker-thread parse pool, as the bot's poller does.
 * Options: --feeds N, --items N, --concurrency N, --per-host N (one loopback host serves all),
 * --workers N (parse workers; default the pool's own, cores - 1; 0 parses in the main thread),
 * --queue N (documents a worker may hold before the main thread parses too; default the pool's),
 * --cold (no JIT warm-up before timing: see the comment at the warm-up).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Parser from 'rss-parser';
import { DEFAULT_POLL_TIMING } from '../src/core/poll-timing.js';
import type { FeedSpec } from '../src/core/types.js';
import { createFetcher, DEFAULT_FETCHER_OPTIONS } from '../src/feeds/fetch.js';
import { createParsePool, defaultPoolSize, QUEUE_PER_WORKER } from '../src/feeds/parse-pool.js';
import { createFeedPoller, type FeedParser, type FeedPoller, type PollReport } from '../src/jobs/poll-feeds.js';
import type { ArticleRepository } from '../src/store/article-repository.js';
import { createSilentLogger } from '../src/log.js';
import { openDatabase, type SqliteDatabase } from '../src/store/database.js';
import { createSqliteArticleRepository } from '../src/store/sqlite/article-repository.js';
import { createSqliteFeedRepository } from '../src/store/sqlite/feed-repository.js';
import { startWalCheckpointer } from '../src/store/wal-checkpointer.js';
import { buildCorpus, digest } from './poll-corpus.js';
import { cpuSplit, processCpu, threadCpu, type CpuSplit } from './thread-cpu.js';

const arg = (name: string, fallback: number, min = 1): number => {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  return Number.isFinite(value) && value >= min ? value : fallback;
};
const FEEDS = arg('feeds', 500);
const ITEMS = arg('items', 50);
const CONCURRENCY = arg('concurrency', 16);
const PER_HOST = arg('per-host', 16);
const WORKERS = arg('workers', defaultPoolSize(), 0);
const QUEUE = arg('queue', QUEUE_PER_WORKER);
const COLD = process.argv.includes('--cold');
const CORPUS_DIR = fileURLToPath(new URL('../../shared/feeds/corpus/real-news', import.meta.url));

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;
const round = (n: number, digits = 3): number => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Samples RSS every few ms while `work` runs; returns its result, seconds, the peak and the CPU
 * seconds this process used meanwhile (all its threads: with a busy machine, wall time lies).
 */
async function measure<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakRss: number; peakHeap: number; cpu: number }> {
  let peak = process.memoryUsage.rss();
  let heap = 0;
  // rss() is cheap; the full memoryUsage() walks the heap's spaces, so it is sampled less often.
  let ticks = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
    if (ticks++ % 20 === 0) heap = Math.max(heap, process.memoryUsage().heapTotal);
  }, 5);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    const cpu = process.cpuUsage(cpuBefore);
    return { result, seconds: (performance.now() - started) / 1000, peakRss: peak, peakHeap: heap, cpu: (cpu.user + cpu.system) / 1e6 };
  } finally {
    clearInterval(timer);
  }
}

interface BenchServer {
  readonly origin: string;
  /** sha256 of all documents, checked against the bench's own copy after polling. */
  readonly digest: string;
  readonly bytes: number;
  readonly source: string;
  readonly child: ChildProcess;
}

/** Starts bench/poll-server in its own process; resolves with its origin and what it serves. */
function startServer(): Promise<BenchServer> {
  // From sources (tsx bench/poll.ts) the server is TypeScript too; compiled, it sits beside this file.
  const fromSource = import.meta.url.endsWith('.ts');
  const script = fileURLToPath(new URL(fromSource ? './poll-server.ts' : './poll-server.js', import.meta.url));
  const loader = fromSource ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...loader, script, CORPUS_DIR, String(FEEDS), String(ITEMS)], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`bench/poll-server exited with ${code}`)));
    child.stdout?.setEncoding('utf8').once('data', (line: string) => {
      const [, port, digest, bytes, source] = line.trim().split(' ');
      resolve({ origin: `http://127.0.0.1:${port}`, digest: digest ?? '', bytes: Number(bytes), source: source ?? '', child });
    });
  });
}

// Only the server child builds the documents before polling, so peak RSS is the poller's (the
// garbage of building them here would still sit in this heap); the raw rss-parser pass builds
// them (deterministically) afterwards and checks they are the bytes the server served.
const server = await startServer();
const source = server.source;
console.log(`bench:poll: ${FEEDS} feeds x ~${ITEMS} items from ${source === 'real-news' ? CORPUS_DIR : 'SYNTHETIC feeds (../shared/feeds is absent)'}, ${mb(server.bytes)} MB; concurrency ${CONCURRENCY}, per host ${PER_HOST}`);
const origin = server.origin;
const dir = mkdtempSync(join(tmpdir(), 'newsbrief-bench-'));
const db = openDatabase(join(dir, 'bench.db'));
// As ingestion.ts wires it: the WAL is copied back into the file from a worker thread.
const checkpoints = { count: 0, ms: 0 };
const checkpointer = startWalCheckpointer(db, {
  logger: createSilentLogger(),
  onCheckpoint: (report) => {
    checkpoints.count += 1;
    checkpoints.ms += report.ms;
  },
});
const specs: FeedSpec[] = Array.from({ length: FEEDS }, (_, n) => ({
  id: `bench-${n}`, url: `${origin}/feed/${n}.xml`, title: `bench ${n}`, language: 'en', topics: ['news'], enabled: true, fullText: 'never', weight: 1,
}));
// Time spent in the parser and in SQLite, to tell where a slow poll goes.
const spent = { parse: 0, store: 0 };
const articles = createSqliteArticleRepository(db);
const timedArticles: ArticleRepository = {
  ...articles,
  recordPoll: (feedId, write) => {
    const started = performance.now();
    try {
      return articles.recordPoll(feedId, write);
    } finally {
      spent.store += performance.now() - started;
    }
  },
};
const pool = createParsePool({ size: WORKERS, queuePerWorker: QUEUE });
const timedParse: FeedParser = async (source, context) => {
  const started = performance.now();
  try {
    return await pool.parse(source, context);
  } finally {
    spent.parse += performance.now() - started;
  }
};
/** A poller on `db` as the bot builds one, minus condensing (this bench measures ingestion). */
const pollerOn = (db: SqliteDatabase, articles: ArticleRepository, parse: FeedParser): FeedPoller =>
  createFeedPoller({
    feeds: createSqliteFeedRepository(db),
    articles,
    fetcher: createFetcher({ ...DEFAULT_FETCHER_OPTIONS, jitterMs: 0, perHostConcurrency: PER_HOST }),
    parse,
    summarize: null,
    timing: DEFAULT_POLL_TIMING,
    now: Date.now,
    logger: createSilentLogger(),
  }, CONCURRENCY);
const poller = pollerOn(db, timedArticles, timedParse);

const report = (label: string, run: { result: PollReport; seconds: number; peakRss: number; peakHeap: number; cpu: number }): number => {
  const items = run.result.done.reduce((sum, feed) => sum + feed.new + feed.updated + feed.unchanged, 0);
  const notModified = run.result.done.filter((feed) => feed.status === 'not-modified').length;
  console.log(`${label}: ${run.seconds.toFixed(2)} s, ${items} items (${Math.round(items / run.seconds)} items/s), ${run.result.done.length} ok (${notModified} x 304), ${run.result.failed.length} failed, peak RSS ${mb(run.peakRss)} MB (main heap ${mb(run.peakHeap)} MB), CPU ${run.cpu.toFixed(2)} s`);
  for (const failure of run.result.failed.slice(0, 3)) console.log(`  failed: ${failure.error}`);
  return items;
};

const rssParser = new Parser({ defaultRSS: 2 });
const decoder = new TextDecoder();

/**
 * Both polls of `feeds` into a scratch database (the second all 304, so that path is warm too),
 * then rss-parser over the same documents.
 */
async function warmUp(feeds: readonly FeedSpec[], name: string): Promise<void> {
  const scratch = openDatabase(join(dir, `${name}.db`));
  const scratchPoller = pollerOn(scratch, createSqliteArticleRepository(scratch), pool.parse);
  await scratchPoller.pollFeeds([...feeds]);
  await scratchPoller.pollFeeds([...feeds]);
  scratch.close();
  for (let start = 0; start < feeds.length; start += CONCURRENCY) {
    const texts = await Promise.all(feeds.slice(start, start + CONCURRENCY).map(async (feed) => (await fetch(feed.url)).text()));
    for (const text of texts) await rssParser.parseString(text).catch(() => null);
  }
}

// Warm V8's JIT on both sides of the ratio before timing either: both polls into a scratch
// database (fetching, the pool's workers, parsing in this thread, SQLite), then rss-parser over
// every document. Cold, the first poll pays compile-on-first-sight that the raw pass, run last,
// no longer pays: a worker's isolate warms up on its own, and V8 re-optimises sax's large
// `write` each time it meets new markup. --cold skips this to show that cost.
// The warm-up's garbage is then collected, or it would still sit in the heap when the poll's
// peak RSS is sampled. That full collection also throws away much of this thread's optimised
// code (--trace-deopt: "marking dependent code ... for deoptimization, reason: weak objects",
// 44 functions, sax's `write`, the element tree and normalising among them, because no object
// of the shapes that code was specialised for survives it). Poll 1 then re-optimised them while
// being timed (193 optimising compilations, against 136–143 after the short second warm-up below),
// while the raw pass, run after two polls, found them hot: a second, small warm-up (a tenth
// of the feeds, both sides) restores what the benchmark means by warm.
if (!COLD) {
  await warmUp(specs, 'warm-up');
  (globalThis as { gc?: () => void }).gc?.();
  await warmUp(specs.slice(0, Math.ceil(FEEDS / 10)), 'warm-up-again');
}

const before = process.memoryUsage();
console.log(`before poll 1: RSS ${mb(before.rss)} MB, main heap ${mb(before.heapTotal)} MB (used ${mb(before.heapUsed)} MB), external ${mb(before.external)} MB`);
const threadsBefore = threadCpu();
const serverBefore = processCpu(server.child.pid);
const first = await measure(() => poller.pollFeeds(specs));
const threadsAfter = threadCpu();
const serverAfter = processCpu(server.child.pid);
const items = report('poll 1 (empty database)', first);
const split: CpuSplit | null = threadsBefore && threadsAfter ? cpuSplit(threadsBefore, threadsAfter, WORKERS) : null;
const serverCpu = serverBefore !== null && serverAfter !== null ? serverAfter - serverBefore : null;
if (split) {
  const server = serverCpu === null ? '' : `; the feed server (another process, same cores) ${serverCpu.toFixed(2)} s`;
  console.log(`  CPU by thread: main ${split.main.toFixed(2)} s, parse worker(s) ${split.workers.toFixed(2)} s, V8 helper threads and the WAL checkpointer ${split.helpers.toFixed(2)} s${server}`);
}
const spread = pool.counts();
console.log(`  documents parsed (with the warm-up) in ${WORKERS} worker(s): ${spread.workers}, in the main thread: ${spread.here}`);
console.log(`  SQLite writes ${(spent.store / 1000).toFixed(2)} s (main thread); WAL checkpoints so far (worker thread) ${checkpoints.count}, ${(checkpoints.ms / 1000).toFixed(2)} s; waits for parseFeed summed over the ${CONCURRENCY} feeds in flight ${(spent.parse / 1000).toFixed(2)} s (they overlap, so this exceeds the wall time)`);
const second = await measure(() => poller.pollFeeds(specs));
report('poll 2 (all 304)', second);
const stored = articles.countArticles();

const rawDocs = buildCorpus(CORPUS_DIR, FEEDS, ITEMS).documents;
if (server.digest !== digest(rawDocs)) throw new Error('bench/poll: the server built different documents');
const raw = await measure(async () => {
  let parsed = 0;
  let failed = 0;
  for (const doc of rawDocs) {
    try {
      parsed += (await rssParser.parseString(decoder.decode(doc))).items.length;
    } catch {
      failed += 1;
    }
  }
  return { parsed, failed };
});
console.log(`rss-parser alone: ${raw.seconds.toFixed(2)} s (CPU ${raw.cpu.toFixed(2)} s), ${raw.result.parsed} items (${Math.round(raw.result.parsed / raw.seconds)} items/s), ${raw.result.failed} documents rejected`);
console.log(`stored articles: ${stored}`);

await Promise.all([pool.close(), checkpointer.stop()]);
db.close();
server.child.removeAllListeners('exit');
server.child.stdin?.end();
rmSync(dir, { recursive: true, force: true });

const figures = {
  bench: 'poll',
  feeds: FEEDS,
  items,
  first_s: round(first.seconds),
  second_s: round(second.seconds),
  raw_parse_s: round(raw.seconds),
  first_to_raw: round(first.seconds / raw.seconds),
  second_to_first: round(second.seconds / first.seconds),
  peak_rss_mb: mb(Math.max(first.peakRss, second.peakRss)),
  first_cpu_s: round(first.cpu),
  ...(split ? { first_cpu_main_s: round(split.main, 2), first_cpu_workers_s: round(split.workers, 2), first_cpu_helpers_s: round(split.helpers, 2) } : {}),
  ...(serverCpu === null ? {} : { first_cpu_server_s: round(serverCpu, 2) }),
  raw_cpu_s: round(raw.cpu),
  first_parse_s: round(spent.parse / 1000),
  first_store_s: round(spent.store / 1000),
  items_per_s: Math.round(items / first.seconds),
  parse_workers: WORKERS,
  queue_per_worker: QUEUE,
  source,
  jit: COLD ? 'cold' : 'warm',
};
console.log(`targets: first_to_raw <= 1.5 ${figures.first_to_raw <= 1.5 ? 'met' : 'MISSED'}, second_to_first < 0.1 ${figures.second_to_first < 0.1 ? 'met' : 'MISSED'}, peak RSS < 300 MB ${figures.peak_rss_mb < 300 ? 'met' : 'MISSED'}`);
console.log(JSON.stringify(figures));
