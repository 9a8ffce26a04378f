import { Command, Option } from 'commander';
import { describeLeaseState } from '../core/instance-lease.js';
import { parseConfig } from '../config.js';
import { enabledFeedIds, type ServedFeeds } from '../core/served-feeds.js';
import type { FeedSpec, FeedState } from '../core/types.js';
import { loadFeedsDocument } from '../feeds-file.js';
import { createSqliteFeedRepository } from '../store/sqlite/feed-repository.js';
import { readInstanceLease } from '../store/sqlite/instance-lease.js';
import { readServedFeeds } from '../store/sqlite/served-feeds.js';
import type { CliEnv } from './context.js';
import { formatInstant } from './table.js';
import { readStoredDatabase } from './read-stored-database.js';
import { noteServedDrift } from './served-drift.js';
import { UsageError } from './run-cli.js';
import { EXIT_ON_MISTAKE, helpFooter } from './help-footer.js';

/** How late a due feed may be before the poller counts as stuck: polls take seconds, the scheduler ticks every minute. */
const DEFAULT_GRACE_MINUTES = 10;

/** Is the poller alive? Read from the database alone, so it works from outside the process (Docker HEALTHCHECK). */
export interface Liveness {
  readonly healthy: boolean;
  readonly summary: string;
}

/**
 * Judges the poller by its feeds: each enabled feed (by id) must have been polled at least once and
 * not be overdue by more than `graceMs`. A failing feed is not overdue (its back-off sets its next
 * poll), so this says whether polling runs, not whether the feeds answer (`newsbrief feeds`).
 */
export function judgeLiveness(enabled: readonly string[], states: readonly Pick<FeedState, 'feedId' | 'nextPollAt' | 'lastPolledAt'>[], now: number, graceMs: number): Liveness {
  if (enabled.length === 0) return { healthy: true, summary: 'healthy: no enabled feeds to poll' };
  const byId = new Map(states.map((state) => [state.feedId, state]));
  const never = enabled.filter((id) => byId.get(id)?.lastPolledAt == null);
  const late = enabled
    .map((id) => ({ id, lateMs: now - (byId.get(id)?.nextPollAt ?? now) }))
    .filter((feed) => !never.includes(feed.id) && feed.lateMs > graceMs)
    .sort((a, b) => b.lateMs - a.lateMs);
  const lastPoll = Math.max(...enabled.map((id) => byId.get(id)?.lastPolledAt ?? Number.NEGATIVE_INFINITY));
  const since = Number.isFinite(lastPoll) ? `last poll ${minutes(now - lastPoll)} ago` : 'no poll yet';
  const problems = [
    ...(late.length > 0 ? [`${late.length} overdue by more than ${minutes(graceMs)} (${firstFew(late.map((feed) => `${feed.id} ${minutes(feed.lateMs)}`))})`] : []),
    ...(never.length > 0 ? [`${never.length} never polled (${firstFew(never)})`] : []),
  ];
  if (problems.length === 0) return { healthy: true, summary: `healthy: ${feedCount(enabled.length)} polled on time; ${since}` };
  return { healthy: false, summary: `unhealthy: of ${feedCount(enabled.length)}, ${problems.join('; ')}; ${since}` };
}

/** `newsbrief health`: exit 0 while the poller keeps its feeds on time, else 1; reads the database without writing. */
export function healthCommand(env: CliEnv): Command {
  return new Command('health')
    .description('Exit 0 when the poller keeps the feeds on time, 1 when not (for Docker HEALTHCHECK), and which bot runs on the database; reads the database only')
    .addOption(new Option('--grace <minutes>', 'how late a due feed may be').default(String(DEFAULT_GRACE_MINUTES), String(DEFAULT_GRACE_MINUTES)))
    .addHelpText('after', helpFooter([
        'newsbrief health',
        'newsbrief health --grace 30 || echo "the poller is stuck"',
      ], ['0  every enabled feed the bot serves (else in feeds.json) is polled on time', '1  a feed is overdue or never polled, or there is no database yet', EXIT_ON_MISTAKE]))
    .action((options: { grace: string }) => {
      const grace = Number(options.grace);
      if (!Number.isFinite(grace) || grace <= 0) throw new UsageError(`health: --grace needs a number of minutes above 0, not ${options.grace}`);
      const config = parseConfig(env);
      const stored = readStoredDatabase(config.databasePath);
      if (stored.db === null) {
        process.stdout.write(`unhealthy: ${stored.missing} (has newsbrief started?)\n`);
        process.exitCode = 1;
        return;
      }
      const { db } = stored;
      try {
        const now = Date.now();
        const verdict = judgeLiveness(feedsToJudge(readServedFeeds(db), config.feedsFile), createSqliteFeedRepository(db).listFeeds(), now, grace * 60_000);
        process.stdout.write(`${verdict.summary}\n`);
        // Which bot runs on the database (two would poll twice); the exit status stays the poller's.
        const holder = readInstanceLease(db);
        if (holder !== undefined) process.stdout.write(`${describeLeaseState(holder, now)}\n`);
        if (!verdict.healthy) process.exitCode = 1;
      } finally {
        db.close();
      }
    });
}

/**
 * The enabled feeds to judge: those the bot recorded as served when it last loaded feeds.json
 * (start, SIGHUP, /reload), since it polls those whatever the file on disk says now; the file is
 * then read only to tell the operator on stderr how it differs, or that it cannot be read, without
 * failing. Only when no bot recorded a list (a database from before the record, or written by
 * `poll --once` alone) or the bot that did stopped cleanly (forgetServedFeeds) are the file's
 * enabled feeds judged, and a broken file is a mistake (exit 1).
 */
function feedsToJudge(served: ServedFeeds | null, feedsFile: string): readonly string[] {
  if (served === null) return enabledFeedIds(loadFeedsDocument(feedsFile).feeds);
  let file: readonly FeedSpec[];
  try {
    file = loadFeedsDocument(feedsFile).feeds;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    process.stderr.write(`newsbrief: judged the feeds the bot loaded at ${formatInstant(served.loadedAt)}; the file cannot be read now: ${why}\n`);
    return served.enabledFeedIds;
  }
  noteServedDrift(served, file);
  return served.enabledFeedIds;
}

/** The first three names, and `...` when there are more. */
function firstFew(names: readonly string[]): string {
  return names.slice(0, 3).join(', ') + (names.length > 3 ? ', ...' : '');
}

function feedCount(n: number): string {
  return n === 1 ? '1 feed' : `${n} feeds`;
}

function minutes(ms: number): string {
  return `${Math.max(0, Math.round(ms / 60_000))} min`;
}
