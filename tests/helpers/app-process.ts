import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFeedServer, type FeedServer } from './feed-server.js';

/** The bot as `npm start` runs it (`node --import tsx src/main.ts`), a child process, its stdout and stderr gathered into one text. */
export interface RunningApp {
  readonly child: ChildProcess;
  output(): string;
  readonly exited: Promise<number | null>;
}

/** Starts the bot with only PATH, LOG_LEVEL=info and `env` in its environment (logs are JSON: stderr is a pipe). */
export function startApp(env: Record<string, string>): RunningApp {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Resolves with `probe`'s first truthy value, checked every 50 ms; throws naming `what` after `timeoutMs`. */
export async function until<T>(probe: () => T | undefined | null | false, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What the app tests poll: one loopback feed, and a fresh folder whose feeds.json lists only it. */
export interface LoopbackFeedFolder {
  /** Serves the poll fixture news-v1.xml at /news.xml; close it when done. */
  readonly feeds: FeedServer;
  /** A new temporary folder, for feeds.json and the database. */
  readonly dir: string;
  /** `dir`/feeds.json: feed `loopback` (en, topic world, no full text) at the server's /news.xml. */
  readonly feedsFile: string;
}

/** Starts a LoopbackFeedFolder in a temporary folder named after `prefix`; `title` names the feed. */
export async function startLoopbackFeedFolder(prefix: string, title?: string): Promise<LoopbackFeedFolder> {
  const feeds = await startFeedServer();
  const body = readFileSync('tests/fixtures/poll/news-v1.xml', 'utf8');
  feeds.route('/news.xml', { headers: { 'content-type': 'application/rss+xml; charset=utf-8' }, body });
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const feedsFile = join(dir, 'feeds.json');
  const feed = { id: 'loopback', ...(title === undefined ? {} : { title }), url: feeds.url('/news.xml'), language: 'en', topics: ['world'], fullText: 'never' };
  writeFileSync(feedsFile, JSON.stringify({ feeds: [feed] }));
  return { feeds, dir, feedsFile };
}
