import { Telegram, TelegramError } from 'telegraf';
import { createJsonPost, parseAnswerBody, type PostAnswer } from '../telegram/post-json.js';

type TelegramErrorPayload = ConstructorParameters<typeof TelegramError>[0];

/** How long one sendMessage may take before it fails (telegraf's own limit for any call). */
const SEND_TIMEOUT_MS = 500_000;

/** A 429 asking to wait at most this long is waited out and the reply sent once more; a longer one fails. */
const REPLY_RETRY_AFTER_MAX_S = 5;

/** Hooks of the replies client. */
export interface RepliesTelegramOptions {
  /** Called after each reply Telegram accepted, so the rate-limited sender can count it (noteExternalSend). */
  readonly onSent?: (chatId: number) => void;
}

/**
 * The Telegram client the bot's handlers use. It is telegraf's own, except that sendMessage (the
 * call almost every reply makes) goes straight through node:http(s) on a keep-alive agent
 * (telegram/post-json.ts, which the outbox's sender uses too): under a
 * burst of commands telegraf's generic path (node-fetch, Headers, body streams) cost more CPU than
 * building the answer. Same JSON request, same result, same `TelegramError` for a refusal
 * (`{ ok: false }` or HTTP 5xx), so callers cannot tell the difference; every other method is
 * sent by telegraf itself. The token is only in the request path, never in an error message.
 * For a reply, new (sendMessage) or edited in place by a button (editMessageText), a short 429
 * (retry_after <= REPLY_RETRY_AFTER_MAX_S) is waited out and the call made once more: a reply is
 * still worth sending a second later. Each accepted reply is reported to `options.onSent`.
 */
export function createRepliesTelegram(token: string, apiRoot: string, options: RepliesTelegramOptions = {}): Telegram {
  const telegram = new Telegram(token, { apiRoot, webhookReply: false });
  const viaTelegraf = telegram.callApi.bind(telegram);
  const url = new URL(`./bot${token}/sendMessage`, apiRoot); // resolved as telegraf resolves it
  const post = createJsonPost(url, { timeoutMs: SEND_TIMEOUT_MS });

  const sendOnce = async (payload: Record<string, unknown>): Promise<unknown> => {
    let answer: PostAnswer;
    try {
      answer = await post(JSON.stringify(withoutNulls(payload)));
    } catch (error) {
      throw new Error(`bot/replies-telegram: sendMessage failed: ${redactToken((error as Error).message, token)}`);
    }
    const data = parseAnswerBody(answer);
    if (answer.status >= 500) throw new TelegramError({ error_code: answer.status, description: answer.statusMessage }, { method: 'sendMessage', payload });
    if (!isAnswer(data)) throw new Error(`bot/replies-telegram: sendMessage answered HTTP ${answer.status} without a Bot API answer`);
    if (!data.ok) throw new TelegramError(data as unknown as TelegramErrorPayload, { method: 'sendMessage', payload });
    return data.result;
  };

  /** One reply (a new message or an edit): a short 429 waited out once, then counted as sent. */
  const reply = async (payload: Record<string, unknown>, call: () => Promise<unknown>) => {
    let result: unknown;
    try {
      result = await call();
    } catch (error) {
      const waitS = shortRetryAfter(error);
      if (waitS === null) throw error;
      await new Promise((resolve) => setTimeout(resolve, waitS * 1000));
      result = await call();
    }
    if (typeof payload.chat_id === 'number') options.onSent?.(payload.chat_id);
    return result;
  };

  telegram.callApi = ((method: string, payload: object, options?: { signal?: unknown }) => {
    const params = payload as Record<string, unknown>;
    const passOn = () => viaTelegraf(method as 'getMe', payload as never, options as never);
    if (options?.signal !== undefined) return passOn();
    if (method === 'sendMessage') return reply(params, () => sendOnce(params));
    // An edit (a button's answer) counts against the same chat and global limits as a message.
    if (method === 'editMessageText') return reply(params, passOn);
    return passOn();
  }) as Telegram['callApi'];
  return telegram;
}

/** Drops null parameters as telegraf does, so both paths send the same JSON (sendMessage has no nested nulls). */
function withoutNulls(payload: Record<string, unknown>): Record<string, unknown> {
  for (const key in payload) {
    if (payload[key] === null) return Object.fromEntries(Object.entries(payload).filter(([, value]) => value !== null));
  }
  return payload;
}

/** The seconds a 429 asks to wait when that is short enough to wait out; null for anything else. */
function shortRetryAfter(error: unknown): number | null {
  if (!(error instanceof TelegramError) || error.code !== 429) return null;
  const retryAfter = error.parameters?.retry_after;
  return typeof retryAfter === 'number' && retryAfter >= 0 && retryAfter <= REPLY_RETRY_AFTER_MAX_S ? retryAfter : null;
}

function isAnswer(data: unknown): data is { ok: boolean; result?: unknown } {
  return typeof data === 'object' && data !== null && typeof (data as { ok?: unknown }).ok === 'boolean';
}

function redactToken(text: string, token: string): string {
  return text.split(token).join('[REDACTED]');
}
