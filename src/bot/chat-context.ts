import type { Context } from 'telegraf';
import type { StoryKeys } from '../core/story-keys.js';
import type { ChatType, StoredBriefing, Subscriber } from '../core/types.js';
import { NO_TOPIC_NAMES } from '../core/topic-names.js';
import { messagesFor, uiLanguageFor } from '../i18n/index.js';
import type { ChatQueue } from './chat-queue.js';
import type { DeliveryLog } from './delivery-log.js';
import type { CallbackContext, CommandContext, Keyboard } from './command.js';
import type { BotDeps } from './deps.js';
import { createChatApi, editHtml, sendHtml } from './telegram-adapter.js';

/**
 * The chat an update came from, stored on first contact with the sender's language as its own.
 * A chat that delivery had marked unreachable is reachable again once it writes to the bot.
 */
export function ensureChat(deps: BotDeps, ctx: Context, now: number): Subscriber | null {
  const chat = ctx.chat;
  if (!chat) return null;
  const existing = deps.subscribers.find(chat.id);
  if (existing) return existing.active ? existing : (deps.subscribers.markReachable(chat.id, now) ?? existing);
  return deps.subscribers.ensure(
    {
      chatId: chat.id,
      chatType: chat.type as ChatType,
      title: 'title' in chat ? chat.title : null,
      language: uiLanguageFor(ctx.from?.language_code, deps.defaults.language),
      timezone: deps.defaults.timezone,
      digestTime: deps.defaults.digestTime,
    },
    now,
  );
}

/** The language to answer an update in, also when its chat is not stored (for error replies). */
export function languageOf(deps: BotDeps, ctx: Context) {
  const stored = ctx.chat ? deps.subscribers.find(ctx.chat.id) : null;
  return stored?.language ?? uiLanguageFor(ctx.from?.language_code, deps.defaults.language);
}

/**
 * The forum topic a message was written in, for answers to go there too; undefined outside a
 * forum topic (Telegram then sends to the chat, or to a forum's General topic).
 */
export function topicThreadOf(message: object | undefined): number | undefined {
  if (message === undefined || !('is_topic_message' in message) || message.is_topic_message !== true) return undefined;
  return 'message_thread_id' in message && typeof message.message_thread_id === 'number' ? message.message_thread_id : undefined;
}

/**
 * What the sender typed: a message's text, or the caption of a photo, video or file. Telegram
 * marks a command at the start of a caption as one (caption_entities), and a reader who sends
 * `/subscribe world` under a picture means it as much as without one.
 */
export function typedTextOf(message: object): string | undefined {
  if ('text' in message && typeof message.text === 'string') return message.text;
  return 'caption' in message && typeof message.caption === 'string' ? message.caption : undefined;
}

/**
 * Whether the message is a forward: someone else's words passed on (forward_origin), or a channel
 * post Telegram copies into the channel's discussion group (is_automatic_forward). A command in
 * it was not given by the sender: a reader who forwards a friend's "/stop" does not mean to stop.
 */
export function isForwarded(message: object): boolean {
  return ('forward_origin' in message && message.forward_origin !== undefined)
    || ('is_automatic_forward' in message && message.is_automatic_forward === true);
}

/**
 * Where the chat's digests go: the forum topic in which its settings were last changed (a forum's
 * General topic, or a chat without topics, when `threadId` is undefined). Written only when it moved.
 */
export function noteDigestThread(deps: BotDeps, chat: Subscriber, threadId: number | undefined, now: number): void {
  const thread = threadId ?? null;
  if (chat.threadId !== thread) deps.subscribers.update(chat.chatId, { threadId: thread }, now);
}

/** What every command of one bot shares: the per-chat queue, the delivery log and the remembered story keys. */
export interface SharedState {
  readonly queue: ChatQueue;
  readonly deliveries: DeliveryLog;
  readonly storyKeys: (briefing: StoredBriefing) => StoryKeys;
}

/** Builds what a command sees from a telegraf context. */
export function commandContext(deps: BotDeps, ctx: Context, chat: Subscriber, args: readonly string[], now: number, shared: SharedState): CommandContext {
  const message = ctx.message ?? (ctx.callbackQuery && 'message' in ctx.callbackQuery ? ctx.callbackQuery.message : undefined);
  const threadId = topicThreadOf(message);
  const userId = ctx.from?.id ?? null;
  return {
    deps,
    chat,
    feeds: deps.feeds(),
    topicNames: deps.topicNames?.() ?? NO_TOPIC_NAMES,
    msg: messagesFor(chat.language),
    language: chat.language,
    messagesNow: () => messagesFor(deps.subscribers.find(chat.chatId)?.language ?? chat.language),
    args,
    userId,
    firstName: chat.chatType === 'private' ? (ctx.from?.first_name ?? null) : null,
    isBotAdmin: userId !== null && deps.adminIds.includes(userId),
    now,
    api: createChatApi(ctx.telegram, ctx.botInfo.id),
    reply: (html: string, keyboard?: Keyboard) => sendHtml(ctx.telegram, chat.chatId, html, keyboard, threadId),
    exclusive: (work) => shared.queue.run(chat.chatId, work),
    recordDelivered: (seqs, via) => shared.deliveries.record({ chatId: chat.chatId, seqs, via, at: deps.now() }),
    storyKeys: shared.storyKeys,
  };
}

/**
 * Builds what a button handler sees; `edit` rewrites the message that carried the button. A
 * message the bot can no longer edit (Telegram reports it inaccessible, or refuses the edit as
 * too old or gone) gets the answer as a new message: the press has already changed what it
 * changes, and the reader should see that rather than an apology.
 */
export function callbackContext(deps: BotDeps, ctx: Context, chat: Subscriber, data: readonly string[], now: number, shared: SharedState): CallbackContext {
  const base = commandContext(deps, ctx, chat, [], now, shared);
  const query = ctx.callbackQuery;
  const message = query && 'message' in query ? query.message : undefined;
  // An InaccessibleMessage has date 0.
  const messageId = message && message.date !== 0 ? message.message_id : null;
  return {
    ...base,
    data,
    edit: async (html: string, keyboard?: Keyboard) => {
      if (messageId === null) return base.reply(html, keyboard);
      const edited = await editHtml(ctx.telegram, chat.chatId, messageId, html, keyboard);
      if (edited === 'gone') await base.reply(html, keyboard);
    },
  };
}
