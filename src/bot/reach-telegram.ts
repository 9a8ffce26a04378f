/**
 * The first call to the Bot API, repeated until Telegram answers. A bot started with the
 * machine often comes up before the network, and the Bot API has outages: neither is a reason to
 * exit. A refused token is, and fails at once; so does anything that is not a network problem.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { TelegramError } from 'telegraf';
import type { Logger } from '../log.js';

export interface ReachOptions {
  readonly logger: Logger;
  /** Where the Bot API is (TELEGRAM_API_ROOT), for the log line; never the URL with the token. */
  readonly apiRoot: string;
  /** Aborting stops the waiting (shutdown while Telegram is away): the call rejects with an AbortError. */
  readonly signal?: AbortSignal;
  /** First wait, doubled after each failure up to `maxDelayMs`. */
  readonly firstDelayMs?: number;
  readonly maxDelayMs?: number;
}

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 60_000;

/**
 * Runs `call` until it succeeds, waiting between tries while Telegram cannot be reached. The
 * operator is told when it fails and whenever the reason changes, not at every try (a long
 * outage would log one line a minute for hours), and when it answers at last.
 */
export async function reachTelegram<T>(call: () => Promise<T>, options: ReachOptions): Promise<T> {
  const { logger, apiRoot, signal } = options;
  const maxDelayMs = options.maxDelayMs ?? MAX_DELAY_MS;
  let told: string | null = null;
  let since = 0;
  for (let attempt = 1, delayMs = options.firstDelayMs ?? FIRST_DELAY_MS; ; attempt += 1, delayMs = Math.min(maxDelayMs, delayMs * 2)) {
    signal?.throwIfAborted();
    try {
      const answer = await call();
      if (told !== null) logger.info({ attempts: attempt, down_ms: Date.now() - since }, `bot: reached Telegram at ${apiRoot} after ${attempt} tries`);
      return answer;
    } catch (error) {
      const reason = unreachableReason(error);
      if (reason === null) throw error;
      if (told === null) since = Date.now();
      const level = reason === told ? 'debug' : 'warn';
      told = reason;
      logger[level]({ attempt, retry_in_ms: delayMs, reason }, `bot: cannot reach Telegram at ${apiRoot} (${reason}); trying again in ${seconds(delayMs)}`);
      await sleep(delayMs, undefined, signal === undefined ? undefined : { signal });
    }
  }
}

/**
 * Why Telegram could not be reached, or null when the error says something else: the Bot API
 * answered with a client error (a refused token), or the failure is not a network one (a bug).
 */
export function unreachableReason(error: unknown): string | null {
  if (error instanceof TelegramError) {
    return error.code === 429 || error.code >= 500 ? `the Bot API answered ${error.code}: ${error.description}` : null;
  }
  const { name, code, type } = (error ?? {}) as { name?: unknown; code?: unknown; type?: unknown };
  // node-fetch (telegraf's client) marks network failures FetchError with the system error's code.
  if (name === 'FetchError') return typeof code === 'string' ? code : typeof type === 'string' ? type : 'network error';
  if (typeof code === 'string' && /^(E[A-Z_]+|UND_ERR_\w+)$/.test(code)) return code;
  return null;
}

function seconds(ms: number): string {
  return ms < 1_000 ? `${ms} ms` : `${Math.round(ms / 1_000)} s`;
}
