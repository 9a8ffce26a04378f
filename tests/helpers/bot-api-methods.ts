import type { BotApiEmulator, InjectedError, SentMessage } from './bot-api-emulator.js';
import { checkTelegramHtml } from './telegram-html-check.js';

/** One Bot API method of the emulator: params in, result out, or an ApiError thrown. */
export type Handler = (params: Record<string, unknown>) => unknown;

/** Thrown by a method handler to answer with a Bot API error. */
export class ApiError extends Error {
  constructor(readonly body: InjectedError) {
    super(body.description);
  }
}

const badRequest = (description: string, parameters?: InjectedError['parameters']) =>
  new ApiError({ error_code: 400, description: `Bad Request: ${description}`, ...(parameters ? { parameters } : {}) });

/** The methods the emulator implements, with Telegram's checks and error texts. */
export function methodHandlers(emulator: BotApiEmulator): Record<string, Handler> {
  const chatIdOf = (params: Record<string, unknown>): number => {
    const raw = params.chat_id;
    if (typeof raw === 'string' && raw.startsWith('@')) {
      const chat = emulator.chatFor(raw);
      if (!chat) throw badRequest('chat not found');
      return chat.id;
    }
    const id = Number(raw);
    if (!Number.isFinite(id) || raw === undefined || raw === '') throw badRequest('chat_id is empty');
    return id;
  };
  const markupOf = (params: Record<string, unknown>): SentMessage['reply_markup'] => {
    const raw = typeof params.reply_markup === 'string' ? JSON.parse(params.reply_markup) : params.reply_markup;
    const markup = raw as SentMessage['reply_markup'];
    for (const row of markup?.inline_keyboard ?? []) {
      for (const button of row) {
        if (button.callback_data !== undefined && Buffer.byteLength(button.callback_data) > 64) throw badRequest('BUTTON_DATA_INVALID');
        if (!button.text) throw badRequest('text buttons are unallowed in the inline keyboard');
      }
    }
    return markup;
  };
  const checkText = (params: Record<string, unknown>): string => {
    const text = String(params.text ?? '');
    if (text.trim() === '') throw badRequest('message text is empty');
    if (text.length > 4096) throw badRequest('message is too long');
    if (String(params.parse_mode ?? '').toUpperCase() === 'HTML') {
      const problem = checkTelegramHtml(text);
      if (problem) throw new ApiError({ error_code: 400, description: problem });
    }
    return text;
  };
  const jsonOf = <T>(value: unknown): T | undefined => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T | undefined));

  return {
    getMe: () => emulator.botUser,
    getUpdates: () => [],
    deleteWebhook: () => {
      emulator.setWebhookUrl('');
      return true;
    },
    setWebhook: (params) => {
      emulator.setWebhookUrl(String(params.url ?? ''));
      emulator.noteAllowedUpdates(params.allowed_updates);
      return true;
    },
    getWebhookInfo: () => ({ url: emulator.webhookUrl, has_custom_certificate: false, pending_update_count: 0 }),
    setMyCommands: (params) => {
      const commands = jsonOf<{ command: string; description: string }[]>(params.commands) ?? [];
      for (const command of commands) {
        if (!/^[a-z0-9_]{1,32}$/.test(command.command)) throw badRequest('BOT_COMMAND_INVALID');
        if (command.description.length < 1 || command.description.length > 256) throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
      }
      return true;
    },
    sendMessage: (params) => {
      const chatId = chatIdOf(params);
      const newId = emulator.migratedTo(chatId);
      if (newId !== undefined) throw badRequest('group chat was upgraded to a supergroup chat', { migrate_to_chat_id: newId });
      const blocked = emulator.blockedReason(chatId);
      if (blocked !== undefined) throw new ApiError({ error_code: 403, description: blocked });
      const text = checkText(params);
      const reply_markup = markupOf(params);
      const chat = emulator.chatFor(chatId);
      // Telegram's answers for a bot muted in a group and for a channel admin without "Post messages".
      const bot = emulator.memberOf(chatId, emulator.botUser.id);
      if (bot?.status === 'restricted' && bot.can_send_messages === false) throw badRequest('not enough rights to send text messages to the chat');
      if (chat?.type === 'channel' && bot?.status === 'administrator' && bot.can_post_messages === false) throw badRequest('need administrator rights in the channel chat');
      const threadId = params.message_thread_id === undefined ? undefined : Number(params.message_thread_id);
      if (threadId !== undefined && emulator.topicDeleted(chatId, threadId)) throw badRequest('message thread not found');
      const isGroup = chat ? chat.type === 'group' || chat.type === 'supergroup' : chatId < 0;
      const limited = emulator.limits.check(chatId, isGroup, Date.now());
      if (limited) {
        throw new ApiError({ error_code: 429, description: `Too Many Requests: retry after ${limited.retryAfter}`, parameters: { retry_after: limited.retryAfter } });
      }
      const message: SentMessage = {
        message_id: emulator.newMessageId(chatId),
        chat_id: chatId,
        text,
        parse_mode: params.parse_mode as string | undefined,
        reply_markup,
        link_preview_options: jsonOf(params.link_preview_options),
        disable_web_page_preview: params.disable_web_page_preview === undefined ? undefined : String(params.disable_web_page_preview) === 'true',
        message_thread_id: threadId,
        edits: 0,
      };
      emulator.sent.push(message);
      for (const listener of emulator.sendListeners) listener(message);
      return {
        message_id: message.message_id,
        date: Math.floor(Date.now() / 1000),
        chat: chat ?? { id: chatId, type: chatId > 0 ? 'private' : 'group' },
        from: emulator.botUser,
        text,
        ...(threadId !== undefined && chat?.is_forum === true ? { message_thread_id: threadId, is_topic_message: true } : {}),
        ...(reply_markup ? { reply_markup } : {}),
      };
    },
    editMessageText: (params) => {
      const chatId = chatIdOf(params);
      const message = emulator.sent.find((sent) => sent.chat_id === chatId && sent.message_id === Number(params.message_id));
      if (!message) throw badRequest('message to edit not found');
      const text = checkText(params);
      const reply_markup = markupOf(params);
      if (text === message.text && JSON.stringify(reply_markup) === JSON.stringify(message.reply_markup)) {
        throw badRequest('message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
      }
      message.text = text;
      message.reply_markup = reply_markup;
      message.edits += 1;
      return { message_id: message.message_id, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, text };
    },
    answerCallbackQuery: (params) => {
      if (!params.callback_query_id) throw badRequest('query is too old and response timeout expired or query ID is invalid');
      return true;
    },
    getChat: (params) => {
      const chat = emulator.chatFor(params.chat_id as string | number);
      if (!chat) throw badRequest('chat not found');
      return chat;
    },
    getChatMember: (params) => {
      const chatId = chatIdOf(params);
      const userId = Number(params.user_id);
      const member = emulator.memberOf(chatId, userId) ?? { status: 'member' };
      return { user: { id: userId, is_bot: userId === emulator.botUser.id, first_name: 'user' }, ...member };
    },
  };
}
