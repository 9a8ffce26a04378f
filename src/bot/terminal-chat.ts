import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { Telegram, TelegramError } from 'telegraf';
import type { Update } from 'telegraf/types';
import { htmlToPlainText } from '../telegram/html.js';
import { createBot } from './create-bot.js';
import type { BotDeps } from './deps.js';

/** Who the terminal user is and where the conversation happens. */
export interface TerminalChatOptions {
  readonly input: Readable;
  readonly output: Writable;
  readonly userId: number;
  readonly firstName: string;
  readonly languageCode: string;
}

type Button = { text: string; callback_data?: string };
type Payload = { chat_id?: number | string; message_id?: number; text?: string; reply_markup?: { inline_keyboard?: Button[][] } };

const TERMINAL_BOT = { id: 1, is_bot: true as const, first_name: 'newsbrief', username: 'newsbrief_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };

/** Lines that end the chat besides Ctrl-D. */
const QUIT = /^\/?(quit|exit)$/i;

/**
 * `newsbrief chat`: the real bot (same commands, same store) in a terminal. Lines become
 * Telegram updates handled by the telegraf bot in process; its Bot API calls are answered locally
 * and its messages printed as text. A number presses the numbered button of the last keyboard.
 */
export async function runTerminalChat(deps: BotDeps, options: TerminalChatOptions): Promise<void> {
  // One person at a keyboard cannot flood anyone; piped input may be fast, so no flood control here.
  const bot = createBot(deps, { token: '0:terminal-chat-needs-no-token', apiRoot: 'http://127.0.0.1:9', flood: { burst: 1e9, refillPerSecond: 1e9 }, maxUpdatesInFlight: 0 });
  bot.botInfo = TERMINAL_BOT;
  const print = (text: string) => options.output.write(`${text}\n`);
  let lastButtons: { messageId: number; button: Button }[] = [];
  let nextMessageId = 1;
  let nextUpdateId = 1;

  const show = (messageId: number, payload: Payload, edited: boolean) => {
    print(`\n${edited ? '(edited) ' : ''}${htmlToPlainText(payload.text ?? '')}`);
    const rows = payload.reply_markup?.inline_keyboard ?? [];
    if (rows.length > 0) lastButtons = [];
    for (const row of rows) {
      print(row.map((button) => {
        lastButtons.push({ messageId, button });
        return `[${lastButtons.length}] ${button.text}`;
      }).join('   '));
    }
  };

  // Messages carry their time as Telegram's do: date 0 marks one the bot can no longer reach.
  const sentAt = () => Math.floor(deps.now() / 1000);
  // The bot's Bot API calls, answered locally: it only ever talks to this one private chat.
  const telegram = new Telegram('0:terminal-chat-needs-no-token');
  telegram.callApi = (async (method: string, payload: Payload & { text?: string }) => {
    switch (method) {
      case 'sendMessage': {
        const messageId = nextMessageId++;
        show(messageId, payload, false);
        return { message_id: messageId, date: sentAt(), chat: { id: options.userId, type: 'private' }, text: payload.text };
      }
      case 'editMessageText':
        show(payload.message_id ?? 0, payload, true);
        return true;
      case 'answerCallbackQuery':
        if (payload.text) print(`(${payload.text})`);
        return true;
      case 'getChatMember':
        return { status: 'creator', user: { id: options.userId, is_bot: false, first_name: options.firstName } };
      case 'getChat':
        // Telegram's own answer for an unknown chat, so commands treat it as "not found", not as a failure.
        throw new TelegramError({ error_code: 400, description: 'Bad Request: chat not found' }, { method, payload });
      default:
        return true;
    }
  }) as Telegram['callApi'];
  // Every update's context gets this local Telegram instead of one that would call the network.
  Object.assign(bot.context, { telegram });

  const from = { id: options.userId, is_bot: false, first_name: options.firstName, language_code: options.languageCode };
  const chat = { id: options.userId, type: 'private' as const, first_name: options.firstName };
  print('newsbrief chat: type /help to see the commands, a number to press a button, /quit or Ctrl-D to leave.');
  const lines = createInterface({ input: options.input, terminal: false });
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    // Not a bot command: a terminal's usual way out, so nobody is left hunting for Ctrl-D.
    if (QUIT.test(line)) break;
    const pressed = /^\d+$/.test(line) ? lastButtons[Number(line) - 1] : undefined;
    const update = pressed
      ? { update_id: nextUpdateId++, callback_query: { id: String(nextUpdateId), from, chat_instance: '1', data: pressed.button.callback_data,
          message: { message_id: pressed.messageId, date: sentAt(), chat, text: '' } } }
      : { update_id: nextUpdateId++, message: { message_id: nextMessageId++, date: sentAt(), chat, from, text: line } };
    await bot.handleUpdate(update as unknown as Update);
  }
}
