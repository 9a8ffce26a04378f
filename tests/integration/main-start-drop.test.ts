import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, startLoopbackFeedFolder, until, type RunningApp } from '../helpers/app-process.js';
import { BotApiEmulator } from '../helpers/bot-api-emulator.js';
import type { FeedServer } from '../helpers/feed-server.js';

/**
 * The network dropping in the middle of the start-up exchange: after getMe answered, the webhook
 * removal that long polling begins with loses its connection. That is waited out like a Telegram
 * unreachable at getMe, not a failed start.
 */
const TOKEN = '123456789:TEST-token-for-the-emulator_xyz';

describe('a network drop during the start-up exchange', () => {
  let feeds: FeedServer;
  let emulator: BotApiEmulator;
  let env: Record<string, string>;
  let app: RunningApp | undefined;

  beforeEach(async () => {
    const folder = await startLoopbackFeedFolder('nb-drop-');
    feeds = folder.feeds;
    emulator = await new BotApiEmulator().start();
    env = { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot, FEEDS_FILE: folder.feedsFile, DATABASE_PATH: join(folder.dir, 'bot.db') };
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
