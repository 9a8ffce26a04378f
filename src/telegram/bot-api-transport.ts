import { classifyAnswer, classifyNetworkError, type BotApiAnswer, type SendOutcome } from './send-errors.js';

/** One message as the sender hands it to Telegram; `options` are further sendMessage fields. */
export interface OutgoingMessage {
  readonly chatId: number;
  readonly text: string;
  readonly parseMode?: 'HTML' | 'MarkdownV2';
  readonly options?: Readonly<Record<string, unknown>>;
}

/** The one Bot API call the sender needs; answers are already classified, it never throws. */
export interface Transport {
  sendMessage(message: OutgoingMessage): Promise<SendOutcome>;
}

export interface FetchTransportOptions {
  /** `https://api.telegram.org`, or an emulator / self-hosted Bot API server. */
  readonly apiRoot: string;
  readonly token: string;
  readonly timeoutMs?: number;
}

/**
 * sendMessage over HTTP with the runtime's fetch (keep-alive by default). The URL carries the
 * token, so it never appears in an outcome or error text.
 */
export function createFetchTransport(options: FetchTransportOptions): Transport {
  const url = `${options.apiRoot.replace(/\/+$/, '')}/bot${options.token}/sendMessage`;
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    async sendMessage(message) {
      const body = JSON.stringify({
        ...message.options,
        chat_id: message.chatId,
        text: message.text,
        ...(message.parseMode ? { parse_mode: message.parseMode } : {}),
      });
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        return classifyNetworkError(scrubToken(error, options.token));
      }
      let answer: BotApiAnswer | null = null;
      try {
        answer = (await response.json()) as BotApiAnswer;
      } catch {
        answer = null;
      }
      return classifyAnswer(response.status, answer);
    },
  };
}

function scrubToken(error: unknown, token: string): unknown {
  if (!(error instanceof Error) || token === '') return error;
  const copy = new Error(error.message.split(token).join('[redacted]'));
  copy.name = error.name;
  return copy;
}
