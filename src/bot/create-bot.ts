import { Telegraf, type Context } from 'telegraf';
import type { Update } from 'telegraf/types';
import { COMMANDS } from '../../commands/index.js';
import { createStoryKeysMemo } from '../core/story-keys.js';
import { messagesFor } from '../i18n/index.js';
import { reachabilityAfter } from './bot-membership.js';
import type { BotCommand } from './command.js';
import { callbackContext, commandContext, ensureChat, isForwarded, languageOf, noteDigestThread, topicThreadOf, typedTextOf } from './chat-context.js';
import { isChannelRef } from './channel-ref.js';
import { createChatQueue } from './chat-queue.js';
import { createDeliveryLog } from './delivery-log.js';
import type { BotDeps } from './deps.js';
import { installErrorBoundary } from './error-boundary.js';
import { createFloodGate, type FloodOptions } from './flood-gate.js';
import { mayChangeSettings } from './group-admin.js';
import { MAX_ARGUMENT_LENGTH, parseCommand } from './parse-command.js';
import { plainTextHint } from './plain-text-hint.js';
import { isReaderContent } from './reader-content.js';
import { watchLongPolling } from './polling-watch.js';
import { createRepliesTelegram } from './replies-telegram.js';
import { createChatApi, sendHtml } from './telegram-adapter.js';
import { unknownCommandText } from './unknown-command.js';
import { DEFAULT_UPDATE_RUNNER_OPTIONS, runUpdatesIndependently } from './update-runner.js';

/**
 * The update types the bot handles, asked for by name when it starts (startBot): Telegram keeps
 * the list the token's last program named, and one that asked only for messages would leave
 * button presses unsent and the spinner turning.
 */
export const HANDLED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const;

/** How to reach Telegram and how strict to be; only the token is required. */
export interface BotOptions {
  readonly token: string;
  /** Bot API root, e.g. a self-hosted server or the test emulator (config.telegramApiRoot). */
  readonly apiRoot?: string;
  readonly flood?: FloodOptions;
  readonly commands?: readonly BotCommand[];
  /** Milliseconds a handler may run before it stops holding up others (it is logged, not killed). */
  readonly handlerTimeoutMs?: number;
  /** Milliseconds a chat's /latest or /digest may hold up the chat's next (default CHAT_HOLD_MS; see chat-queue). */
  readonly chatHoldMs?: number;
  /**
   * Updates handled at the same time, each on its own (default 500; see update-runner). 0 keeps
   * telegraf's way: `handleUpdate` resolves only once the update is done (the terminal chat).
   */
  readonly maxUpdatesInFlight?: number;
}

/**
 * Creates the telegraf bot with every command wired: parsing (`/cmd@botname` in groups),
 * argument sanitation, flood control per chat, group-admin and bot-admin checks, button presses,
 * and an error boundary so one failing update never stops polling. Nothing is sent until started.
 */
export function createBot(deps: BotDeps, options: BotOptions): Telegraf {
  const apiRoot = options.apiRoot ?? 'https://api.telegram.org';
  const maxInFlight = options.maxUpdatesInFlight ?? DEFAULT_UPDATE_RUNNER_OPTIONS.maxInFlight;
  const slowAfterMs = options.handlerTimeoutMs ?? DEFAULT_UPDATE_RUNNER_OPTIONS.slowAfterMs;
  const bot = new Telegraf(options.token, {
    telegram: { apiRoot, webhookReply: false },
    // With the update runner telegraf's part of an update ends at once; the runner watches for slow handlers.
    handlerTimeout: maxInFlight > 0 ? Infinity : slowAfterMs,
  });
  watchLongPolling(bot.telegram, deps.logger);
  // Every update's ctx.telegram: telegraf's client with a leaner sendMessage (replies-telegram).
  Object.assign(bot.context, { telegram: createRepliesTelegram(options.token, apiRoot, { onSent: deps.onReplySent }) });
  const commands = options.commands ?? COMMANDS;
  const byName = new Map(commands.map((command) => [command.name as string, command]));
  // Guesses for a mistyped command, or one typed in the reader's language (/zeit): only the ones every reader may use.
  const everyoneNames = commands.filter((command) => command.scope !== 'bot-admin').map((command) => command.name);
  const byPrefix = new Map(commands.flatMap((command) => (command.callbackPrefix ? [[command.callbackPrefix, command] as const] : [])));
  const flood = createFloodGate(options.flood);
  const shared = {
    queue: createChatQueue({ holdMs: options.chatHoldMs, logger: deps.logger }),
    deliveries: createDeliveryLog(deps.subscribers),
    storyKeys: createStoryKeysMemo(),
  };
  const onError = installErrorBoundary(bot, deps);
  if (maxInFlight > 0) runUpdatesIndependently(bot, onError, deps.logger, { maxInFlight, slowAfterMs });

  bot.on('message', async (ctx) => {
    const message = ctx.message;
    if ('migrate_to_chat_id' in message && message.migrate_to_chat_id !== undefined) {
      deps.subscribers.moveChat(message.chat.id, message.migrate_to_chat_id, deps.now());
      return;
    }
    const text = typedTextOf(message);
    const isPrivate = message.chat.type === 'private';
    // A sticker or a voice message in a private chat is the reader talking to us, and silence reads as a
    // broken bot: it gets a hint as plain text does. Service messages (a pin, a new member) get none.
    if (text === undefined && !(isPrivate && isReaderContent(message))) return;
    // A forwarded command is read as text: in a private chat it gets the hint plain text gets.
    const parsed = text === undefined || isForwarded(message) ? null : parseCommand(text);
    // In the forum topic it came from, as a command's own answers (commandContext).
    const reply = (html: string) => sendHtml(ctx.telegram, message.chat.id, html, undefined, topicThreadOf(message));
    // Group chatter and commands for other bots are not ours: ignored before they count as flooding.
    if (parsed === null ? !isPrivate : parsed.mention !== null && parsed.mention !== ctx.botInfo.username.toLowerCase()) return;
    const now = deps.now();
    const verdict = flood.check(message.chat.id, now);
    if (verdict !== 'ok') {
      if (verdict === 'warn') await reply(messagesFor(languageOf(deps, ctx)).slowDown);
      return;
    }
    if (parsed === null) {
      const msg = messagesFor(languageOf(deps, ctx));
      return reply(text === undefined ? msg.notTyped : plainTextHint(text, deps.feeds(), deps.topicNames?.(), msg));
    }
    const command = byName.get(parsed.name);
    if (!command) {
      if (isPrivate || parsed.mention !== null) await reply(unknownCommandText(parsed, everyoneNames, ctx.botInfo.username, messagesFor(languageOf(deps, ctx))));
      return;
    }
    const chat = ensureChat(deps, ctx, now);
    if (!chat) return;
    const context = commandContext(deps, ctx, chat, parsed.args, now, shared);
    if (parsed.badArguments === 'too-long') return context.reply(context.msg.argumentsTooLong(MAX_ARGUMENT_LENGTH));
    if (parsed.badArguments === 'unreadable') return context.reply(context.msg.unreadableArguments);
    if (command.scope === 'bot-admin' && !context.isBotAdmin) {
      // The operator's way to learn the user id to put in ADMIN_IDS: send /stats, read this line.
      deps.logger.info({ command: command.name, user_id: ctx.from.id, chat_id: message.chat.id }, 'bot: admin command refused: user_id is not in ADMIN_IDS');
      return context.reply(context.msg.botAdminsOnly);
    }
    const onChannel = command.channelArgument === true && isChannelRef(parsed.args[0]);
    const changes = command.scope === 'settings' && !onChannel && !(command.viewWithoutArgs && parsed.args.length === 0);
    if (changes && !(await allowed(ctx))) return context.reply(context.msg.groupAdminsOnly);
    if (changes) noteDigestThread(deps, chat, topicThreadOf(message), now);
    await command.run(context);
  });

  // An edited command is not run again: it could repeat what the first one did (a second digest, a
  // topic added beside the one the reader meant to replace), even days later. Silence would let a
  // reader who corrected `/time 25:00` by editing believe it worked, so each edit of a command
  // addressed to this bot gets one answer: edits are not read, send it again (the text to copy);
  // for a command the bot does not have, the "did you mean" a new message gets.
  bot.on('edited_message', async (ctx) => {
    const message = ctx.editedMessage;
    const text = typedTextOf(message);
    if (text === undefined) return;
    const parsed = parseCommand(text);
    const isPrivate = message.chat.type === 'private';
    if (parsed === null || (parsed.mention !== null && parsed.mention !== ctx.botInfo.username.toLowerCase())) return;
    // In a group, as for a new message: an unknown command is answered only with this bot's @mention.
    if (!isPrivate && parsed.mention === null && !byName.has(parsed.name)) return;
    const verdict = flood.check(message.chat.id, deps.now());
    if (verdict === 'drop') return;
    const msg = messagesFor(languageOf(deps, ctx));
    // An unknown command runs nothing, so its edit gets the answer a new message would: the command
    // meant (`/tijd 7u30`: did you mean /time 7u30?), not "send it again" for another round trip.
    const answer = verdict === 'warn'
      ? msg.slowDown
      : byName.has(parsed.name)
        ? msg.editNotRead(parsed.badArguments !== null ? null : text.trim())
        : unknownCommandText(parsed, everyoneNames, ctx.botInfo.username, msg);
    await sendHtml(ctx.telegram, message.chat.id, answer, undefined, topicThreadOf(message));
  });

  bot.on('callback_query', async (ctx) => {
    const query = ctx.callbackQuery;
    const data = 'data' in query ? query.data : '';
    const [prefix = '', ...rest] = data.split(':');
    const command = byPrefix.get(prefix);
    const now = deps.now();
    let notice: string | undefined;
    try {
      if (!command?.onCallback || !ctx.chat) return;
      if (flood.check(ctx.chat.id, now) !== 'ok') {
        notice = messagesFor(languageOf(deps, ctx)).slowDown;
        return;
      }
      const changes = command.callbackScope === 'settings' && command.isViewPress?.(rest) !== true;
      if (changes && !(await allowed(ctx))) {
        notice = messagesFor(languageOf(deps, ctx)).groupAdminsOnly;
        return;
      }
      // Read after the admin check, the last wait before the button's handler: a toggle decided on
      // the chat as it was before a second tap handled meanwhile would repeat that tap, not undo it.
      const chat = ensureChat(deps, ctx, now);
      if (!chat) return;
      if (changes) noteDigestThread(deps, chat, topicThreadOf('message' in query ? query.message : undefined), now);
      await command.onCallback(callbackContext(deps, ctx, chat, rest, now, shared));
    } finally {
      await ctx.answerCbQuery(notice).catch((error: unknown) => deps.logger.warn({ err: error }, 'bot: answerCallbackQuery failed'));
    }
  });

  // The bot removed (or blocked, muted, or a channel admin without "Post messages") leaves the chat's
  // subscriptions stored but unreached; added back (unblocked, its right to post given back) it may
  // post again, so its digests resume without anyone having to write to it first.
  bot.on('my_chat_member', (ctx) => {
    const after = reachabilityAfter(ctx.myChatMember.new_chat_member, ctx.chat.type);
    if (after === 'reachable') deps.subscribers.markReachable(ctx.chat.id, deps.now());
    else if (after !== 'unchanged') deps.subscribers.markInactive(ctx.chat.id, after.inactive, deps.now());
  });

  return bot;
}

function allowed(ctx: Context<Update>): Promise<boolean> {
  const chat = ctx.chat;
  if (!chat) return Promise.resolve(false);
  const senderChat = ctx.message && 'sender_chat' in ctx.message ? ctx.message.sender_chat : undefined;
  return mayChangeSettings(
    { chatType: chat.type, chatId: chat.id, userId: ctx.from?.id ?? null, senderChatId: senderChat?.id ?? null },
    createChatApi(ctx.telegram, ctx.botInfo.id),
  );
}
