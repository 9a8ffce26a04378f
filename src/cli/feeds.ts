import { Command } from 'commander';
import type { FeedSpec } from '../core/types.js';
import type { FeedRecord } from '../store/feed-repository.js';
import { createSqliteFeedRepository } from '../store/sqlite/feed-repository.js';
import { createSqliteArticleRepository } from '../store/sqlite/article-repository.js';
import { readServedFeeds } from '../store/sqlite/served-feeds.js';
import { lastPollFailed } from '../core/poll-timing.js';
import { withoutFeedPrefix } from '../jobs/poll-feed.js';
import { loadCliContext, type CliEnv } from './context.js';
import { noteServedDrift } from './served-drift.js';
import { readStoredDatabase } from './read-stored-database.js';
import { formatInstant, formatTable } from './table.js';
import { EXIT_ON_MISTAKE, helpFooter } from './help-footer.js';

/** One feed's health as `newsbrief feeds` shows it (also its --json shape). */
export interface FeedHealth {
  readonly id: string;
  readonly url: string;
  readonly enabled: boolean;
  /** Still in the database but no longer in feeds.json. */
  readonly configured: boolean;
  /**
   * `failing`: the last poll failed (consecutiveFailures in a row), as /feeds marks it;
   * `failing, polled rarely`: past the poll policy's threshold, tried only twice a day.
   */
  readonly status: 'ok' | 'never polled' | 'failing' | 'failing, polled rarely' | 'disabled';
  readonly currentUrl: string | null;
  /**
   * Where permanent redirects took this feed's configured URL, else null. Null too after the
   * operator changed the URL in feeds.json: the next poll starts again from the new URL.
   */
  readonly movedTo: string | null;
  readonly articles: number;
  readonly lastSuccessAt: number | null;
  readonly nextPollAt: number | null;
  readonly consecutiveFailures: number;
  readonly lastError: string | null;
}

/**
 * `newsbrief feeds`: each feed of feeds.json with its health, read from the database. When the
 * running bot serves another list (the file edited but not reloaded), stderr says how they differ.
 */
export function feedsCommand(env: CliEnv): Command {
  return new Command('feeds')
    .description('List the feeds with their health: last success, last error, next poll, failing')
    .option('--json', 'print JSON instead of a table')
    .addHelpText('after', helpFooter([
        'newsbrief feeds',
        "newsbrief feeds --json | jq -r '.[] | select(.status != \"ok\") | .id'",
      ], ['0  listed, failing feeds included (`newsbrief health` judges them)', EXIT_ON_MISTAKE]))
    .action((options: { json?: boolean }) => {
      const { config, feeds } = loadCliContext(env);
      const print = (health: FeedHealth[]) => process.stdout.write((options.json === true ? JSON.stringify(health, null, 2) : renderFeedHealth(health)) + '\n');
      // Listing feeds neither creates nor migrates the database: without one, every feed is simply never polled.
      const stored = readStoredDatabase(config.databasePath);
      if (stored.db === null) {
        process.stderr.write(`newsbrief: ${stored.missing} (has newsbrief started?)\n`);
        print(describeFeedHealth(feeds, [], () => 0));
        return;
      }
      const { db } = stored;
      try {
        // The table is feeds.json, which the operator edits; the bot polls the list it last loaded.
        const served = readServedFeeds(db);
        if (served !== null) noteServedDrift(served, feeds);
        const articles = createSqliteArticleRepository(db);
        print(describeFeedHealth(feeds, createSqliteFeedRepository(db).listFeeds(), (id) => articles.countArticles(id)));
      } finally {
        db.close();
      }
    });
}

/** Joins feeds.json with the stored state; feeds only in the database come last. */
export function describeFeedHealth(specs: readonly FeedSpec[], records: readonly FeedRecord[], countArticles: (feedId: string) => number): FeedHealth[] {
  const byId = new Map(records.map((record) => [record.feedId, record]));
  const health = specs.map((spec) => toHealth(spec.id, spec.url, spec.enabled, true, byId.get(spec.id) ?? null, countArticles));
  const orphans = records.filter((record) => !specs.some((spec) => spec.id === record.feedId));
  return [...health, ...orphans.map((record) => toHealth(record.feedId, record.configuredUrl, false, false, record, countArticles))];
}

function toHealth(id: string, url: string, enabled: boolean, configured: boolean, record: FeedRecord | null, countArticles: (feedId: string) => number): FeedHealth {
  const status: FeedHealth['status'] = !enabled
    ? 'disabled'
    : record === null || record.lastPolledAt === null
      ? 'never polled'
      : record.failing
        ? 'failing, polled rarely'
        : lastPollFailed(record)
          ? 'failing'
          : 'ok';
  return {
    id,
    url,
    enabled,
    configured,
    status,
    currentUrl: record?.currentUrl ?? null,
    movedTo: record !== null && record.configuredUrl === url && record.currentUrl !== url ? record.currentUrl : null,
    articles: record === null ? 0 : countArticles(id),
    lastSuccessAt: record?.lastSuccessAt ?? null,
    nextPollAt: record?.nextPollAt ?? null,
    consecutiveFailures: record?.consecutiveFailures ?? 0,
    lastError: record?.lastError ?? null,
  };
}

/** The table for humans; the error column shows the failure count and the last error. */
export function renderFeedHealth(health: readonly FeedHealth[]): string {
  const rows = health.map((feed) => [
    feed.id + (feed.configured ? '' : ' (not in feeds file)'),
    feed.status,
    String(feed.articles),
    formatInstant(feed.lastSuccessAt),
    feed.nextPollAt === null || feed.nextPollAt === 0 ? 'now' : formatInstant(feed.nextPollAt),
    feed.lastError === null ? '' : `${feed.consecutiveFailures}x ${withoutFeedPrefix(feed.lastError)}`,
  ]);
  const notes = health.flatMap((feed) => (feed.movedTo === null ? [] : [`${feed.id}: moved permanently to ${feed.movedTo}`]));
  return [formatTable(['feed', 'status', 'articles', 'last success', 'next poll', 'last error'], rows), ...(notes.length > 0 ? ['', ...notes] : [])].join('\n');
}
