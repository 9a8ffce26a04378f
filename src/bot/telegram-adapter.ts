import type { Telegram } from 'telegraf';
import { TelegramError } from 'telegraf';
import { TELEGRAM_MAX_MESSAGE_LENGTH } from '../telegram/html.js';
import { splitMessage, truncateHtml } from '../telegram/split-message.js';
import type { ChatApi, Keyboard } from './command.js';

/** The send options every bot message carries: HTML, link previews off, optional buttons and topic. */
function messageExtra(keyboard?: Keyboard, threadId?: number) {
  return {
    parse_mode: 'HTML' as const,
    link_preview_options: { is_disabled: true },
    ...(threadId === undefined ? {} : { message_thread_id: threadId }),
    ...(keyboard === undefined ? {} : {
      reply_markup: { inline_keyboard: keyboard.map((row) => row.map((button) => ({ text: button.text, callback_data: button.data }))) },
    }),
  };
}

/**
 * Sends Telegram HTML to a chat. An answer longer than Telegram takes (4,096 characters) goes as
 * several messages split between lines, the buttons under the last, rather than not at all.
 */
export async function sendHtml(telegram: Telegram, chatId: number, html: string, keyboard?: Keyboard, threadId?: number): Promise<void> {
  const parts = html.length <= TELEGRAM_MAX_MESSAGE_LENGTH ? [html] : splitMessage(html.split('\n'), TELEGRAM_MAX_MESSAGE_LENGTH, '\n');
  for (const [index, part] of parts.entries()) {
    await telegram.sendMessage(chatId, part, messageExtra(index === parts.length - 1 ? keyboard : undefined, threadId));
  }
}

/**
 * Edits a message in place (cut to Telegram's 4,096 characters, which an edit cannot exceed);
 * "message is not modified" (the same text again) is not an error. Resolves `gone` when Telegram
 * will not edit that message any more (deleted, or too old to edit), for the caller to send anew.
 */
export async function editHtml(telegram: Telegram, chatId: number, messageId: number, html: string, keyboard?: Keyboard): Promise<'edited' | 'gone'> {
  try {
    await telegram.editMessageText(chatId, messageId, undefined, truncateHtml(html, TELEGRAM_MAX_MESSAGE_LENGTH), messageExtra(keyboard));
  } catch (error) {
    if (error instanceof TelegramError && /message is not modified/i.test(error.description)) return 'edited';
    if (error instanceof TelegramError && error.code === 400 && /message to edit not found|message can't be edited/i.test(error.description)) return 'gone';
    throw error;
  }
  return 'edited';
}

/** ChatApi on top of telegraf: look-ups that fail with a 400/403 answer null instead of throwing. */
export function createChatApi(telegram: Telegram, botId: number): ChatApi {
  return {
    botId,
    async getChat(chat) {
      try {
        const found = await telegram.getChat(chat);
        return { id: found.id, type: found.type, title: 'title' in found ? found.title : null };
      } catch (error) {
        if (isClientError(error)) return null;
        throw error;
      }
    },
    async getChatMember(chatId, userId) {
      try {
        const member = await telegram.getChatMember(chatId, userId);
        const canPost = member.status === 'creator' || (member.status === 'administrator' && member.can_post_messages !== false);
        return { status: member.status, canPost };
      } catch (error) {
        if (isClientError(error)) return null;
        throw error;
      }
    },
  };
}

function isClientError(error: unknown): boolean {
  return error instanceof TelegramError && error.code >= 400 && error.code < 500 && error.code !== 429;
}
