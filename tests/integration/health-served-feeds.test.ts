import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliEnv } from '../../src/cli/context.js';
import { feedsCommand } from '../../src/cli/feeds.js';
import { healthCommand } from '../../src/cli/health.js';
import { openDatabase } from '../../src/store/database.js';
import { initialFeedRecord } from '../../src/store/feed-repository.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { createSqliteFeedRepository } from '../../src/store/sqlite/feed-repository.js';
import { createSqliteServedFeeds } from '../../src/store/sqlite/served-feeds.js';
import { startApp, startLoopbackFeedFolder, until, type RunningApp } from '../helpers/app-process.js';
import type { FeedServer } from '../helpers/feed-server.js';
import { tempDir } from '../helpers/poll-harness.js';
import { runSubcommand } from '../helpers/run-subcommand.js';

/**
 * `newsbrief health` (the Docker HEALTHCHECK) judges the feeds the running bot serves, which it
 * records in the database whenever it loads feeds.json, not the file on disk: a file saved broken
 * mid-edit, or holding a feed no reload has served yet, must not turn a working bot unhealthy.
 */

const feed = (id: string, enabled = true) => ({ id, url: `http://127.0.0.1:9/${id}.xml`, language: 'en', topics: ['world'], enabled });

describe('health judges the feeds the bot recorded as served', () => {
  let dir: { dir: string; cleanup: () => void };
  let env: CliEnv;
  let feedsFile: string;
  let dbPath: string;

  beforeEach(() => {
    dir = tempDir();
    feedsFile = join(dir.dir, 'feeds.json');
    dbPath = join(dir.dir, 'newsbrief.db');
    env = { FEEDS_FILE: feedsFile, DATABASE_PATH: dbPath };
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
    dir.cleanup();
  });

  /** A database (at `migrations`) where `polled` were polled a minute ago and are due in ten; `served` recorded when given. */
  const seed = (polled: readonly string[], served?: readonly string[], migrations = MIGRATIONS) => {
    const db = openDatabase(dbPath, migrations);
    const now = Date.now();
    for (const id of polled) createSqliteFeedRepository(db).saveFeed({ ...initialFeedRecord(id, feed(id).url), lastPolledAt: now - 60_000, lastSuccessAt: now - 60_000, nextPollAt: now + 600_000 });
    if (served !== undefined) createSqliteServedFeeds(db).record({ enabledFeedIds: served, loadedAt: Date.UTC(2026, 0, 5, 9, 0) });
    db.close();
  };
  const health = async () => {
    // The verdict's line; the next one (which bot runs on the database) is not at issue here.
    const { stdout, stderr } = await runSubcommand(healthCommand(env), ['health']);
    return { verdict: stdout.split('\n')[0], stderr, code: process.exitCode ?? 0 };
  };

  it('stays healthy while feeds.json is saved broken, and says the file cannot be read', async () => {
    seed(['a'], ['a']);
    writeFileSync(feedsFile, '{ "feeds": [ {"id": "a", ');
    const { verdict, stderr, code } = await health();
    expect(code).toBe(0);
    expect(verdict).toBe('healthy: 1 feed polled on time; last poll 1 min ago');
    expect(stderr).toMatch(new RegExp(`^newsbrief: judged the feeds the bot loaded at 2026-01-05 09:00Z; the file cannot be read now: ${feedsFile}: `));
  });

  it('stays healthy while feeds.json is missing', async () => {
    seed(['a'], ['a']);
    const { verdict, code } = await health();
    expect({ verdict, code }).toEqual({ verdict: 'healthy: 1 feed polled on time; last poll 1 min ago', code: 0 });
  });

  it('does not count a feed added to the file but not served yet as never polled, and says a reload serves it', async () => {
    seed(['a'], ['a']);
    writeFileSync(feedsFile, JSON.stringify({ feeds: [feed('a'), feed('added')] }));
    const { verdict, stderr, code } = await health();
    expect({ verdict, code }).toEqual({ verdict: 'healthy: 1 feed polled on time; last poll 1 min ago', code: 0 });
    expect(stderr).toBe('newsbrief: feeds.json enables added, not served yet: the bot serves the list it loaded at 2026-01-05 09:00Z until it reloads the file (SIGHUP or /reload)\n');
  });

  it('judges a served feed the file no longer lists: the bot still polls it', async () => {
    seed(['a'], ['a', 'gone']);
    writeFileSync(feedsFile, JSON.stringify({ feeds: [feed('a')] }));
    const { verdict, code } = await health();
    expect(verdict).toBe('unhealthy: of 2 feeds, 1 never polled (gone); last poll 1 min ago');
    expect(code).toBe(1);
  });

  it('judges feeds.json when no bot recorded a list (a database from before the record), and a broken file is then a mistake', async () => {
    seed(['a'], undefined, MIGRATIONS.filter((m) => m.version < 16));
    writeFileSync(feedsFile, JSON.stringify({ feeds: [feed('a'), feed('added'), feed('off', false)] }));
    const { verdict, stderr, code } = await health();
    expect({ verdict, stderr, code }).toEqual({ verdict: 'unhealthy: of 2 feeds, 1 never polled (added); last poll 1 min ago', stderr: '', code: 1 });
    writeFileSync(feedsFile, '{ "feeds": [ {"id": "a", ');
    await expect(runSubcommand(healthCommand(env), ['health'])).rejects.toThrow(`${feedsFile}: `);
  });

  it('feeds lists feeds.json, and says which of its feeds the bot does not serve yet', async () => {
    seed(['a'], ['a']);
    writeFileSync(feedsFile, JSON.stringify({ feeds: [feed('a'), feed('added')] }));
    const { stdout, stderr } = await runSubcommand(feedsCommand(env), ['feeds']);
    expect(stdout).toMatch(/^added\s+never polled/m);
    expect(stderr).toBe('newsbrief: feeds.json enables added, not served yet: the bot serves the list it loaded at 2026-01-05 09:00Z until it reloads the file (SIGHUP or /reload)\n');
    writeFileSync(feedsFile, JSON.stringify({ feeds: [feed('a')] }));
    expect((await runSubcommand(feedsCommand(env), ['feeds'])).stderr).toBe('');
  });

  it('judges feeds.json on a database only `poll --once` wrote (no served list)', async () => {
    seed(['a']);
    writeFileSync(feedsFile, JSON.stringify({ feeds: [feed('a')] }));
    expect(await health()).toEqual({ verdict: 'healthy: 1 feed polled on time; last poll 1 min ago', stderr: '', code: 0 });
  });
});

describe('the bot records the feeds it serves', () => {
  let feeds: FeedServer;
  let dir: string;
  let feedsFile: string;
  let app: RunningApp | null = null;

  beforeAll(async () => {
    ({ feeds, dir, feedsFile } = await startLoopbackFeedFolder('nb-served-'));
  });
  afterEach(() => {
    app?.child.kill('SIGKILL');
    app = null;
  });
  afterAll(async () => {
    await feeds.close();
  });

  const served = (path: string) => {
    const db = new Database(path, { readonly: true });
    try {
      return db.prepare<[], { enabled_feed_ids: string; loaded_at: number }>('SELECT enabled_feed_ids, loaded_at FROM served_feeds').all()
        .map((row) => ({ ids: JSON.parse(row.enabled_feed_ids) as string[], loadedAt: row.loaded_at }));
    } finally {
      db.close();
    }
  };

  it('at start, and again on each reload (SIGHUP) that validates, keeping it on one that does not, and forgets it when it stops', async () => {
    const database = join(dir, 'served.db');
    const before = Date.now();
    app = startApp({ FEEDS_FILE: feedsFile, DATABASE_PATH: database });
    const running = app;
    await until(() => running.output().includes('"msg":"newsbrief started"'), 'the bot to start');
    const atStart = served(database);
    expect(atStart).toEqual([{ ids: ['loopback'], loadedAt: expect.any(Number) }]);
    expect(atStart[0]?.loadedAt).toBeGreaterThanOrEqual(before);

    const listed = { id: 'loopback', url: feeds.url('/news.xml'), language: 'en', topics: ['world'], fullText: 'never' };
    writeFileSync(feedsFile, JSON.stringify({ feeds: [listed, { ...listed, id: 'second', url: feeds.url('/second.xml') }, { ...listed, id: 'off', url: feeds.url('/off.xml'), enabled: false }] }));
    running.child.kill('SIGHUP');
    await until(() => running.output().includes('"msg":"feeds.json reloaded"'), 'the reload');
    const reloaded = served(database);
    expect(reloaded).toEqual([{ ids: ['loopback', 'second'], loadedAt: expect.any(Number) }]);
    expect(reloaded[0]?.loadedAt).toBeGreaterThanOrEqual(atStart[0]?.loadedAt ?? Infinity);

    writeFileSync(feedsFile, '{ "feeds": [');
    running.child.kill('SIGHUP');
    await until(() => running.output().includes('feeds.json not reloaded'), 'the refused reload');
    expect(served(database)).toEqual(reloaded);
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    // Stopped, it serves nothing: health and feeds judge feeds.json again (as after `poll --once`).
    expect(served(database)).toEqual([]);
  });
});
