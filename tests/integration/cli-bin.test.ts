import { execFile, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { initialFeedRecord } from '../../src/store/feed-repository.js';
import { createSqliteFeedRepository } from '../../src/store/sqlite/feed-repository.js';
import { tempDir } from '../helpers/poll-harness.js';
import { seedBriefings } from '../helpers/seed-briefings.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

function run(bin: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}

/** Runs the CLI with `input` on stdin, then closes stdin unless `keepStdinOpen` (a terminal left open); resolves with what it printed. */
function chat(args: string[], env: Record<string, string>, input: string, keepStdinOpen = false): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPO, 'bin/newsbrief.js'), ...args], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (keepStdinOpen) child.stdin.write(input);
    else child.stdin.end(input);
  });
}

let dir: { dir: string; cleanup: () => void };
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.cleanup());

describe('bin/newsbrief.js', () => {
  it('runs the TypeScript sources when src/ exists, even beside a built dist/, and dist/ when it does not', async () => {
    const root = join(dir.dir, 'layout');
    mkdirSync(join(root, 'bin'), { recursive: true });
    mkdirSync(join(root, 'src/cli'), { recursive: true });
    mkdirSync(join(root, 'dist/src/cli'), { recursive: true });
    copyFileSync(join(REPO, 'bin/newsbrief.js'), join(root, 'bin/newsbrief.js'));
    writeFileSync(join(root, 'package.json'), '{ "type": "module" }');
    symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
    writeFileSync(join(root, 'src/cli/main.ts'), "const from: string = 'src';\nprocess.stdout.write(from);\n");
    writeFileSync(join(root, 'dist/src/cli/main.js'), "process.stdout.write('dist');\n");
    expect((await run(join(root, 'bin/newsbrief.js'), [])).stdout).toBe('src');
    rmSync(join(root, 'src'), { recursive: true });
    expect((await run(join(root, 'bin/newsbrief.js'), [])).stdout).toBe('dist');
  });

  it('points at the subcommand\'s own --help after a mistake in calling it, exiting 1', async () => {
    const missing = await run(join(REPO, 'bin/newsbrief.js'), ['brief']);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toBe("error: missing required argument 'source'\n(run `newsbrief brief --help` for usage)\n");
    const unknown = await run(join(REPO, 'bin/newsbrief.js'), ['poll', '--onse']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('(run `newsbrief poll --help` for usage)');
  });

  it('prints the version of package.json for --version, as `npm start -- --version` tells the operator to ask', async () => {
    const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(await run(join(REPO, 'bin/newsbrief.js'), ['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('brief - reads a pipe without a word on stderr: the terminal hint is for terminals only', async () => {
    const result = await chat(['brief', '-'], {}, 'De gemeenteraad heeft dinsdag ingestemd met de bouw van een nieuwe brug. De bouw begint volgend jaar.');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('nieuwe brug');
  });

  it('check says what npm start still does without a bot token', async () => {
    const feeds = join(dir.dir, 'feeds.json');
    writeFileSync(feeds, JSON.stringify({ feeds: [{ id: 'a', url: 'https://a.example/rss', language: 'en', topics: ['news'] }] }));
    const result = await run(join(REPO, 'bin/newsbrief.js'), ['check'], { FEEDS_FILE: feeds, DATABASE_PATH: join(dir.dir, 'check.db') });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('bot token: not set: npm start will only poll and condense the feeds; see README to get one');
    expect(result.stdout).toContain(`${feeds}: ok, 1 feed (1 enabled), 1 topic, language en\n`);
    expect(result.stdout).toContain(`${join(dir.dir, 'check.db')}: not there yet: npm start creates it`);
    expect(existsSync(join(dir.dir, 'check.db'))).toBe(false);
  });

  it('check warns, without failing, when feeds.json leaves nothing to poll', async () => {
    const feeds = join(dir.dir, 'no-feeds.json');
    writeFileSync(feeds, JSON.stringify({ feeds: [] }));
    const result = await run(join(REPO, 'bin/newsbrief.js'), ['check'], { FEEDS_FILE: feeds, DATABASE_PATH: join(dir.dir, 'no-feeds.db') });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `${feeds}: ok, 0 feeds (0 enabled), 0 topics\n` +
        `${feeds}: warning: no feeds to poll: it lists no feeds; nothing is fetched or briefed until you add or enable one\n`,
    );
  });

  it('check reports every problem of the environment, feeds.json and the database in one run, one a line', async () => {
    const feeds = join(dir.dir, 'broken-feeds.json');
    writeFileSync(feeds, JSON.stringify({ feeds: [{ id: 'a', url: '/rss', language: 'en', topics: ['news'] }, { id: 'a', url: 'https://a.example/rss', language: 'en', topics: ['news'] }] }));
    const notes = join(dir.dir, 'notes-too.db');
    writeFileSync(notes, 'not a database\n'.repeat(10));
    const env = { FEEDS_FILE: feeds, DATABASE_PATH: notes, POLL_INTERVAL_MINUTES: 'x', DEFAULT_TIMEZONE: 'Mars/Base' };
    const result = await run(join(REPO, 'bin/newsbrief.js'), ['check'], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      'newsbrief: environment: POLL_INTERVAL_MINUTES: not a number (got "x")',
      'newsbrief: environment: DEFAULT_TIMEZONE: not an IANA time zone name (got "Mars/Base")',
      `newsbrief: ${feeds}: feeds[0].url: not an absolute http(s) URL (got "/rss")`,
      `newsbrief: ${feeds}: feeds[1].id: duplicate id "a" (also at feeds[0])`,
      `newsbrief: ${notes}: not an SQLite database (another kind of file, or an encrypted or damaged one); set DATABASE_PATH to a newsbrief database or to a file that does not exist yet`,
      '',
    ]);

    // What passes is still said, on stdout, between the problems' lines on stderr.
    const fresh = join(dir.dir, 'fresh.db');
    const partly = await run(join(REPO, 'bin/newsbrief.js'), ['check'], { ...env, DATABASE_PATH: fresh });
    expect(partly.code).toBe(1);
    expect(partly.stdout).toBe(`${fresh}: not there yet: npm start creates it\n`);
    expect(partly.stderr).toContain(`newsbrief: ${feeds}: feeds[0].url: `);
  });

  it('check reads the database file without changing it, and refuses one that is not a database or could not be made', async () => {
    const feeds = join(dir.dir, 'feeds.json');
    writeFileSync(feeds, JSON.stringify({ feeds: [{ id: 'a', url: 'https://a.example/rss', language: 'en', topics: ['news'] }] }));
    const database = join(dir.dir, 'checked.db');
    openDatabase(database).close();
    const before = readFileSync(database);
    const ok = await run(join(REPO, 'bin/newsbrief.js'), ['check'], { FEEDS_FILE: feeds, DATABASE_PATH: database });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`${database}: ok, schema version ${MIGRATIONS.at(-1)?.version} (up to date)`);
    expect(readFileSync(database).equals(before)).toBe(true);

    const notes = join(dir.dir, 'notes.db');
    writeFileSync(notes, 'not a database\n'.repeat(10));
    const refused = await run(join(REPO, 'bin/newsbrief.js'), ['check'], { FEEDS_FILE: feeds, DATABASE_PATH: notes });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`newsbrief: ${notes}: not an SQLite database (another kind of file, or an encrypted or damaged one); set DATABASE_PATH to a newsbrief database or to a file that does not exist yet\n`);

    const blocked = join(notes, 'data', 'newsbrief.db');
    const cannot = await run(join(REPO, 'bin/newsbrief.js'), ['check'], { FEEDS_FILE: feeds, DATABASE_PATH: blocked });
    expect(cannot.code).toBe(1);
    expect(cannot.stderr).toBe(`newsbrief: ${blocked}: cannot create the folder ${join(notes, 'data')}: a file of that name is in the way (${notes})\n`);
  });

  it('health exits 0 while the feeds are polled on time and 1 once one is overdue, without writing', async () => {
    const feeds = join(dir.dir, 'health-feeds.json');
    writeFileSync(feeds, JSON.stringify({ feeds: [{ id: 'a', url: 'https://a.example/rss', language: 'en', topics: ['news'] }] }));
    const database = join(dir.dir, 'health.db');
    const env = { FEEDS_FILE: feeds, DATABASE_PATH: database };
    expect(await run(join(REPO, 'bin/newsbrief.js'), ['health'], env)).toMatchObject({ code: 1, stdout: `unhealthy: no database at ${database} yet (has newsbrief started?)\n` });
    const db = openDatabase(database);
    const store = createSqliteFeedRepository(db);
    const polledAt = Date.now() - 60_000;
    store.saveFeed({ ...initialFeedRecord('a', 'https://a.example/rss'), lastPolledAt: polledAt, nextPollAt: polledAt + 15 * 60_000 });
    db.close();
    const healthy = await run(join(REPO, 'bin/newsbrief.js'), ['health'], env);
    expect(healthy).toMatchObject({ code: 0, stdout: 'healthy: 1 feed polled on time; last poll 1 min ago\nbot: none runs on this database\n' });

    const stale = openDatabase(database);
    createSqliteFeedRepository(stale).saveFeed({ ...initialFeedRecord('a', 'https://a.example/rss'), lastPolledAt: polledAt - 3_600_000, nextPollAt: Date.now() - 30 * 60_000 });
    stale.close();
    const before = readFileSync(database);
    const overdue = await run(join(REPO, 'bin/newsbrief.js'), ['health', '--grace', '20'], env);
    expect(overdue.code).toBe(1);
    expect(overdue.stdout).toMatch(/^unhealthy: of 1 feed, 1 overdue by more than 20 min \(a 30 min\); last poll 6\d min ago\nbot: none runs on this database\n$/);
    expect(readFileSync(database).equals(before)).toBe(true);
  });

  it('chat answers /digest, /stats and /poll from the same store as the bot', async () => {
    const feeds = join(dir.dir, 'chat-feeds.json');
    writeFileSync(feeds, JSON.stringify({ feeds: [{ id: 'world-news', url: 'http://127.0.0.1:9/none.xml', language: 'en', topics: ['world'] }] }));
    const database = join(dir.dir, 'chat.db');
    const db = openDatabase(database);
    seedBriefings(db, [{ feedId: 'world-news', headline: 'Harbour reopens after the storm', createdAt: Date.now() - 60_000 }]);
    db.close();
    const result = await chat(['chat', '--user', '5', '--verbose'], { FEEDS_FILE: feeds, DATABASE_PATH: database }, '/digest\n/subscribe world\n/digest\n/stats\n/poll\n');
    // With --verbose the failed poll is logged as a warning; nothing is logged as an error (such as a closed database).
    expect(result.stderr).toContain('feed poll failed');
    expect(result.stderr).not.toContain('"level":50');
    expect(result.stdout).toContain('You follow nothing yet, so there is no digest to make.');
    expect(result.stdout).toContain('Your digest');
    expect(result.stdout).toContain('Harbour reopens after the storm');
    expect(result.stdout).toContain('Articles: 1');
    // Nothing listens on port 9: the poll fails, and says so, rather than being cut short.
    expect(result.stdout).toContain('Poll finished: 0 feeds ok, 1 failed:\nworld-news: network error');
    expect(result.stdout).not.toContain('feeds/fetch');
    expect(result.stdout).not.toContain('aborted');
    expect(result.stdout).not.toContain('not available');
  });

  it('chat keeps the log out of the conversation: a failed /reload gets its answer and nothing else', async () => {
    const feeds = join(dir.dir, 'feeds-reload.json');
    writeFileSync(feeds, JSON.stringify({ feeds: [{ id: 'a', url: 'http://127.0.0.1:9/rss', language: 'en', topics: ['world'] }] }));
    const child = spawn(process.execPath, [join(REPO, 'bin/newsbrief.js'), 'chat'], {
      env: { PATH: process.env.PATH ?? '', FEEDS_FILE: feeds, DATABASE_PATH: join(dir.dir, 'reload.db'), LOG_LEVEL: 'info' },
      timeout: 20_000,
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const closed = new Promise((resolve) => child.on('close', resolve));
    // The file breaks only once the chat has read it and answered: /reload then finds the problem.
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        if (stdout.includes('What I can do')) resolve();
      });
      child.stdin.write('/help\n');
    });
    writeFileSync(feeds, JSON.stringify({ feeds: [{ id: 'a', url: '/rss', language: 'en', topics: ['world'] }] }));
    child.stdin.end('/reload\n');
    await closed;
    expect(stdout).toContain('feeds.json was not reloaded');
    expect(stdout).toContain('feeds[0].url: not an absolute http(s) URL (got "/rss")');
    expect(stdout).not.toContain('"level"');
    expect(stderr).toBe('');
  });

  it('chat refuses a --user that is not a numeric Telegram user id, rather than ignoring every line', async () => {
    const feeds = join(dir.dir, 'feeds-user.json');
    writeFileSync(feeds, JSON.stringify({ feeds: [{ id: 'a', url: 'http://127.0.0.1:9/rss', language: 'en', topics: ['world'] }] }));
    const result = await chat(['chat', '--user', 'abc'], { FEEDS_FILE: feeds, DATABASE_PATH: join(dir.dir, 'user.db') }, '/help\n/quit\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('newsbrief: chat: --user must be a numeric Telegram user id (a whole number above 0), not "abc"\n');
    expect(result.stdout).toBe('');
    expect(existsSync(join(dir.dir, 'user.db'))).toBe(false);
  });

  it('chat ends at /quit while the terminal stays open', async () => {
    const feeds = join(dir.dir, 'feeds-quit.json');
    writeFileSync(feeds, JSON.stringify({ feeds: [{ id: 'a', url: 'http://127.0.0.1:9/rss', language: 'en', topics: ['world'] }] }));
    const result = await chat(['chat'], { FEEDS_FILE: feeds, DATABASE_PATH: join(dir.dir, 'quit.db') }, '/help\n/quit\n', true);
    // Killed by the 20 s timeout, the code would be null.
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('What I can do');
  });
});
