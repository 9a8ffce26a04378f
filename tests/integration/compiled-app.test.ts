import { execFile, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { tempDir } from '../helpers/poll-harness.js';

/**
 * What the Docker image runs, short of Docker: the build stage's `tsc -p tsconfig.build.json`,
 * then `node dist/src/main.js` from a folder holding only dist/, bin/, package.json and
 * node_modules (no src/, no tsx). It must poll a feed through the compiled parse worker,
 * condense and store it, and stop on SIGTERM; the compiled CLI must run too.
 */
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

let dir: { dir: string; cleanup: () => void };
let feeds: FeedServer;

beforeAll(async () => {
  dir = tempDir();
  await run(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', join(REPO, 'tsconfig.build.json'), '--outDir', join(dir.dir, 'dist')], { timeout: 120_000 });
  copyFileSync(join(REPO, 'package.json'), join(dir.dir, 'package.json'));
  // Copied, not linked: bin/newsbrief.js picks src/ or dist/ next to its real path.
  mkdirSync(join(dir.dir, 'bin'));
  copyFileSync(join(REPO, 'bin/newsbrief.js'), join(dir.dir, 'bin/newsbrief.js'));
  symlinkSync(join(REPO, 'node_modules'), join(dir.dir, 'node_modules'), 'dir');
  feeds = await startFeedServer();
  feeds.route('/news.xml', { headers: { 'content-type': 'application/rss+xml; charset=utf-8' }, body: readFileSync(join(REPO, 'tests/fixtures/poll/news-v1.xml'), 'utf8') });
  writeFileSync(join(dir.dir, 'feeds.json'), JSON.stringify({
    feeds: [{ id: 'loopback', url: feeds.url('/news.xml'), language: 'en', topics: ['world'], fullText: 'never' }],
  }));
}, 150_000);
afterAll(async () => {
  await feeds.close();
  dir.cleanup();
});

const env = () => ({ PATH: process.env.PATH ?? '', FEEDS_FILE: join(dir.dir, 'feeds.json'), DATA_DIR: join(dir.dir, 'data'), LOG_LEVEL: 'info' });

describe('the compiled application, as the Docker image runs it', () => {
  it('polls, parses in its worker, checkpoints in another, condenses and stores, then stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['dist/src/main.js'], { cwd: dir.dir, env: { ...env(), LOG_LEVEL: 'debug' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const deadline = Date.now() + 30_000;
      const done = () => output.includes('poll tick finished') && output.includes('"msg":"store: WAL checkpoint"');
      while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(output).toContain('poll tick finished');
      // The pool warns when its compiled worker cannot start or dies, then parses in the main thread;
      // the checkpointer likewise, then leaves checkpoints to SQLite in the main thread.
      expect(output).not.toContain('feeds/parse-pool:');
      expect(output).not.toContain('WAL checkpoint worker');
      expect(output).toContain('"msg":"store: WAL checkpoint"');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
    const db = openDatabase(join(dir.dir, 'data', 'newsbrief.db'));
    try {
      const titles = db.prepare<[], { title: string; status: string }>(
        'SELECT a.title, b.status FROM articles a JOIN briefings b ON b.article_seq = a.seq ORDER BY a.seq',
      ).all();
      expect(titles.length).toBeGreaterThan(0);
      expect(titles[0]).toEqual({ title: 'Council approves new bridge', status: 'ok' });
    } finally {
      db.close();
    }
  });

  it('reports the poller healthy to the HEALTHCHECK command after that poll', async () => {
    const { stdout } = await run(process.execPath, ['bin/newsbrief.js', 'health'], { cwd: dir.dir, env: env(), timeout: 20_000 });
    expect(stdout).toMatch(/^healthy: 1 feed polled on time; last poll \d+ min ago\nbot: none runs on this database\n$/);
  });

  it('runs the CLI from dist/ through bin/newsbrief.js', async () => {
    const { stdout } = await run(process.execPath, ['bin/newsbrief.js', 'parse', join(REPO, 'tests/fixtures/poll/news-v1.xml'), '--json'], { cwd: dir.dir, env: env(), timeout: 20_000 });
    const parsed = JSON.parse(stdout) as { title: string; articles: Array<{ title: string }> };
    expect(parsed.title).toBe('Loopback News');
    expect(parsed.articles.map((article) => article.title)).toContain('Council approves new bridge');
  });
});
