/**
 * Says in the log when long polling loses Telegram and when it has it back. telegraf's polling
 * loop retries network failures, 429 and 5xx on its own, but only tells its debug channel, so an
 * outage would otherwise leave no trace: one warning when it starts, one line when it ends.
 */
import type { Telegram } from 'telegraf';
import type { Logger } from '../log.js';
import { unreachableReason } from './reach-telegram.js';

/** Wraps `telegram`'s getUpdates calls (the polling loop's) to log the start and end of an outage. */
export function watchLongPolling(telegram: Telegram, logger: Logger, clock: () => number = Date.now): void {
  const call = telegram.callApi.bind(telegram) as (...args: unknown[]) => Promise<unknown>;
  let lostAt: number | null = null;
  telegram.callApi = (async (method: string, ...rest: unknown[]) => {
    if (method !== 'getUpdates') return call(method, ...rest);
    try {
      const updates = await call(method, ...rest);
      if (lostAt !== null) {
        logger.info({ down_ms: clock() - lostAt }, 'bot: long polling reaches Telegram again');
        lostAt = null;
      }
      return updates;
    } catch (error) {
      const reason = unreachableReason(error);
      if (reason !== null && lostAt === null) {
        lostAt = clock();
        logger.warn({ reason }, `bot: long polling cannot reach Telegram (${reason}); telegraf keeps retrying`);
      }
      throw error;
    }
  }) as Telegram['callApi'];
}
