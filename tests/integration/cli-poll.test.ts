import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedResponse, startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { pollFixture, tempDir } from '../helpers/poll-harness.js';

const BIN = fileURLToPath(new URL('../../bin/newsbrief.js', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/poll/', import.meta.url));

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Articles stored in the database at `path` so far; 0 while it is not there or not set up yet. */
function storedArticles(path: string): number {
  if (!existsSync(path)) return 0;
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

let server: FeedServer;
let dir: { dir: string; cleanup: () => void };
let env: Record<string, string>;

function writeFeeds(name: string, feeds: Array<{ id: string; path: string }>): string {
  const path = join(dir.dir, name);
  writeFileSync(path, JSON.stringify({ feeds: feeds.map((f) => ({ id: f.id, url: server.url(f.path), language: 'en', topics: ['news'] })) }));
  return path;
}

beforeAll(async () => {
  server = await startFeedServer();
  dir = tempDir();
  server.route('/cli/news.xml', feedResponse(pollFixture('news-v1.xml'), { etag: '"n1"' }));
  server.route('/cli/atom.xml', feedResponse(pollFixture('atom.xml'), { etag: '"a1"' }));
  server.route('/cli/gone.xml', { status: 410, body: 'gone' });
  server.route('/cli/junk.bin', { headers: { 'content-type': 'application/rss+xml' }, body: Uint8Array.from({ length: 2000 }, (_, i) => (i * 7919 + 13) % 251) });
  env = {
    FEEDS_FILE: writeFeeds('feeds.json', [{ id: 'news', path: '/cli/news.xml' }, { id: 'atom', path: '/cli/atom.xml' }, { id: 'gone', path: '/cli/gone.xml' }]),
    DATABASE_PATH: join(dir.dir, 'cli.db'),
  };
});
afterAll(async () => {
  await server.close();
  dir.cleanup();
});

describe('newsbrief poll --once', () => {
  it('polls every feed, prints a table and exits 2 when some feeds failed and the others worked', async () => {
    const first = await cli(['poll', '--once'], env);
    expect(first.code).toBe(2);
    expect(first.stdout).toMatch(/^feed\s+result\s+new\s+updated\s+unchanged\s+detail/m);
    expect(first.stdout).toMatch(/^news\s+ok\s+3\s+0\s+0\s*$/m);
    expect(first.stdout).toMatch(/^atom\s+ok\s+2\s+0\s+0\s*$/m);
    expect(first.stdout).toMatch(/^gone\s+failed\s+feeds\/fetch: HTTP 410 for http:\/\/127\.0\.0\.1:\d+\/cli\/gone\.xml/m);
    expect(first.stdout).toContain('3 feeds polled: 2 ok, 1 failed, 5 new articles');
    // Not a TTY: one progress line per feed on stderr.
    expect(first.stderr).toMatch(/^\[\d\/3\] news ok 3 new$/m);

    const second = await cli(['poll', '--once'], env);
    expect(second.code).toBe(2);
    expect(second.stdout).toMatch(/^news\s+not modified\s*$/m);
  });

  it('knows the articles of a feed renamed in feeds.json at the same URL: none is new under its new id', async () => {
    const own = { DATABASE_PATH: join(dir.dir, 'renamed.db') };
    server.route('/cli/plain.xml', feedResponse(pollFixture('news-v1.xml')));
    const before = await cli(['poll', '--once'], { ...own, FEEDS_FILE: writeFeeds('before-rename.json', [{ id: 'news', path: '/cli/plain.xml' }]) });
    expect(before.stdout).toMatch(/^news\s+ok\s+3\s+0\s+0\s*$/m);
    const after = await cli(['poll', '--once'], { ...own, FEEDS_FILE: writeFeeds('after-rename.json', [{ id: 'headlines', path: '/cli/plain.xml' }]) });
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/^headlines\s+ok\s+0\s+0\s+3\s*$/m);
    const db = new Database(own.DATABASE_PATH, { readonly: true });
    expect(db.prepare('SELECT DISTINCT feed_id FROM articles UNION SELECT feed_id FROM feeds').pluck().all()).toEqual(['headlines']);
    db.close();
    // Two runs of the CLI, each a fresh Node process.
  }, 60_000);

  it('exits 1 when every feed failed', async () => {
    const allBad = { ...env, FEEDS_FILE: writeFeeds('bad.json', [{ id: 'gone', path: '/cli/gone.xml' }, { id: 'nothing', path: '/cli/nothing.xml' }]), DATABASE_PATH: join(dir.dir, 'bad.db') };
    const run = await cli(['poll', '--once'], allBad);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('2 feeds polled: 0 ok, 2 failed');
  });

  it('refuses an unknown --feed id before polling anything, with the id it most likely meant', async () => {
    const database = join(dir.dir, 'unknown-feed.db');
    const hitsBefore = server.hits('/cli/news.xml');
    const run = await cli(['poll', '--once', '--feed', 'news,atomm'], { ...env, DATABASE_PATH: database });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('newsbrief: poll: unknown feed id: atomm (did you mean atom?); `newsbrief feeds` lists them\n');
    expect(server.hits('/cli/news.xml')).toBe(hitsBefore);
    expect(existsSync(database)).toBe(false);
  });

  it('takes --feed ids separated by commas as well as by spaces, and exits 0 when no feed failed', async () => {
    const run = await cli(['poll', '--once', '--feed', 'news,atom'], { ...env, DATABASE_PATH: join(dir.dir, 'commas.db') });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 feeds polled: 2 ok');
    expect(run.stdout).not.toMatch(/^gone/m);
  });

  it('exits 130 on Ctrl-C, keeping what was polled and showing the unfinished feed as not polled', async () => {
    server.route('/cli/hangs.xml', () => {}); // never answers: the poll is still waiting when interrupted
    const feeds = writeFeeds('hangs.json', [{ id: 'news', path: '/cli/news.xml' }, { id: 'hangs', path: '/cli/hangs.xml' }]);
    const database = join(dir.dir, 'interrupted.db');
    const child = execFile(process.execPath, [BIN, 'poll', '--once'], { env: { PATH: process.env.PATH ?? '', ...env, FEEDS_FILE: feeds, DATABASE_PATH: database } });
    let stdout = '';
    child.stdout?.on('data', (chunk: string) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Interrupted once the other feed is stored and this one is waiting for its answer.
    while (server.hits('/cli/hangs.xml') === 0 || storedArticles(database) < 3) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stdout).toMatch(/^news\s+ok\s+3\b/m);
    expect(stdout).toMatch(/^hangs\s+(?:skipped|failed)\b/m);
  });

  it('refuses to run without --once, saying what --once does, and its --help says --once is required', async () => {
    const bare = await cli(['poll'], {});
    expect(bare.code).toBe(1);
    expect(bare.stderr).toBe('newsbrief: poll: add --once: `newsbrief poll --once` polls every enabled feed now and exits; the bot polls on its own schedule (npm start)\n');
    const help = await cli(['poll', '--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('--once is required');
    expect(help.stdout).not.toContain('with --once');
    expect(help.stdout).toMatch(/^ {2}2 {2}some feeds failed .*; the others were polled and stored$/m);
    expect(help.stdout).toMatch(/^ {2}130, 143 {2}interrupted by Ctrl-C/m);
  });
});

describe('newsbrief feeds', () => {
  it('shows each feed with its health from the database', async () => {
    const run = await cli(['feeds'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^news\s+ok\s+3\s+\d{4}-\d\d-\d\d \d\d:\d\dZ/m);
    expect(run.stdout).toMatch(/^gone\s+failing\s+0\s+never\s+.*\s2x feeds\/fetch: HTTP 410/m);
    const json = await cli(['feeds', '--json'], env);
    const health = JSON.parse(json.stdout) as Array<{ id: string; status: string; consecutiveFailures: number; lastError: string | null }>;
    expect(health.find((feed) => feed.id === 'gone')).toMatchObject({ status: 'failing', consecutiveFailures: 2 });
    expect(health.find((feed) => feed.id === 'atom')).toMatchObject({ status: 'ok', lastError: null });
  });
});

describe('newsbrief feeds without a database', () => {
  it('lists every feed as never polled and creates no database file', async () => {
    const missing = join(dir.dir, 'not-yet', 'newsbrief.db');
    const run = await cli(['feeds'], { ...env, DATABASE_PATH: missing });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^news\s+never polled/m);
    expect(run.stderr).toContain(`no database at ${missing} yet`);
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(join(dir.dir, 'not-yet'))).toBe(false);
  });
});

describe('newsbrief parse', () => {
  it('prints the normalised articles of a file as JSON, as the poller would store them', async () => {
    const run = await cli(['parse', join(FIXTURES, 'news-v1.xml'), '--json'], {});
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout) as { title: string; encoding: string; articles: Array<{ id: string; publishedAt: number; publishedAtFromFeed: boolean; contentHash: string }> };
    expect(parsed.title).toBe('Loopback News');
    expect(parsed.encoding).toBe('utf-8');
    expect(parsed.articles.map((a) => a.id)).toEqual(['guid:loopback-1001', 'guid:loopback-1002', 'guid:loopback-1003']);
    expect(parsed.articles[2]).toMatchObject({ publishedAtFromFeed: false, publishedAt: expect.any(Number), contentHash: expect.stringMatching(/^[0-9a-f]{16}$/) });
  });

  it('fetches a URL and prints a readable summary', async () => {
    const run = await cli(['parse', server.url('/cli/atom.xml')], {});
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Loopback Atom - 2 articles, oldest first as they are stored\nread as utf-8\n');
    expect(run.stdout).toContain('url:       https://atom.example.test/blog/posts/harbour');
    // The document lists harbour (6 May) before museum (5 May); the poller stores museum first.
    expect(run.stdout.indexOf('posts/museum')).toBeLessThan(run.stdout.indexOf('posts/harbour'));
  });

  it('reports an HTML page or a failed fetch in one line and exits 1', async () => {
    const page = await cli(['parse', join(FIXTURES, 'not-a-feed.html')], {});
    expect(page.code).toBe(1);
    expect(page.stderr.trim()).toMatch(/^newsbrief: parse: \S+\/not-a-feed\.html: the document is an HTML page/);
    expect(page.stderr).not.toContain('"parse"');
    const gone = await cli(['parse', server.url('/cli/gone.xml')], {});
    expect(gone.code).toBe(1);
    expect(gone.stderr.trim()).toMatch(/^newsbrief: feeds\/fetch: HTTP 410 for /);
    expect(gone.stderr).not.toContain('    at ');
  });

  it('names the URL given, not a feed id, when the document is not a feed', async () => {
    const junk = await cli(['parse', server.url('/cli/junk.bin')], {});
    expect(junk.code).toBe(1);
    expect(junk.stderr).toBe(`newsbrief: parse: ${server.url('/cli/junk.bin')}: not XML (the body looks like binary data)\n`);
  });
});

describe('newsbrief housekeep', () => {
  it('clears what is older than RETENTION_DAYS now, and --vacuum shrinks the file', async () => {
    const own = { ...env, DATABASE_PATH: join(dir.dir, 'housekeep.db'), RETENTION_DAYS: '30' };
    // 2: the feed at /cli/gone.xml fails, the others are stored.
    expect((await cli(['poll', '--once'], own)).code).toBe(2);
    const fresh = await cli(['housekeep'], own);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain('Older than 30 days: cleared the text of 0 articles');

    // Forty days later, as far as the database can tell, and with long texts (400 KB each) to free.
    const db = new Database(own.DATABASE_PATH);
    db.prepare('UPDATE articles SET first_seen_at = first_seen_at - ?, content = ?').run(40 * 24 * 60 * 60_000, 'x'.repeat(400_000));
    // An article page fetched for full text two days ago, past its day of reuse.
    db.prepare('INSERT INTO fetched_pages (page_key, fetched_at, text, title) VALUES (?, ?, NULL, NULL)').run('https://news.example/a', Date.now() - 2 * 24 * 60 * 60_000);
    db.close();
    const old = await cli(['housekeep', '--vacuum'], own);
    expect(old.code).toBe(0);
    expect(old.stdout).toContain('Older than 30 days: cleared the text of 5 articles');
    expect(old.stdout).toContain('Older than a day: deleted 1 fetched article pages');
    const sizes = /^Vacuuming .*housekeep\.db \((\d+\.\d) MB\)\.\.\.\nDone: (\d+\.\d) MB\.$/m.exec(old.stdout);
    expect(Number(sizes?.[1])).toBeGreaterThan(Number(sizes?.[2]) + 1.5);
    const after = new Database(own.DATABASE_PATH, { readonly: true });
    expect(after.prepare("SELECT count(*) AS n FROM articles WHERE summary != '' OR content != ''").get()).toEqual({ n: 0 });
    after.close();
  });
});
