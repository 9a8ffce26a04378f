import { createTask, type Logger as CronLogger, type ScheduledTask } from 'node-cron';
import type { TopicNames } from './core/topic-names.js';
import type { CurrentFeeds } from './core/types.js';
import type { FeedPoller } from './jobs/poll-feeds.js';
import { housekeep, type HousekeepingDeps } from './jobs/housekeeping.js';
import { retryMissingBriefings, type RetryBriefingsDeps } from './jobs/retry-briefings.js';
import { sendDueDigests, type SendDigestsDeps } from './jobs/send-digests.js';
import type { Logger } from './log.js';

/** A recurring job: a cron pattern and a run that should stop early when the signal aborts. */
export interface ScheduledJob {
  readonly name: string;
  /** node-cron pattern, e.g. `* * * * *` for every minute. */
  readonly cron: string;
  readonly run: (signal: AbortSignal) => Promise<unknown>;
  /** Also run once right away at start (e.g. polling, so a fresh start does not wait a minute). */
  readonly runAtStart?: boolean;
}

/** Starts and stops the recurring jobs; stop resolves once every running job has settled. */
export interface Scheduler {
  start(): void;
  /** Stops the timers, aborts running jobs and waits for them to finish. Safe to call twice. */
  stop(): Promise<void>;
}

/** Every minute: the poller itself decides which feeds are due. */
export const POLL_TICK_CRON = '* * * * *';

/**
 * node-cron wiring only: each job gets a task that never overlaps itself and a net that logs a
 * failure instead of crashing the process. Timers are unref'd so they never keep a stopping
 * process alive; main keeps it alive with the bot.
 */
export function createScheduler(jobs: readonly ScheduledJob[], logger: Logger): Scheduler {
  const controller = new AbortController();
  const running = new Set<Promise<unknown>>();
  let tasks: ScheduledTask[] = [];
  let stopped = false;

  const runJob = (job: ScheduledJob): Promise<void> => {
    if (stopped) return Promise.resolve();
    const started = performance.now();
    const promise = job
      .run(controller.signal)
      .then(() => logger.debug({ job: job.name, ms: Math.round(performance.now() - started) }, 'job finished'))
      .catch((error: unknown) => logger.error({ job: job.name, err: error instanceof Error ? error.message : String(error) }, 'job failed'));
    running.add(promise);
    return promise.finally(() => running.delete(promise));
  };

  return {
    start() {
      if (stopped || tasks.length > 0) return;
      tasks = jobs.map((job) => createTask(job.cron, () => runJob(job), { name: job.name, noOverlap: true, unref: true, logger: cronLogger(logger, job.name) }));
      for (const task of tasks) void task.start();
      for (const job of jobs) if (job.runAtStart === true) void runJob(job);
      logger.info({ jobs: jobs.map((job) => job.name) }, 'scheduler started');
    },
    async stop() {
      if (!stopped) {
        stopped = true;
        await Promise.all(tasks.map(async (task) => {
          await task.stop();
          await task.destroy();
        }));
        controller.abort(new Error('scheduler: stopping'));
      }
      await Promise.allSettled([...running]);
    },
  };
}

/** node-cron's own chatter (a tick skipped while the job still runs is expected) goes to our logger. */
function cronLogger(logger: Logger, job: string): CronLogger {
  const text = (message: string | Error): string => (message instanceof Error ? message.message : message);
  return {
    info: (message) => logger.debug({ job }, `node-cron: ${message}`),
    warn: (message) => logger.debug({ job }, `node-cron: ${message}`),
    error: (message, err) => logger.error({ job, err: err?.message }, `node-cron: ${text(message)}`),
    debug: (message) => logger.trace({ job }, `node-cron: ${text(message)}`),
  };
}

/** The poll tick: polls the enabled feeds whose next poll time has passed; logs a summary. */
export function pollFeedsJob(poller: FeedPoller, feeds: CurrentFeeds, logger: Logger): ScheduledJob {
  return {
    name: 'poll-feeds',
    cron: POLL_TICK_CRON,
    runAtStart: true,
    run: async (signal) => {
      const report = await poller.pollDueFeeds(feeds().filter((feed) => feed.enabled), { signal });
      if (report.done.length + report.failed.length === 0) return;
      const fresh = report.done.reduce((sum, feed) => sum + feed.new, 0);
      logger.info({ polled: report.done.length + report.failed.length, failed: report.failed.length, new: fresh }, 'poll tick finished');
    },
  };
}

/** Every ten minutes: condense stored articles whose briefing failed or never ran. */
export function retryBriefingsJob(deps: RetryBriefingsDeps, feeds: CurrentFeeds): ScheduledJob {
  return { name: 'retry-briefings', cron: '*/10 * * * *', run: (signal) => retryMissingBriefings(deps, feeds(), { signal }) };
}

/** Once a day, at a quiet hour: clear what the retention period no longer needs (jobs/housekeeping.ts). */
export function housekeepingJob(deps: HousekeepingDeps, retentionDays: number): ScheduledJob {
  return { name: 'housekeeping', cron: '17 4 * * *', run: (signal) => housekeep(deps, Date.now(), retentionDays, { signal }) };
}

/** What the digest tick needs: the send-digests ports, with the feeds read afresh at each tick. */
export type DigestTickDeps = Omit<SendDigestsDeps, 'catalog' | 'topicNames'> & { readonly catalog: CurrentFeeds; readonly topicNames?: () => TopicNames };

/** Every minute: write the digests that are due into the outbox; the delivery worker sends them. */
export function digestTickJob(deps: DigestTickDeps): ScheduledJob {
  return {
    name: 'send-digests',
    cron: '* * * * *',
    run: async (signal) => {
      const report = await sendDueDigests({ ...deps, catalog: deps.catalog(), topicNames: deps.topicNames?.() }, Date.now(), { signal });
      if (report.due > 0) deps.logger.info({ ...report, failed: report.failed.length }, 'digest tick finished');
      for (const failure of report.failed) deps.logger.error({ chat_id: failure.chatId, err: failure.error }, 'digest failed for chat');
    },
  };
}
