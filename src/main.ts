/**
 * The bot's composition root: reads the configuration, builds every adapter once, starts the bot, the
 * scheduler (feed polling, briefing retries, daily digests) and the delivery worker, reloads
 * feeds.json on SIGHUP (when detached from a terminal), and shuts them down cleanly on SIGINT/SIGTERM.
 * Only the two composition roots read process.env: this one and the CLI's (src/cli/main.ts);
 * everything else is handed the environment or the Config parsed from it.
 */
import { hostname } from 'node:os';
import { createBackgroundRuns, type BackgroundRuns } from './background-runs.js';
import { botDepsOn } from './bot-deps.js';
import { createBot } from './bot/create-bot.js';
import type { BotDeps } from './bot/deps.js';
import { NO_TOKEN_HELP } from './bot/no-token-help.js';
import { startBot, stopBot, type RunningBot } from './bot/start-bot.js';
import { ConfigError, parseConfig, type Config } from './config.js';
import type { FeedSpec } from './core/types.js';
import { createFeedCatalog, type FeedCatalog } from './feed-catalog.js';
import { loadFeedsDocument, warnFeedList } from './feeds-file.js';
import { createDeliveryWorker, type DeliveryWorker } from './jobs/deliver-outbox.js';
import { createConfiguredLogger, type Logger } from './log.js';
import { warnMisspelledSettings } from './misspelled-settings.js';
import { createIngestion, type Ingestion } from './ingestion.js';
import { holdInstanceLease, LeaseHeldError, pidRunning, type HeldLease } from './instance-lease.js';
import { forgetServedFeeds, recordServedFeeds } from './jobs/record-served-feeds.js';
import { takeOverRenamedFeeds } from './jobs/take-over-renamed-feeds.js';
import { readStartArguments } from './start-arguments.js';
import { createScheduler, digestTickJob, housekeepingJob, pollFeedsJob, retryBriefingsJob, type Scheduler } from './scheduler.js';
import type { OutboxRepository } from './store/outbox-repository.js';
import { createSqliteInstanceLease } from './store/sqlite/instance-lease.js';
import { createSqliteOutboxRepository } from './store/sqlite/outbox-repository.js';
import { createSqliteServedFeeds, type ServedFeedsStore } from './store/sqlite/served-feeds.js';
import { createSqliteSubscriberRepository } from './store/sqlite/subscriber-repository.js';
import { watchDatabaseFile } from './store/database-file-watch.js';
import type { SubscriberRepository } from './store/subscriber-repository.js';
import { createHttpTransport } from './telegram/bot-api-transport.js';
import { createSender, type Sender } from './telegram/sender.js';

interface Telegram {
  readonly running: RunningBot;
  readonly sender: Sender;
  readonly worker: DeliveryWorker;
}

/** The chats and the outbox, on the ingestion's database. */
interface Chats {
  readonly subscribers: SubscriberRepository;
  readonly outbox: OutboxRepository;
}

/** What runs, for shutdown to stop: set as each part starts. */
interface Parts {
  readonly ingestion: Ingestion;
  readonly lease: HeldLease;
  /** The list served, recorded for `newsbrief health`; forgotten at a clean stop. */
  readonly served: ServedFeedsStore;
  readonly scheduler: Scheduler;
  readonly background: BackgroundRuns;
  digests: Scheduler | null;
  /** Settles once the bot is up (or gave up); null when there is no bot. */
  telegram: Promise<Telegram | null>;
}

/** How long a stopped process may take to exit by itself (logs flushed) before it is made to. */
const EXIT_GRACE_MS = 1_000;

async function main(): Promise<void> {
  const start = readStartArguments(process.argv.slice(2));
  if (start.kind === 'usage') return void process.stdout.write(start.text);
  if (start.kind === 'refuse') {
    process.stderr.write(start.message);
    process.exit(2);
  }
  // Not an error (it may be another program's variable), but the setting meant keeps its default.
  const misspelled = warnMisspelledSettings(Object.keys(process.env));
  const { config, initial } = loadSetup(misspelled);
  const logger = createConfiguredLogger(config);
  for (const warning of misspelled) logger.warn(warning);
  const ingestion = createIngestion(config, logger);
  // Before anything polls: a second bot on this database refuses here, in one line.
  const lease = await holdLease(config, ingestion, logger);
  // An admin's /poll and the first poll of feeds a reload added run in `background`, beside the
  // scheduler's own polls; shutdown waits for them too.
  const background = createBackgroundRuns();
  // A feed renamed in feeds.json keeps its articles and followers: at start, and on every reload.
  const adoptRenamed = (feeds: readonly FeedSpec[]) => void takeOverRenamedFeeds(ingestion.feeds, feeds, logger);
  adoptRenamed(initial.feeds);
  // The list served, kept in the database for `newsbrief health`: at start, and on every reload.
  const served = createSqliteServedFeeds(ingestion.db);
  const recordServed = (feeds: readonly FeedSpec[]) => recordServedFeeds(served, feeds, Date.now(), logger);
  recordServed(initial.feeds);
  const catalog = createFeedCatalog({ path: config.feedsFile, initial, logger, onNewFeeds: pollAtOnce(ingestion, background, logger), beforeServing: adoptRenamed, onServed: recordServed });
  const chats: Chats = { subscribers: createSqliteSubscriberRepository(ingestion.db), outbox: createSqliteOutboxRepository(ingestion.db) };
  // Feeds are polled whether or not Telegram is there: from the start, and while it is away.
  const scheduler = createScheduler([
    pollFeedsJob(ingestion.poller, catalog.current, logger),
    retryBriefingsJob({ articles: ingestion.articles, summarize: ingestion.summarize, now: Date.now, logger }, catalog.current),
    housekeepingJob({ articles: ingestion.articles, pages: ingestion.pages, ...chats, logger }, config.retentionDays),
  ], logger);
  scheduler.start();
  const enabled = initial.feeds.filter((feed) => feed.enabled).length;
  logger.info({ feeds: enabled, database: config.databasePath, telegram: config.botToken !== null }, 'newsbrief started');
  for (const warning of warnFeedList(initial.feeds)) logger.warn({ feeds_file: config.feedsFile }, `${config.feedsFile}: ${warning}`);

  const parts: Parts = { ingestion, lease, served, scheduler, background, digests: null, telegram: Promise.resolve(null) };
  // Aborted by shutdown, so that waiting for an unreachable Telegram ends too.
  const stop = new AbortController();
  const shutdown = shutdownOnce(parts, stop, logger);
  // Kept listening: Ctrl-C under `npm start` reaches the bot twice (from the terminal, and passed
  // on by npm), and a second signal without a listener would kill it halfway through stopping.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(signal));
  // Detached (Docker, systemd), SIGHUP asks for feeds.json again: the new list is served without a
  // restart, and a bad file changes nothing. In a terminal it means the terminal closed: stop.
  if (process.stderr.isTTY === true) process.once('SIGHUP', () => void shutdown('SIGHUP'));
  else process.on('SIGHUP', () => void catalog.reload('SIGHUP'));
  // SQLite keeps writing to a database file deleted or moved away: what it stores from then on
  // would vanish at the stop, and a restart start afresh unnoticed. Stop now, and say so.
  const databaseWatch = watchDatabaseFile(config.databasePath, (what) => {
    process.exitCode = 1;
    void shutdown(`the database file was ${what}`).then(() => process.stderr.write(
      `newsbrief: DATABASE_PATH: ${config.databasePath} was ${what} while newsbrief ran; it stopped, since nothing it stored from then on could be kept. Start it again to use the file now at that path (a new, empty one if there is none)\n`,
    ));
  });
  stop.signal.addEventListener('abort', () => databaseWatch.stop(), { once: true });

  if (config.botToken === null) {
    // Still useful without Telegram: the feeds are polled and condensed, and `newsbrief chat` reads them.
    process.stderr.write(`${NO_TOKEN_HELP}\nMeanwhile newsbrief keeps polling and condensing the feeds into ${config.databasePath}.\n`);
    // node-cron's timers are unref'd; this one keeps the process polling until a signal arrives.
    const keepAlive = setInterval(() => undefined, 60_000);
    await new Promise((resolve) => stop.signal.addEventListener('abort', resolve, { once: true }));
    clearInterval(keepAlive);
    return shutdown('stopped');
  }

  const starting = startTelegram(config, config.botToken, catalog, ingestion, chats, parts.background, stop.signal, logger);
  parts.telegram = starting;
  let telegram: Telegram;
  try {
    telegram = await starting;
  } catch (error) {
    // Stopped while Telegram was still away: nothing failed.
    if (stop.signal.aborted) return shutdown('stopped');
    await shutdown('the bot could not start');
    throw error;
  }
  // Stopped just as the bot came up: shutdown stops it.
  if (stop.signal.aborted) return shutdown('stopped');
  parts.digests = createScheduler([digestTickJob({
    ...chats,
    articles: ingestion.articles,
    catalog: catalog.current,
    topicNames: catalog.topicNames,
    options: { topN: config.digest.topN, quietLine: config.digest.quietDay, catchUpHours: config.digest.catchUpHours },
    worker: telegram.worker,
    logger,
  })], logger);
  parts.digests.start();
  // Polling can end on its own (token revoked, another instance took over): then stop everything,
  // and exit 1 saying why, so a supervisor sees a failure and the operator what to do.
  const ended = await telegram.running.stopped;
  if (ended === undefined) return shutdown('bot stopped');
  await shutdown(`long polling ended: ${ended instanceof Error ? ended.message : String(ended)}`);
  throw explainTelegramRefusal(ended, config.telegramApiRoot);
}

/**
 * The configuration and feeds.json. When either is refused, the misspelled variables are told
 * first: `FEED_FILE=...` for FEEDS_FILE is what leaves ./feeds.json missing.
 */
function loadSetup(misspelled: readonly string[]): { config: Config; initial: ReturnType<typeof loadFeedsDocument> } {
  try {
    const config = parseConfig(process.env);
    return { config, initial: loadFeedsDocument(config.feedsFile) };
  } catch (error) {
    for (const warning of misspelled) process.stderr.write(`newsbrief: warning: ${warning}\n`);
    throw error;
  }
}

/**
 * This process's lease on the database; when another bot runs on it, the database is closed and
 * the start refused with the line that names that bot and says what to do.
 */
async function holdLease(config: Config, ingestion: Ingestion, logger: Logger): Promise<HeldLease> {
  try {
    return holdInstanceLease({ store: createSqliteInstanceLease(ingestion.db), me: { host: hostname(), pid: process.pid }, now: Date.now, isRunning: pidRunning, logger });
  } catch (error) {
    if (!(error instanceof LeaseHeldError)) throw error;
    await ingestion.close();
    throw new ConfigError('DATABASE_PATH', [`${config.databasePath}: ${error.message}`]);
  }
}

/** Feeds a reload added (or whose settings changed) are polled at once, not at the next tick. */
function pollAtOnce(ingestion: Ingestion, background: BackgroundRuns, logger: Logger): (feeds: readonly FeedSpec[]) => void {
  return (feeds) => {
    background.run((signal) => ingestion.poller.pollFeeds([...feeds], { signal })).catch((error: unknown) => {
      logger.error({ err: error instanceof Error ? error.message : String(error) }, 'polling the reloaded feeds failed');
    });
  };
}

/**
 * Stops every part once, in order: the bot (a bot still connecting first finishes or gives up),
 * the schedulers and background runs, the delivery worker, then the database. Later calls get
 * the same promise; the first also aborts `stop`.
 */
function shutdownOnce(parts: Parts, stop: AbortController, logger: Logger): (reason: string) => Promise<void> {
  let stopping: Promise<void> | null = null;
  return (reason) => {
    stopping ??= (async () => {
      logger.info({ reason }, 'shutting down');
      const telegram = await parts.telegram.catch(() => null);
      if (telegram) await stopBot(telegram.running, reason);
      await Promise.all([parts.scheduler.stop(), parts.digests?.stop(), parts.background.stop()]);
      if (telegram) {
        await telegram.worker.stop();
        telegram.sender.close();
      }
      forgetServedFeeds(parts.served, logger);
      parts.lease.release();
      await parts.ingestion.close();
      logger.info('stopped');
      // All is closed; a call Telegram accepted and never answers (a hung reply) must not keep
      // the process alive until its own timeout, minutes later.
      setTimeout(() => process.exit(), EXIT_GRACE_MS).unref();
    })();
    stop.abort();
    return stopping;
  };
}

/**
 * Sender, delivery worker and bot, sharing the store. The bot waits for Telegram if it cannot be
 * reached (until `signal` aborts); the worker starts once it answered, and resumes what a crash
 * left pending, so messages are not spent on retries against an absent Bot API.
 */
async function startTelegram(config: Config, token: string, catalog: FeedCatalog, ingestion: Ingestion, { subscribers, outbox }: Chats, background: BackgroundRuns, signal: AbortSignal, logger: Logger): Promise<Telegram> {
  const sender = createSender({
    transport: createHttpTransport({ apiRoot: config.telegramApiRoot, token }),
    globalPerSecond: config.sendRatePerSecond,
    maxInFlight: config.sendMaxInFlight,
    clock: Date.now,
    logger,
  });
  const worker = createDeliveryWorker({ outbox, sender, chats: subscribers, clock: Date.now, logger });

  const deps: BotDeps = {
    ...botDepsOn({ config, catalog, ingestion, subscribers, outbox, runPoll: background.run, logger }),
    onReplySent: (chatId) => sender.noteExternalSend(chatId),
  };
  const bot = createBot(deps, { token, apiRoot: config.telegramApiRoot });
  try {
    const running = await startBot(bot, { webhook: config.webhook, defaultLanguage: config.defaults.language, logger, signal });
    const resumed = worker.start();
    if (resumed.length > 0) logger.info({ messages: resumed.length }, 'delivery: resuming messages interrupted by the last stop');
    return { running, sender, worker };
  } catch (error) {
    await worker.stop();
    sender.close();
    throw explainTelegramRefusal(error, config.telegramApiRoot);
  }
}

/**
 * A rejected token (at start, or revoked while running) and a token another program uses (409: a
 * second instance polling, or a webhook set on it) are the operator's to fix, not crashes: say so
 * in one line.
 */
function explainTelegramRefusal(error: unknown, apiRoot: string): unknown {
  const { error_code: code, description } = (error as { response?: { error_code?: number; description?: string } }).response ?? {};
  if (code === 401 || code === 404) return new ConfigError('BOT_TOKEN', [`${apiRoot} rejected the token (${code}); ask @BotFather for the current one`]);
  if (code === 409) return new ConfigError('BOT_TOKEN', [`another program uses this token (${apiRoot} answered 409: ${description ?? 'Conflict'}); stop it, or give each program its own token from @BotFather`]);
  return error;
}

main().catch((error: unknown) => {
  // A user error (bad env, bad feeds.json, wrong token) gets one clear message; a bug gets its stack.
  if (error instanceof ConfigError) process.stderr.write(`newsbrief: ${error.message}\n`);
  else process.stderr.write(`newsbrief: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
