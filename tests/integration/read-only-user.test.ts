import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { tempDir } from '../helpers/poll-harness.js';
import { readableSetup, runNode, unprivileged, type NodeRun } from '../helpers/unprivileged.js';

/**
 * `feeds` and `health` run by a user who may read the database but not write its folder (the
 * bot runs as another user). SQLite reads a WAL database read-only only with its -wal and -shm
 * files beside it: so such a user reads while the bot has the file open, and after it stopped
 * cleanly is told in one line what to do. The reader must be another user than the bot's, so this
 * runs as root with the CLI as `nobody` (setpriv).
 */
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const runner = unprivileged(REPO);
const skip = 'skip' in runner ? runner.skip : runner.prefix.length === 0 ? 'not running as root, so the reader cannot be another user than the bot' : null;
if (skip !== null) console.warn(`read-only-user test skipped: ${skip}`);

/** Runs the CLI as the unprivileged user, in the repository. */
function cli(args: string[], env: Record<string, string>): Promise<NodeRun> {
  return runNode('prefix' in runner ? runner.prefix : [], REPO, [join(REPO, 'bin/newsbrief.js'), ...args], env);
}

let dir: { dir: string; cleanup: () => void };
beforeAll(() => {
  dir = tempDir();
  // Readable by the other user, not writable: it cannot create the -wal and -shm files here.
  chmodSync(dir.dir, 0o755);
});
afterAll(() => dir.cleanup());

describe.skipIf(skip !== null)('newsbrief feeds and health as a user who may not write the folder', () => {
  it('read while the bot has the database open, and after it stopped say in one line what to do', { timeout: 120_000 }, async () => {
    const { database, env } = readableSetup(dir.dir, 0o644);

    // The bot, polling: its write stays in the -wal file, which the reader must read too.
    const bot = openDatabase(database);
    const now = Date.now();
    bot.prepare('INSERT INTO feeds (feed_id, configured_url, current_url, last_polled_at, last_success_at, next_poll_at) VALUES (?, ?, ?, ?, ?, ?)').run('a', 'http://127.0.0.1:9/rss', 'http://127.0.0.1:9/rss', now, now, now + 15 * 60_000);
    expect(existsSync(`${database}-wal`) && existsSync(`${database}-shm`)).toBe(true);
    const listed = await cli(['feeds'], env);
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    expect(listed.stdout).toMatch(/^a\s+ok\s+0\s+\d{4}-/m);
    expect(await cli(['health'], env)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^healthy: 1 feed polled on time; last poll \d+ min ago\nbot: none runs on this database\n$/) });

    // The bot stopped cleanly: SQLite removed the -wal and -shm files.
    bot.close();
    expect(readdirSync(dir.dir).sort()).toEqual(['feeds.json', 'newsbrief.db']);
    const before = readFileSync(database);
    const expected = `newsbrief: ${database}: this user cannot read it while newsbrief is stopped: SQLite reads it only with its -wal and -shm files beside it, which are not there, and this user may not create them in ${dir.dir}; run this command as the user newsbrief runs as, or give this user write access to ${dir.dir}\n`;
    expect(await cli(['feeds'], env)).toMatchObject({ code: 1, stdout: '', stderr: expected });
    expect(await cli(['health'], env)).toMatchObject({ code: 1, stdout: '', stderr: expected });
    expect(readdirSync(dir.dir).sort()).toEqual(['feeds.json', 'newsbrief.db']);
    expect(readFileSync(database).equals(before)).toBe(true);
  });

  it('names a -shm file the bot made unreadable to others, instead of blaming the database file', { timeout: 60_000 }, async () => {
    const folder = join(dir.dir, 'private-shm');
    mkdirSync(folder, { mode: 0o755 });
    const feeds = join(folder, 'feeds.json');
    writeFileSync(feeds, JSON.stringify({ feeds: [] }), { mode: 0o644 });
    const database = join(folder, 'newsbrief.db');
    openDatabase(database).close();
    chmodSync(database, 0o644);
    const bot = openDatabase(database);
    try {
      bot.prepare('SELECT count(*) FROM feeds').get();
      // As a bot run with umask 077 would leave it.
      chmodSync(`${database}-shm`, 0o600);
      const run = await cli(['feeds'], { FEEDS_FILE: feeds, DATABASE_PATH: database });
      expect(run).toMatchObject({
        code: 1,
        stderr: `newsbrief: ${database}: this user may not read ${database}-shm, which SQLite needs to read the database; run this command as the user newsbrief runs as, or give this user read access to it\n`,
      });
    } finally {
      bot.close();
    }
  });
});
