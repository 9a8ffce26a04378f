import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, startLoopbackFeedFolder, until, type RunningApp } from '../helpers/app-process.js';
import { BotApiEmulator } from '../helpers/bot-api-emulator.js';
import type { FeedServer } from '../helpers/feed-server.js';

/**
 * The running bot losing its token: revoked in @BotFather (Telegram answers 401), taken by a
 * second instance (409 to the first one's long poll) or by a webhook another program set (409 to
 * every getUpdates). Each stops the bot; it exits 1 with one line saying what to do, so a
 * supervisor sees a failure, not a clean stop. A webhook left on the token at start is removed,
 * as long polling must, and said.
 */
const TOKEN = '123456789:TEST-token-for-the-emulator_xyz';

describe('the token taken from a running bot', () => {
  let feeds: FeedServer;
  let emulator: BotApiEmulator;
  let env: Record<string, string>;
  const apps: RunningApp[] = [];
  const start = (own: Record<string, string> = {}) => {
    const app = startApp({ ...env, ...own });
    apps.push(app);
    return app;
  };

  beforeEach(async () => {
    const folder = await startLoopbackFeedFolder('nb-token-');
    feeds = folder.feeds;
    emulator = await new BotApiEmulator().start();
    env = { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot, FEEDS_FILE: folder.feedsFile, DATABASE_PATH: join(folder.dir, 'bot.db') };
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) app.child.kill('SIGKILL');
    await emulator.stop();
    await feeds.close();
  });

  it('exits 1 with the rejected-token line when the token is revoked while it runs', async () => {
    const app = start();
    await until(() => app.output().includes('"msg":"bot: started"'), 'the bot to start');
    emulator.revokeToken();
    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(/^newsbrief: BOT_TOKEN: http:\/\/127\.0\.0\.1:\d+ rejected the token \(401\); ask @BotFather/m);
    expect(app.output()).toContain('"msg":"stopped"');
    expect(app.output()).not.toMatch(/\n\s+at /);
    expect(app.output()).not.toContain('TEST-token');
  });

  it('stops the first instance when a second one polls with the token, saying so, and the second serves alone', async () => {
    const first = start();
    await until(() => first.output().includes('"msg":"bot: started"'), 'the first bot to start');
    const reader = { id: 4242, first_name: 'Ada', language_code: 'en' };
    emulator.sendText(reader, '/subscribe world');
    await emulator.waitForMessages(reader.id, 1, 0, 10_000);

    // Its own database: on the first one's it would refuse to start (one bot per database).
    const second = start({ DATABASE_PATH: `${env.DATABASE_PATH}-second` });
    expect(await first.exited).toBe(1);
    expect(first.output()).toMatch(/^newsbrief: BOT_TOKEN: another program uses this token \(.*409: Conflict: terminated by other getUpdates request/m);
    expect(first.output()).not.toMatch(/\n\s+at /);

    await until(() => second.output().includes('"msg":"bot: started"'), 'the second bot to start');
    emulator.sendText(reader, '/help');
    await emulator.waitForMessages(reader.id, 1, 1, 10_000);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(emulator.messagesTo(reader.id)).toHaveLength(2);
  });

  it('exits 1 saying so when another program sets a webhook on the token while it long-polls', async () => {
    const app = start();
    await until(() => app.output().includes('"msg":"bot: started"'), 'the bot to start');
    const reader = { id: 4242, first_name: 'Ada', language_code: 'en' };
    emulator.sendText(reader, '/help');
    await emulator.waitForMessages(reader.id, 1, 0, 10_000);
    await fetch(`${emulator.apiRoot}/bot${TOKEN}/setWebhook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: 'https://other.example/hook' }) });
    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(/^newsbrief: BOT_TOKEN: another program uses this token \(.*409: Conflict: terminated by setWebhook request/m);
  });

  it('says so when starting removes a webhook another program left on the token', async () => {
    emulator.setWebhookUrl('https://other.example/hook-secret-path');
    const app = start();
    await until(() => app.output().includes('"msg":"bot: started"'), 'the bot to start');
    expect(emulator.webhookUrl).toBe('');
    expect(app.output()).toMatch(/"level":40,.*"msg":"bot: a webhook to other\.example was set on this token; long polling removes it/);
    expect(app.output()).not.toContain('hook-secret-path');
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
  });
});
