import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Telegraf } from 'telegraf';
import { COMMANDS } from '../../commands/index.js';
import { ConfigError } from '../config-errors.js';
import type { UiLanguage } from '../core/types.js';
import type { Logger } from '../log.js';
import { registerCommandMenu } from './command-menu.js';
import { HANDLED_UPDATES } from './create-bot.js';
import { reachTelegram, type ReachOptions } from './reach-telegram.js';
import { drainUpdates } from './update-runner.js';

/** How updates arrive: long polling (webhook null) or a webhook behind HTTPS (config.webhook). */
export interface StartOptions {
  readonly webhook: { readonly url: string; readonly secret: string | null; readonly port: number } | null;
  readonly defaultLanguage: UiLanguage;
  readonly logger: Logger;
  /** Stops waiting for an unreachable Telegram (shutdown); startBot then rejects with an AbortError. */
  readonly signal?: AbortSignal;
}

/** A started bot; `stopped` settles when updates stop arriving (after stopBot, or a fatal polling error). */
export interface RunningBot {
  readonly bot: Telegraf;
  readonly mode: 'polling' | 'webhook';
  /**
   * Resolves when updates stop arriving: with undefined after stopBot, or with the error that ended
   * long polling (Telegram answered 401 to a revoked token, 409 to a second instance or a webhook).
   */
  readonly stopped: Promise<unknown>;
  /** Marks a webhook bot as stopped; stopBot calls it (polling settles by itself). */
  readonly release: () => void;
}

/**
 * Starts receiving updates. Asks getMe first, until Telegram answers (a wrong token fails here,
 * with a clear error; an unreachable Bot API is waited for, see reach-telegram.ts),
 * publishes the command menu (non-fatal), then long-polls by default (the webhook removal that
 * precedes it waited for the same way) or, with a webhook URL,
 * listens on `port` and accepts only requests carrying Telegram's secret-token header (a random
 * secret is made when none is configured).
 */
export async function startBot(bot: Telegraf, options: StartOptions): Promise<RunningBot> {
  const logger = options.logger;
  const reach: ReachOptions = { logger, apiRoot: bot.telegram.options.apiRoot, signal: options.signal };
  bot.botInfo ??= await reachTelegram(() => bot.telegram.getMe(), reach);
  await registerCommandMenu(bot.telegram, COMMANDS, options.defaultLanguage, logger);
  if (options.webhook === null) {
    await sayWhenWebhookRemoved(bot, logger);
    const { stopped } = await launchPolling(bot, reach);
    logger.info({ bot_username: bot.botInfo.username, mode: 'polling' }, 'bot: started');
    return { bot, mode: 'polling', stopped, release: () => undefined };
  }
  const url = new URL(options.webhook.url);
  const secretToken = options.webhook.secret ?? randomBytes(24).toString('hex');
  // Our own server rather than launch()'s: it must be listening before Telegram is told to
  // call it, and a port in use must be an error we can report, not an unhandled 'error' event.
  const server = createServer(bot.webhookCallback(url.pathname, { secretToken }));
  await listenOn(server, options.webhook.port);
  try {
    await bot.telegram.setWebhook(`https://${url.host}${url.pathname}`, { secret_token: secretToken, allowed_updates: [...HANDLED_UPDATES] });
  } catch (error) {
    server.close();
    throw error;
  }
  let markStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (markStopped = resolve));
  const release = () => {
    server.close();
    server.closeIdleConnections();
    markStopped();
  };
  logger.info({ bot_username: bot.botInfo.username, mode: 'webhook', port: options.webhook.port }, 'bot: started');
  return { bot, mode: 'webhook', stopped, release };
}

/**
 * telegraf's launch, which removes the token's webhook (deleteWebhook) before its first long poll.
 * That removal is retried like getMe (reach-telegram.ts): a network drop between the two is
 * waited out, where it used to end the start with a stack trace. Resolves once polling begins,
 * with what `stopped` settles to; rejects when launch fails before (a refused token, shutdown).
 */
async function launchPolling(bot: Telegraf, reach: ReachOptions): Promise<{ stopped: Promise<unknown> }> {
  const telegram = bot.telegram;
  const removeWebhook = telegram.deleteWebhook.bind(telegram);
  let removed!: () => void;
  const ready = new Promise<void>((resolve) => (removed = resolve));
  telegram.deleteWebhook = async (...args) => {
    const answer = await reachTelegram(() => removeWebhook(...args), reach);
    removed();
    return answer;
  };
  const stopped = bot.launch({ dropPendingUpdates: false, allowedUpdates: [...HANDLED_UPDATES] }).then(() => undefined, (error: unknown) => error);
  const polling = await Promise.race([ready.then(() => true), stopped.then(() => false)]);
  telegram.deleteWebhook = removeWebhook;
  if (!polling) throw await stopped;
  return { stopped };
}

/**
 * Long polling starts by deleting the token's webhook (telegraf's launch does), which silently
 * takes the updates from whoever set it: an earlier webhook run, or another program. Say so.
 * Only the host is logged: a webhook's path may carry a secret.
 */
async function sayWhenWebhookRemoved(bot: Telegraf, logger: Logger): Promise<void> {
  const url = await bot.telegram.getWebhookInfo().then((info) => info.url ?? '', () => '');
  if (url === '') return;
  const host = URL.canParse(url) ? new URL(url).host : 'an unreadable URL';
  logger.warn({ webhook_host: host }, `bot: a webhook to ${host} was set on this token; long polling removes it, so whatever receives it gets no more updates`);
}

/** Listens on `port` (all interfaces); a port that is taken or not allowed is the operator's to fix. */
function listenOn(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new ConfigError('PORT', [`${port} is already in use by another program; set PORT to a free one`]));
      else if (error.code === 'EACCES') reject(new ConfigError('PORT', [`${port} may not be listened on by this user (ports below 1024 need privileges); set PORT to 1024 or above`]));
      else reject(error);
    });
    server.listen(port, () => resolve());
  });
}

/** Stops receiving updates and waits until polling has wound down and running handlers are done (at most `timeoutMs` each). */
export async function stopBot(running: RunningBot, reason = 'shutdown', timeoutMs = 5_000): Promise<void> {
  try {
    running.bot.stop(reason);
  } catch {
    // Not running any more: nothing to stop.
  }
  running.release();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([running.stopped, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  clearTimeout(timer);
  await drainUpdates(running.bot, timeoutMs);
}
