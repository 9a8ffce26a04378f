import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, startLoopbackFeedFolder, until, type RunningApp } from '../helpers/app-process.js';
import { BotApiEmulator } from '../helpers/bot-api-emulator.js';
import type { FeedServer } from '../helpers/feed-server.js';
import { freePort } from '../helpers/free-port.js';

/**
 * The whole application as an operator runs it (`tsx src/main.ts`), against a loopback feed and
 * the Bot API emulator: the feed is polled and condensed at start, a reader subscribes and gets
 * the briefing, and SIGTERM shuts everything down cleanly.
 */
const FEED = readFileSync('tests/fixtures/poll/news-v1.xml', 'utf8');

describe('newsbrief as a process', () => {
  let feeds: FeedServer;
  let emulator: BotApiEmulator;
  let dir: string;

  beforeAll(async () => {
    ({ feeds, dir } = await startLoopbackFeedFolder('nb-e2e-', 'Loopback News'));
    emulator = await new BotApiEmulator().start();
  });
  afterAll(async () => {
    await emulator.stop();
    await feeds.close();
  });

  it('polls at start, serves the briefing in Telegram and stops on SIGTERM', async () => {
    const app = startApp({
      BOT_TOKEN: '123456789:TEST-token-for-the-emulator_xyz',
      TELEGRAM_API_ROOT: emulator.apiRoot,
      FEEDS_FILE: join(dir, 'feeds.json'),
      DATABASE_PATH: join(dir, 'bot.db'),
    });
    try {
      await until(() => app.output().includes('"msg":"bot: started"'), 'the bot to start');
      await until(() => feeds.hits('/news.xml') > 0 && app.output().includes('poll tick finished'), 'the first poll');
      expect(emulator.callsOf('setMyCommands').length).toBeGreaterThan(0);

      const reader = { id: 4242, first_name: 'Ada', language_code: 'en' };
      emulator.sendText(reader, '/subscribe world');
      await emulator.waitForMessages(reader.id, 1, 0, 10_000);
      emulator.sendText(reader, '/latest');
      const [latest] = await emulator.waitForMessages(reader.id, 1, 1, 10_000);
      expect(latest?.text).toContain('Council approves new bridge');
      expect(latest?.text).toContain('The city council approved the new bridge on Monday.');
      expect(app.output()).not.toContain('TEST-token-for-the-emulator');

      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
      expect(app.output()).toContain('"msg":"stopped"');
    } finally {
      app.child.kill('SIGKILL');
    }
  });

  it('without BOT_TOKEN explains how to get one and keeps polling until stopped', async () => {
    const app = startApp({ FEEDS_FILE: join(dir, 'feeds.json'), DATABASE_PATH: join(dir, 'no-token.db') });
    try {
      await until(() => app.output().includes('poll tick finished'), 'the first poll');
      expect(app.output()).toContain('@BotFather');
      expect(app.output()).toContain('npx newsbrief chat');
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
    } finally {
      app.child.kill('SIGKILL');
    }
  });

  it('warns at start when feeds.json leaves nothing to poll, and keeps running for a reload', async () => {
    writeFileSync(join(dir, 'no-feeds.json'), '[]');
    const app = startApp({ FEEDS_FILE: join(dir, 'no-feeds.json'), DATABASE_PATH: join(dir, 'no-feeds.db') });
    try {
      await until(() => app.output().includes('"msg":"newsbrief started"'), 'the start');
      await until(() => app.output().includes('no feeds to poll: it lists no feeds'), 'the warning');
      expect(app.output()).toMatch(/"level":40,.*"msg":"[^"]*no-feeds\.json: no feeds to poll: it lists no feeds;/);
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
    } finally {
      app.child.kill('SIGKILL');
    }
  });

  it('warns at start about a variable that looks like a misspelled setting, and keeps running', async () => {
    const app = startApp({ FEEDS_FILE: join(dir, 'feeds.json'), DATABASE_PATH: join(dir, 'misspelled.db'), DIGEST_TIME: '08:00', HOME: '/root' });
    try {
      await until(() => app.output().includes('"msg":"newsbrief started"'), 'the start');
      expect(app.output()).toMatch(/"level":40,.*"msg":"DIGEST_TIME is not a newsbrief setting \(did you mean DEFAULT_DIGEST_TIME\?\)"/);
      expect(app.output()).not.toContain('HOME');
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
    } finally {
      app.child.kill('SIGKILL');
    }
  });

  it('names a misspelled setting before the start problem it may explain', async () => {
    const app = startApp({ FEEDS_FILE: join(dir, 'none.json'), FEED_FILE: join(dir, 'feeds.json'), DATABASE_PATH: join(dir, 'feed-file.db') });
    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(/^newsbrief: warning: FEED_FILE is not a newsbrief setting \(did you mean FEEDS_FILE\?\)\nnewsbrief: .*none\.json/);
  });

  it('reloads feeds.json on SIGHUP: a broken file changes nothing, a good one is served and its new feed polled at once', async () => {
    const feedsFile = join(dir, 'reload-feeds.json');
    const first = { id: 'loopback', title: 'Loopback News', url: feeds.url('/news.xml'), language: 'en', topics: ['world'], fullText: 'never' };
    const second = { id: 'second', title: 'Second News', url: feeds.url('/second.xml'), language: 'nl', topics: ['world'], fullText: 'never' };
    feeds.route('/second.xml', { headers: { 'content-type': 'application/rss+xml; charset=utf-8' }, body: FEED });
    writeFileSync(feedsFile, JSON.stringify({ feeds: [first] }));
    const app = startApp({ FEEDS_FILE: feedsFile, DATABASE_PATH: join(dir, 'reload.db') });
    try {
      await until(() => app.output().includes('poll tick finished'), 'the first poll');
      writeFileSync(feedsFile, JSON.stringify({ feeds: [first, { ...second, url: 'second.xml' }] }));
      app.child.kill('SIGHUP');
      await until(() => app.output().includes('feeds.json not reloaded'), 'the refused reload');
      expect(app.output()).toContain('feeds[1].url: not an absolute http(s) URL');
      expect(feeds.hits('/second.xml')).toBe(0);

      writeFileSync(feedsFile, JSON.stringify({ feeds: [first, second] }));
      app.child.kill('SIGHUP');
      await until(() => app.output().includes('"msg":"feeds.json reloaded"'), 'the reload');
      await until(() => feeds.hits('/second.xml') > 0 && app.output().includes('"feed_id":"second"'), 'the new feed to be polled');
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
    } finally {
      app.child.kill('SIGKILL');
    }
  });

  // util-linux's `script` gives the bot a terminal, as `npm start` in a shell has.
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('stops cleanly on SIGHUP in a terminal (the terminal closed), instead of reloading', async () => {
    const env = { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', FEEDS_FILE: join(dir, 'feeds.json'), DATABASE_PATH: join(dir, 'tty.db') };
    const child = spawn('script', ['-qfc', `exec ${process.execPath} --import tsx src/main.ts`, '/dev/null'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await until(() => output.includes('poll tick finished'), 'the first poll');
      const bot = spawnSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' }).stdout.trim();
      expect(bot).toMatch(/^\d+$/);
      process.kill(Number(bot), 'SIGHUP');
      expect(await exited).toBe(0);
      expect(output).toContain('shutting down');
      expect(output).toContain('SIGHUP');
      expect(output).not.toContain('feeds.json reloaded');
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('reports a rejected token in one line and exits 1', async () => {
    const app = startApp({
      BOT_TOKEN: '999:WRONG-token-that-the-emulator-rejects',
      TELEGRAM_API_ROOT: emulator.apiRoot,
      FEEDS_FILE: join(dir, 'feeds.json'),
      DATABASE_PATH: join(dir, 'wrong.db'),
    });
    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(/newsbrief: BOT_TOKEN: .* rejected the token/);
    expect(app.output()).not.toContain('WRONG-token');
    expect(app.output()).not.toMatch(/\n\s+at /);
  });

  it('refuses arguments meant for the command line instead of starting the bot, and exits 2', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', 'brief', 'article.txt'], {
      env: { PATH: process.env.PATH ?? '', FEEDS_FILE: join(dir, 'feeds.json'), DATABASE_PATH: join(dir, 'args.db') },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('npx newsbrief brief article.txt');
    expect(existsSync(join(dir, 'args.db'))).toBe(false);
  });

  it('refuses a bad feeds.json with the located problem and no stack trace', async () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ feeds: [{ id: 'x', url: 'not a url', language: 'nl', topics: ['a'] }] }));
    const app = startApp({ FEEDS_FILE: join(dir, 'bad.json'), DATABASE_PATH: join(dir, 'bad.db') });
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain('bad.json: feeds[0].url: not an absolute http(s) URL');
    expect(app.output()).not.toMatch(/\n\s+at /);
  });

  it('refuses a database file that is not one, names it, exits 1 and leaves it as it was', async () => {
    const notes = join(dir, 'notes.db');
    writeFileSync(notes, 'my notes, not a database: keep them\n'.repeat(20));
    const app = startApp({ FEEDS_FILE: join(dir, 'feeds.json'), DATABASE_PATH: notes });
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain(`newsbrief: ${notes}: not an SQLite database`);
    expect(app.output()).not.toMatch(/\n\s+at /);
    expect(readFileSync(notes, 'utf8')).toBe('my notes, not a database: keep them\n'.repeat(20));
  });

  /** The app with a bot token, pointed at a loopback port where no Bot API listens (yet). */
  async function startWithoutTelegram(database: string): Promise<{ app: RunningApp; port: number }> {
    const port = await freePort();
    const app = startApp({
      BOT_TOKEN: '123456789:TEST-token-for-the-emulator_xyz',
      TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`,
      FEEDS_FILE: join(dir, 'feeds.json'),
      DATABASE_PATH: join(dir, database),
    });
    return { app, port };
  }

  it('keeps polling while Telegram cannot be reached, and starts the bot once it answers', async () => {
    const { app, port } = await startWithoutTelegram('late-telegram.db');
    const late = new BotApiEmulator();
    try {
      await until(() => app.output().includes(`bot: cannot reach Telegram at http://127.0.0.1:${port} (ECONNREFUSED); trying again in 1 s`), 'the first retry');
      await until(() => app.output().includes('poll tick finished'), 'the first poll, without Telegram');
      expect(app.output()).not.toContain('"msg":"bot: started"');
      await late.start(port);
      await until(() => app.output().includes('"msg":"bot: started"'), 'the bot to start once Telegram answers', 30_000);
      const reader = { id: 77, first_name: 'Bea', language_code: 'en' };
      late.sendText(reader, '/subscribe world');
      await late.waitForMessages(reader.id, 1, 0, 10_000);
      expect(app.output()).not.toContain('TEST-token-for-the-emulator');
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
    } finally {
      app.child.kill('SIGKILL');
      await late.stop();
    }
  });

  it('stops at once on SIGTERM while still waiting for Telegram', async () => {
    const { app, port } = await startWithoutTelegram('no-telegram.db');
    try {
      await until(() => app.output().includes('bot: cannot reach Telegram'), 'the first retry');
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
      expect(app.output()).toContain('"msg":"stopped"');
      expect(app.output()).not.toContain('failed to start');
    } finally {
      app.child.kill('SIGKILL');
    }
  });
});
