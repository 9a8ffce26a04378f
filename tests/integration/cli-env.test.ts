import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkCommand } from '../../src/cli/check.js';
import type { CliEnv } from '../../src/cli/context.js';
import { feedsCommand } from '../../src/cli/feeds.js';
import { healthCommand } from '../../src/cli/health.js';
import { housekeepCommand } from '../../src/cli/housekeep.js';
import { parseCommand } from '../../src/cli/parse.js';
import { pollCommand } from '../../src/cli/poll.js';
import { openDatabase } from '../../src/store/database.js';
import { feedResponse, startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { pollFixture, tempDir } from '../helpers/poll-harness.js';
import { runSubcommand } from '../helpers/run-subcommand.js';

// Each subcommand is handed an environment that differs from this process's (which names no
// FEEDS_FILE, so ./feeds.json, and no DATABASE_PATH): what it prints shows which one it read.

let server: FeedServer;
let dir: { dir: string; cleanup: () => void };
let env: CliEnv;

beforeAll(async () => {
  server = await startFeedServer();
  server.route('/env/news.xml', feedResponse(pollFixture('news-v1.xml')));
  dir = tempDir();
  const feedsFile = join(dir.dir, 'feeds.json');
  // Disabled, so `poll --once` has nothing to fetch and says so.
  writeFileSync(feedsFile, JSON.stringify({ feeds: [{ id: 'only-in-handed-env', url: server.url('/env/news.xml'), language: 'en', topics: ['news'], enabled: false }] }));
  env = { FEEDS_FILE: feedsFile, DATABASE_PATH: join(dir.dir, 'handed.db'), RETENTION_DAYS: '9', FETCH_MAX_BYTES: '1024' };
});
afterAll(async () => {
  await server.close();
  dir.cleanup();
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('the CLI subcommands read the environment they are handed, not process.env', () => {
  it('check validates the feeds file and database the handed environment names', async () => {
    const { stdout } = await runSubcommand(checkCommand(env), ['check']);
    expect(stdout).toContain(`${env.FEEDS_FILE}: ok, 1 feed (0 enabled)`);
    expect(stdout).toContain(`environment: ok (database ${env.DATABASE_PATH}`);
  });

  it('check warns about a variable of the handed environment that looks like a misspelled setting, and still passes', async () => {
    const { stdout, stderr } = await runSubcommand(checkCommand({ ...env, DIGEST_TIME: '08:00', HOME: '/root' }), ['check']);
    expect(stdout).toContain('environment: warning: DIGEST_TIME is not a newsbrief setting (did you mean DEFAULT_DIGEST_TIME?)\n');
    expect(stdout).not.toContain('HOME');
    expect(stderr).toBe('');
    expect(process.exitCode).toBeUndefined();
  });

  it('feeds lists the feeds of the handed FEEDS_FILE', async () => {
    const { stdout, stderr } = await runSubcommand(feedsCommand(env), ['feeds', '--json']);
    expect((JSON.parse(stdout) as Array<{ id: string }>).map((feed) => feed.id)).toEqual(['only-in-handed-env']);
    expect(stderr).toContain(`no database at ${env.DATABASE_PATH} yet`);
  });

  it('health looks for the handed DATABASE_PATH', async () => {
    const { stdout } = await runSubcommand(healthCommand(env), ['health']);
    expect(stdout).toBe(`unhealthy: no database at ${env.DATABASE_PATH} yet (has newsbrief started?)\n`);
  });

  it('poll --once polls the feeds of the handed FEEDS_FILE', async () => {
    const { stdout } = await runSubcommand(pollCommand(env), ['poll', '--once']);
    expect(stdout).toBe('no enabled feeds to poll\n');
  });

  it('housekeep clears by the handed RETENTION_DAYS', async () => {
    openDatabase(env.DATABASE_PATH!).close();
    const { stdout } = await runSubcommand(housekeepCommand(env), ['housekeep']);
    expect(stdout).toMatch(/^Older than 9 days: /);
  });

  it('parse fetches within the handed FETCH_MAX_BYTES', async () => {
    await expect(runSubcommand(parseCommand(env), ['parse', server.url('/env/news.xml')])).rejects.toThrow(/more than 1024 bytes/);
    const { stdout } = await runSubcommand(parseCommand({}), ['parse', server.url('/env/news.xml')]);
    expect(stdout).toMatch(/ - 3 articles, oldest first/);
  });
});
