import type { Context, Telegraf } from 'telegraf';
import type { Logger } from '../log.js';

/** How many updates may be handled at once, and when a slow one stops counting against that. */
export interface UpdateRunnerOptions {
  /** Updates handled at the same time; when reached, polling waits for one to finish. */
  readonly maxInFlight: number;
  /** After this long a handler no longer holds a slot (it is logged and left to finish on its own). */
  readonly slowAfterMs: number;
}

/** Default: up to 500 updates at once; a handler still running after 60 s frees its slot. */
export const DEFAULT_UPDATE_RUNNER_OPTIONS: UpdateRunnerOptions = { maxInFlight: 500, slowAfterMs: 60_000 };

// The runner of each bot, so stopBot can wait for handlers still running; weak, so a dropped bot is freed.
const RUNNERS = new WeakMap<Telegraf, Set<Promise<void>>>();

/**
 * Makes each update run on its own instead of inside telegraf's polling batch. Telegraf handles a
 * getUpdates batch concurrently but asks for the next batch only when every update of it is done,
 * so one slow handler (a stuck getChat, a long digest) held up every other chat for as long as the
 * handler timeout. Here the polling loop moves on at once; at most `maxInFlight` updates run
 * together (then polling waits), errors go to `onError` (the bot's error boundary), and
 * `drainUpdates` lets shutdown wait for the handlers still running. Install before any handler.
 */
export function runUpdatesIndependently(
  bot: Telegraf,
  onError: (error: unknown, ctx: Context) => Promise<void>,
  logger: Logger,
  options: UpdateRunnerOptions = DEFAULT_UPDATE_RUNNER_OPTIONS,
): void {
  const inFlight = new Set<Promise<void>>();
  RUNNERS.set(bot, inFlight);
  bot.use(async (ctx, next) => {
    while (inFlight.size >= options.maxInFlight) await Promise.race(inFlight);
    const work = Promise.resolve()
      .then(next)
      .catch((error: unknown) => onError(error, ctx))
      .catch((error: unknown) => logger.error({ err: error, update_id: ctx.update.update_id }, 'bot: error handler failed'));
    let timer: NodeJS.Timeout | undefined;
    const slow = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        logger.warn({ update_id: ctx.update.update_id, chat_id: ctx.chat?.id ?? null, after_ms: options.slowAfterMs }, 'bot: handler still running');
        resolve();
      }, options.slowAfterMs);
      timer.unref();
    });
    const slot = Promise.race([work, slow]).finally(() => {
      clearTimeout(timer);
      inFlight.delete(slot);
    });
    inFlight.add(slot);
  });
}

/** Waits until the updates being handled are done (at most `timeoutMs`); at once for a bot without a runner. */
export async function drainUpdates(bot: Telegraf, timeoutMs: number): Promise<void> {
  const inFlight = RUNNERS.get(bot);
  if (!inFlight || inFlight.size === 0) return;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  await Promise.race([Promise.all([...inFlight]), deadline]);
  clearTimeout(timer);
}
