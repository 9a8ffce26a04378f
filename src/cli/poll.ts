import { constants as osConstants } from 'node:os';
import { Command } from 'commander';
import { closestName } from '../core/closest-name.js';
import { withoutFeedPrefix } from '../jobs/poll-feed.js';
import type { FeedPollResult, PollReport } from '../jobs/poll-feeds.js';
import { createConfiguredLogger, createSilentLogger } from '../log.js';
import { loadCliContext, type CliEnv } from './context.js';
import { createIngestion } from '../ingestion.js';
import { takeOverRenamedFeeds } from '../jobs/take-over-renamed-feeds.js';
import { UsageError } from './run-cli.js';
import { formatTable } from './table.js';
import { EXIT_ON_MISTAKE, helpFooter } from './help-footer.js';

/**
 * `newsbrief poll --once`: polls every enabled feed now and prints what happened per feed. Only
 * one-shot polling exists here (the bot polls on its own schedule), so `--once` is required; it
 * is kept so that the command says what it does, and a bare `poll` explains that.
 */
export function pollCommand(env: CliEnv): Command {
  return new Command('poll')
    .description('Poll every enabled feed (or --feed ids) into the database now, then exit; --once is required (the bot polls on its own schedule: npm start)')
    .option('--once', 'required: poll once now and exit')
    .option('--feed <id...>', 'poll only these feed ids (separated by spaces or commas)')
    .option('--verbose', 'log each feed as JSON on stderr (at LOG_LEVEL)')
    .addHelpText('after', helpFooter([
        'newsbrief poll --once',
        'newsbrief poll --once --feed nos-algemeen bbc-world',
        'newsbrief poll --once --feed nos-algemeen,heise',
      ], [
        '0  no feed failed, or none is enabled',
        `${EXIT_NOTHING_POLLED}  every feed polled failed (the table names each, and why)`,
        EXIT_ON_MISTAKE,
        `${EXIT_SOME_FEEDS_FAILED}  some feeds failed (the table names each, and why); the others were polled and stored`,
        '130, 143  interrupted by Ctrl-C (SIGINT) or SIGTERM: the feeds not finished are shown as skipped; what was stored stays',
      ]))
    .action(async (options: { once?: boolean; feed?: string[]; verbose?: boolean }) => {
      if (options.once !== true) {
        throw new UsageError('poll: add --once: `newsbrief poll --once` polls every enabled feed now and exits; the bot polls on its own schedule (npm start)');
      }
      const { config, feeds } = loadCliContext(env);
      const asked = options.feed === undefined ? undefined : options.feed.flatMap((value) => value.split(',')).filter(Boolean);
      const selected = asked === undefined ? feeds.filter((feed) => feed.enabled) : feeds.filter((feed) => asked.includes(feed.id));
      const unknown = (asked ?? []).filter((id) => !feeds.some((feed) => feed.id === id));
      if (unknown.length > 0) throw new UsageError(`poll: ${describeUnknownFeeds(unknown, feeds.map((feed) => feed.id))}`);
      if (selected.length === 0) {
        process.stdout.write('no enabled feeds to poll\n');
        return;
      }
      const logger = options.verbose === true ? createConfiguredLogger(config) : createSilentLogger();
      const ingestion = createIngestion(config, logger);
      // A feed renamed in feeds.json keeps its articles: polled under its new id, they are not new.
      takeOverRenamedFeeds(ingestion.feeds, feeds, logger);
      const controller = new AbortController();
      let interruptedBy: NodeJS.Signals | null = null;
      const onSignal = (signal: NodeJS.Signals): void => {
        interruptedBy = signal;
        controller.abort(new Error('interrupted'));
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      const progress = createProgress(process.stderr);
      try {
        const report = await ingestion.poller.pollFeeds(selected, { signal: controller.signal, onProgress: (p) => progress.update(p.finished, p.total, p.result) });
        progress.end();
        process.stdout.write(renderPollReport(report) + '\n');
        const status = interruptedBy === null ? pollExitStatus(report) : exitStatusOnSignal(interruptedBy);
        if (status !== 0) process.exitCode = status;
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await ingestion.close();
      }
    });
}

/** `poll --once` exit status when feeds were polled and every one of them failed. */
const EXIT_NOTHING_POLLED = 1;

/**
 * `poll --once` exit status when some feeds failed and the others were polled: not 0, so cron and
 * scripts notice, and not 1, which says nothing was polled (or the call itself was wrong).
 */
const EXIT_SOME_FEEDS_FAILED = 2;

/** The exit status of a finished `poll --once`: 0 when no feed failed, else whether any feed got through. */
export function pollExitStatus(report: PollReport): number {
  if (report.failed.length === 0) return 0;
  return report.done.length === 0 ? EXIT_NOTHING_POLLED : EXIT_SOME_FEEDS_FAILED;
}

/**
 * The exit status of a poll a signal cut short: 128 + the signal's number, as a shell reports a
 * command the signal ended (130 for Ctrl-C), so a script does not read the skipped feeds as polled.
 */
function exitStatusOnSignal(signal: NodeJS.Signals): number {
  return 128 + (osConstants.signals[signal] ?? 0);
}

/**
 * `unknown feed id: bbc-wrld (did you mean bbc-world?); ...`: each id that names no feed of
 * feeds.json, with the one it most likely meant (as the bot answers a mistyped /subscribe).
 */
export function describeUnknownFeeds(unknown: readonly string[], known: readonly string[]): string {
  const named = unknown.map((id) => {
    const meant = closestName(id, known);
    return meant === null ? id : `${id} (did you mean ${meant}?)`;
  });
  return `unknown feed id${unknown.length === 1 ? '' : 's'}: ${named.join(', ')}; \`newsbrief feeds\` lists them`;
}

/**
 * One short phrase per feed result: `ok 5 new`, `not modified`, `failed: feeds/fetch: HTTP 404 for ...`;
 * a failure past the threshold says the feed is now polled rarely (the words of `newsbrief feeds`).
 */
export function describeResult(result: FeedPollResult): string {
  if (!result.ok) return `failed${result.failing ? ` (${result.consecutiveFailures} in a row: polled rarely)` : ''}: ${withoutFeedPrefix(result.error)}`;
  if (result.status === 'not-modified') return 'not modified';
  return `ok ${result.new} new${result.updated > 0 ? `, ${result.updated} updated` : ''}`;
}

/**
 * The closing table, one meaning per column: feed; result (ok, not modified, failed, skipped);
 * the new, updated and unchanged articles of a document that was read (blank when none was);
 * detail (the error, why it was skipped, where the feed moved). Then a one-line total.
 */
export function renderPollReport(report: PollReport): string {
  const rows = [
    ...report.done.map((feed) => {
      const counts = feed.status === 'ok' ? [String(feed.new), String(feed.updated), String(feed.unchanged)] : ['', '', ''];
      return [feed.feedId, feed.status === 'ok' ? 'ok' : 'not modified', ...counts, feed.movedTo ? `moved to ${feed.movedTo}` : ''];
    }),
    ...report.failed.map((feed) => [feed.feedId, 'failed', '', '', '', withoutFeedPrefix(feed.error)]),
    ...report.skipped.map((id) => [id, 'skipped', '', '', '', 'already polling or interrupted']),
  ].sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
  const fresh = report.done.reduce((sum, feed) => sum + feed.new, 0);
  const polled = report.done.length + report.failed.length;
  const total = `${polled} feed${polled === 1 ? '' : 's'} polled: ${report.done.length} ok, ${report.failed.length} failed, ${fresh} new article${fresh === 1 ? '' : 's'}`;
  return `${formatTable(['feed', 'result', 'new', 'updated', 'unchanged', 'detail'], rows)}\n\n${total}`;
}

interface Progress {
  update(finished: number, total: number, result: FeedPollResult): void;
  end(): void;
}

/** A single rewritten line on a TTY; one line per feed otherwise (logs, CI). */
function createProgress(stream: NodeJS.WriteStream): Progress {
  const tty = stream.isTTY === true;
  let shown = false;
  return {
    update(finished, total, result) {
      const line = `[${finished}/${total}] ${result.feedId} ${describeResult(result)}`;
      if (tty) {
        const width = Math.max(20, (stream.columns ?? 80) - 1);
        stream.write(`\r\u001b[2K${line.slice(0, width)}`);
        shown = true;
      } else {
        stream.write(line + '\n');
      }
    },
    end() {
      if (tty && shown) stream.write('\r\u001b[2K');
    },
  };
}
