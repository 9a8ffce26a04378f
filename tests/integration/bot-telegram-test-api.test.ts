import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import telegramTestApi from 'telegram-test-api';
import type { TelegramServer as TelegramServerType } from 'telegram-test-api/lib/telegramServer.js';
import { createBot } from '../../src/bot/create-bot.js';
import { startBot, stopBot, type RunningBot } from '../../src/bot/start-bot.js';
import { createSilentLogger } from '../../src/log.js';
import { openDatabase, type SqliteDatabase } from '../../src/store/database.js';
import { createSqliteSubscriberRepository } from '../../src/store/sqlite/subscriber-repository.js';
import type { SubscriberRepository } from '../../src/store/subscriber-repository.js';
import { FIXED_NOW, TEST_FEEDS } from '../helpers/bot-harness.js';
import { seedBriefings } from '../helpers/seed-briefings.js';
import { freePort } from '../helpers/free-port.js';

// The package's typings declare `export default TelegramServer`, but at runtime it does
// `module.exports = TelegramServer`: depending on the loader the class is the import itself or its `default`.
type ServerClass = typeof TelegramServerType;
const TelegramServer = ((telegramTestApi as unknown as { default?: ServerClass }).default ?? telegramTestApi) as unknown as ServerClass;

const TOKEN = '987654321:third-party-emulator-token_abcdef';
let server: TelegramServerType;
let running: RunningBot;
let db: SqliteDatabase;
let subscribers: SubscriberRepository;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsbrief-tta-'));
  db = openDatabase(join(dir, 'tta.db'));
  seedBriefings(db, [{ feedId: 'bbc-world', headline: 'Third-party headline & more', createdAt: FIXED_NOW }]);
  subscribers = createSqliteSubscriberRepository(db);
  server = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 60 });
  await server.start();
  const logger = createSilentLogger();
  const bot = createBot(
    { subscribers, feeds: () => TEST_FEEDS, adminIds: [], defaults: { timezone: 'UTC', digestTime: '07:30', language: 'en' }, digestCatchUpHours: 3, now: () => FIXED_NOW, logger },
    { token: TOKEN, apiRoot: server.config.apiURL },
  );
  // telegram-test-api has no setMyCommands: the menu fails, is logged, and the bot starts anyway.
  running = await startBot(bot, { webhook: null, defaultLanguage: 'en', logger });
});

afterAll(async () => {
  await stopBot(running, 'test done', 2_000);
  await server.stop();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('against telegram-test-api, a Bot API emulator nobody here wrote', () => {
  it('answers /start with its keyboard, handles the button, and serves /latest', async () => {
    const client = server.getClient(TOKEN, { userId: 5151, chatId: 5151, firstName: 'Tess', timeout: 5_000, interval: 20 });
    await client.sendCommand(client.makeCommand('/start'));
    const welcome = await client.getUpdates();
    const message = welcome.result[0]!.message as unknown as { message_id: number; text: string; reply_markup: unknown };
    expect(message.text).toContain('Hello Tess!');
    const markup = (typeof message.reply_markup === 'string' ? JSON.parse(message.reply_markup) : message.reply_markup) as {
      inline_keyboard: { callback_data: string }[][];
    };
    expect(markup.inline_keyboard[0]![0]!.callback_data).toBe('start:default');

    await client.sendCallback(client.makeCallbackQuery('start:default', { message: { message_id: message.message_id } }));
    await waitUntil(() => (subscribers.find(5151)?.topics.length ?? 0) > 0);
    expect(subscribers.find(5151)?.topics).toEqual(['tech', 'world']);

    await client.sendCommand(client.makeCommand('/latest'));
    const latest = await client.getUpdates();
    const text = (latest.result.at(-1)!.message as unknown as { text: string }).text;
    expect(text).toContain('<b>Third-party headline &amp; more</b>');
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
