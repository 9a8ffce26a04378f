import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, until, type RunningApp } from '../helpers/app-process.js';
import { BotApiEmulator } from '../helpers/bot-api-emulator.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';

/**
 * The network dropping in the middle of the start-up exchange: after getMe answered, the webhook
 * removal that long polling begins with loses its connection. That is waited out like a Telegram
 * unreachable at getMe, not a failed start.
 */
const FEED = readFileSync('tests/fixtures/poll/news-v1.xml', 'utf8');
const TOKEN = '123456789:TEST-token-for-the-emulator_xyz';

describe('a network drop during the start-up exchange', () => {
  let feeds: FeedServer;
  let emulator: BotApiEmulator;
  let env: Record<string, string>;
  let app: RunningApp | undefined;

  beforeEach(async () => {
    feeds = await startFeedServer();
    feeds.route('/news.xml', { headers: { 'content-type': 'application/rss+xml; charset=utf-8' }, body: FEED });
    emulator = await new BotApiEmulator().start();
    const dir = mkdtempSync(join(tmpdir(), 'nb-drop-'));
    writeFileSync(join(dir, 'feeds.json'), JSON.stringify({
      feeds: [{ id: 'loopback', url: feeds.url('/news.xml'), language: 'en', topics: ['world'], fullText: 'never' }],
    }));
    env = { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot, FEEDS_FILE: join(dir, 'feeds.json'), DATABASE_PATH: join(dir, 'bot.db') };
  });
  afterEach(async () => {
    app?.child.kill('SIGKILL');
    await emulator.stop();
    await feeds.close();
  });

  it('waits out a connection reset of the webhook removal after getMe and starts', async () => {
    emulator.interruptNext('deleteWebhook', 'reset-before');
    app = startApp(env);
    await until(() => app?.output().includes('"msg":"bot: started"'), 'the bot to start', 30_000);
    expect(app.output()).toMatch(/bot: cannot reach Telegram at http:\/\/127\.0\.0\.1:\d+ \(ECONNRESET\); trying again in 1 s/);
    expect(app.output()).not.toContain('failed to start');
    const reader = { id: 4242, first_name: 'Ada', language_code: 'en' };
    emulator.sendText(reader, '/help');
    await emulator.waitForMessages(reader.id, 1, 0, 10_000);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    expect(app.output()).not.toContain('TEST-token');
  });
});
