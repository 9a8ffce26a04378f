import { TelegramError, type Context, type Telegraf } from 'telegraf';
import { messagesFor } from '../i18n/index.js';
import { classifyAnswer } from '../telegram/send-errors.js';
import { languageOf, topicThreadOf } from './chat-context.js';
import type { BotDeps } from './deps.js';
import { sendHtml } from './telegram-adapter.js';

/**
 * The bot's net: an exception in any handler is logged with the update id and chat id, the chat
 * gets one polite sentence (in the forum topic the update came from: in General it would answer a
 * question nobody there asked), and nothing is rethrown, so long polling carries on with the next update.
 * When Telegram refused the reply as rate-limited, the chat as gone (blocked the bot, removed it,
 * deactivated) or the bot as muted there, the chat gets nothing: the apology would meet the same
 * limit, block or mute.
 * Returns the handler, for updates run outside telegraf's own error handling (update-runner).
 */
export function installErrorBoundary(bot: Telegraf, deps: BotDeps): (error: unknown, ctx: Context) => Promise<void> {
  const handle = async (error: unknown, ctx: Context) => {
    deps.logger.error({ err: error, update_id: ctx.update.update_id, chat_id: ctx.chat?.id ?? null }, 'bot: handler failed');
    if (!ctx.chat || apologyWouldFailToo(error)) return;
    try {
      await sendHtml(ctx.telegram, ctx.chat.id, messagesFor(languageOf(deps, ctx)).somethingWentWrong, undefined, topicThreadOf(updateMessage(ctx)));
    } catch (replyError) {
      deps.logger.warn({ err: replyError, update_id: ctx.update.update_id }, 'bot: could not send the error reply');
    }
  };
  bot.catch(handle);
  return handle;
}

/** The message an update is about: the one sent, edited, or carrying the pressed button. */
function updateMessage(ctx: Context): object | undefined {
  const query = ctx.callbackQuery;
  return ctx.message ?? ctx.editedMessage ?? (query && 'message' in query ? query.message : undefined);
}

function apologyWouldFailToo(error: unknown): boolean {
  if (!(error instanceof TelegramError)) return false;
  const outcome = classifyAnswer(error.code, { ok: false, ...error.response });
  return outcome.kind === 'rate_limited' || outcome.kind === 'chat_gone' || outcome.kind === 'no_rights';
}
