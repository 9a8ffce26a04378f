import { Command } from 'commander';
import { ConfigError, parseConfig, type Config } from '../config.js';
import type { FeedSpec } from '../core/types.js';
import { loadFeedsFile, warnNothingToPoll, warnSameUrls } from '../feeds-file.js';
import { warnMisspelledSettings } from '../misspelled-settings.js';
import { inspectDatabase } from '../store/database.js';
import type { CliEnv } from './context.js';
import { helpFooter } from './help-footer.js';

/**
 * `newsbrief check`: validates the environment, feeds.json and the database file (read only)
 * without touching the network. Every part that can be checked on its own is checked, so one run
 * lists every problem: each on its own line on stderr, and the exit code is 1 when there is any.
 */
export function checkCommand(env: CliEnv): Command {
  return new Command('check')
    .description('Validate the environment, feeds.json and the database file (read only), without touching the network')
    .addHelpText('after', helpFooter([
        'newsbrief check',
        'FEEDS_FILE=/etc/newsbrief/feeds.json DATA_DIR=/var/lib/newsbrief newsbrief check',
      ], ['0  everything can be used (warnings, such as no feeds to poll, included)', '1  one or more problems, each on its own line on stderr']))
    .action(() => {
      const lines = checkEverything(env);
      for (const line of lines) {
        if (line.problem) process.stderr.write(`newsbrief: ${line.text}\n`);
        else process.stdout.write(`${line.text}\n`);
      }
      if (lines.some((line) => line.problem)) process.exitCode = 1;
    });
}

/** One line of check's report: a part that passed (or a warning), or one problem to fix. */
export interface CheckLine {
  readonly problem: boolean;
  readonly text: string;
}

/** The variables that say where feeds.json is, and those that say where the database is. */
const FEEDS_PATH_VARIABLES = ['FEEDS_FILE'] as const;
const DATABASE_PATH_VARIABLES = ['DATA_DIR', 'DATABASE_PATH'] as const;

/**
 * Checks the environment, then feeds.json, then the database file, in that order. A bad variable
 * does not hide a broken feeds.json: the files are still checked where the environment puts them
 * (or at their defaults), each unless its own path variable is what is wrong (a bad DATA_DIR
 * leaves feeds.json checked). A variable that looks like a misspelled setting is a warning, not a
 * problem.
 */
export function checkEverything(env: CliEnv): CheckLine[] {
  const lines: CheckLine[] = [];
  const config = attempt(lines, () => parseConfig(env));
  if (config !== null) lines.push(...environmentLines(config));
  // A misspelled name is no problem to the schema (its default is used), but rarely what was meant.
  lines.push(...warnMisspelledSettings(Object.keys(env)).map((warning) => ok(`environment: warning: ${warning}`)));
  const feedsFile = (config ?? pathsOnly(env, FEEDS_PATH_VARIABLES))?.feedsFile;
  if (feedsFile !== undefined) {
    const feeds = attempt(lines, () => loadFeedsFile(feedsFile));
    if (feeds !== null) lines.push(...feedsLines(feedsFile, feeds));
  }
  const databasePath = (config ?? pathsOnly(env, DATABASE_PATH_VARIABLES))?.databasePath;
  if (databasePath !== undefined) {
    const database = attempt(lines, () => ({ found: inspectDatabase(databasePath) }));
    if (database !== null) lines.push(ok(`${databasePath}: ${describe(database.found)}`));
  }
  return lines;
}

/** `run()`'s value, or null with each problem of its ConfigError added to `lines` as `<source>: <problem>`. */
function attempt<T>(lines: CheckLine[], run: () => T): T | null {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    lines.push(...error.problems.map((problem) => ({ problem: true, text: `${error.source}: ${problem}` })));
    return null;
  }
}

/** Where the files are, read from `variables` alone, when some other variable is bad; null when one of these is (already reported). */
function pathsOnly(env: CliEnv, variables: readonly string[]): Pick<Config, 'feedsFile' | 'databasePath'> | null {
  try {
    return parseConfig(Object.fromEntries(variables.map((name) => [name, env[name]])));
  } catch (error) {
    if (error instanceof ConfigError) return null;
    throw error;
  }
}

function environmentLines(config: Config): CheckLine[] {
  return [
    ok(`environment: ok (database ${config.databasePath}, log level ${config.logLevel})`),
    ok(`bot token: ${config.botToken ? 'set' : 'not set: npm start will only poll and condense the feeds; see README to get one'}`),
  ];
}

function feedsLines(file: string, feeds: readonly FeedSpec[]): CheckLine[] {
  const enabled = feeds.filter((feed) => feed.enabled);
  const topics = new Set(enabled.flatMap((feed) => feed.topics));
  const languages = new Set(enabled.map((feed) => feed.language));
  const idle = warnNothingToPoll(feeds);
  // No dangling "languages " label when there are none.
  const languageList = languages.size === 0 ? '' : `, ${languages.size === 1 ? 'language' : 'languages'} ${[...languages].sort().join(', ')}`;
  return [
    ok(`${file}: ok, ${count(feeds.length, 'feed')} (${enabled.length} enabled), ${count(topics.size, 'topic')}${languageList}`),
    ...(idle === null ? [] : [ok(`${file}: warning: ${idle}`)]),
    ...warnSameUrls(feeds).map((warning) => ok(`${file}: warning: ${warning}`)),
  ];
}

function ok(text: string): CheckLine {
  return { problem: false, text };
}

/** `1 feed`, `2 feeds`, `0 feeds`. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function describe(database: ReturnType<typeof inspectDatabase>): string {
  if (database === null) return 'not there yet: npm start creates it';
  const pending = database.pending === 0 ? 'up to date' : `${database.pending} migration(s) to apply at the next start`;
  return `ok, schema version ${database.version} (${pending})`;
}
