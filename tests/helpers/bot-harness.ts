import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Telegraf } from 'telegraf';
import { createBot, type BotOptions } from '../../src/bot/create-bot.js';
import type { BotDeps } from '../../src/bot/deps.js';
import type { FloodOptions } from '../../src/bot/flood-gate.js';
import { startBot, stopBot, type RunningBot } from '../../src/bot/start-bot.js';
import type { FeedSpec } from '../../src/core/types.js';
import { openDatabase, type SqliteDatabase } from '../../src/store/database.js';
import { createSqliteSubscriberRepository } from '../../src/store/sqlite/subscriber-repository.js';
import { BotApiEmulator, type EmulatorOptions } from './bot-api-emulator.js';

/** A small, fixed set of feeds for bot tests (two languages, shared topics, a hostile title). */
export const TEST_FEEDS: readonly FeedSpec[] = [
  feed('nos-algemeen', 'NOS Nieuws', 'nl', ['netherlands', 'world']),
  feed('bbc-world', 'BBC News World', 'en', ['world']),
  feed('bbc-tech', 'BBC Technology', 'en', ['tech']),
  feed('evil', 'Evil <Feed> & "Co"', 'en', ['tech']),
];

function feed(id: string, title: string, language: string, topics: string[]): FeedSpec {
  return { id, url: `https://feeds.example/${id}`, title, language, topics, enabled: true, fullText: 'auto', weight: 1 };
}

export const ADMIN_ID = 42;
/** A fixed instant: Monday 5 January 2026, 09:00 UTC. */
export const FIXED_NOW = Date.UTC(2026, 0, 5, 9, 0, 0);

export interface Harness {
  readonly emulator: BotApiEmulator;
  readonly db: SqliteDatabase;
  readonly deps: BotDeps;
  readonly bot: Telegraf;
  readonly running: RunningBot;
  /** Every log line the bot wrote, as JSON text. */
  readonly logLines: string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly deps?: Partial<BotDeps>;
  readonly flood?: FloodOptions;
  /** How long a chat's /latest or /digest may hold up the chat's next (the bot's default when absent). */
  readonly chatHoldMs?: BotOptions['chatHoldMs'];
  readonly emulator?: EmulatorOptions;
  readonly prepare?: (emulator: BotApiEmulator) => void;
}

/** A temp database, the emulator and a long-polling bot wired to both; `close` tears it all down. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbrief-bot-'));
  const db = openDatabase(join(dir, 'test.db'));
  const emulator = await new BotApiEmulator(options.emulator).start();
  options.prepare?.(emulator);
  const logLines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) });
  const deps: BotDeps = {
    subscribers: createSqliteSubscriberRepository(db),
    feeds: () => TEST_FEEDS,
    adminIds: [ADMIN_ID],
    defaults: { timezone: 'Europe/Amsterdam', digestTime: '07:30', language: 'en' },
    digestCatchUpHours: 3,
    now: () => FIXED_NOW,
    logger,
    ...options.deps,
  };
  const bot = createBot(deps, { token: emulator.token, apiRoot: emulator.apiRoot, flood: options.flood ?? { burst: 10_000, refillPerSecond: 1_000 }, chatHoldMs: options.chatHoldMs });
  const running = await startBot(bot, { webhook: null, defaultLanguage: 'en', logger });
  return {
    emulator, db, deps, bot, running, logLines,
    async close() {
      await stopBot(running, 'test done', 2_000);
      await emulator.stop();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Users and chats used across scenarios. */
export const ANNA = { id: 1001, first_name: 'Anna', language_code: 'nl' } as const;
export const BEN = { id: 1002, first_name: 'Ben', language_code: 'en-GB' } as const;

/** A user says `text` (in a private chat unless `chat` is given); resolves with the next `expected` replies. */
export async function say(
  h: Harness,
  from: { id: number; first_name?: string; language_code?: string },
  text: string,
  chat?: { id: number; type: 'private' | 'group' | 'supergroup' | 'channel'; title?: string },
  expected = 1,
) {
  const chatId = chat?.id ?? from.id;
  const before = h.emulator.messagesTo(chatId).length;
  h.emulator.sendText(from, text, chat);
  return h.emulator.waitForMessages(chatId, expected, before);
}

/** A user presses a button; resolves once the bot answered the callback query. */
export async function press(h: Harness, from: { id: number; language_code?: string }, message: import('./bot-api-emulator.js').SentMessage, data: string, chat?: { id: number; type: 'private' | 'group' | 'supergroup' | 'channel' }) {
  const answered = h.emulator.callsOf('answerCallbackQuery').length;
  h.emulator.pressButton(from, message, data, chat);
  await h.emulator.waitFor(() => h.emulator.callsOf('answerCallbackQuery').length > answered);
  return h.emulator.callsOf('answerCallbackQuery').at(-1)!;
}

/** The callback data of every button under a message. */
export function buttons(message: { reply_markup?: { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined }) {
  return (message.reply_markup?.inline_keyboard ?? []).flat();
}
